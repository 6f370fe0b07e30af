/**
 * The browser host as its own process (`electron/host/cli.ts --json`), as a
 * user starts it: for tests that kill it or start it on a damaged data folder.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { repoRoot } from './helpers';

export interface HostProcess {
  child: ChildProcess;
  /** The API base and its per-start token. */
  url: string;
  token: string;
  /** The one-time link the terminal prints. */
  openUrl: string;
  /** Started in recovery mode (the data file could not be opened). */
  recovery: boolean;
  stderr: () => string;
}

/** Starts the host and resolves with what it printed, once it listens. */
export function startHostProcess(dataDir: string): Promise<HostProcess> {
  // One process (node with tsx's loader), so SIGKILL hits the host itself — the tsx CLI would leave it orphaned.
  const child = spawn(process.execPath, ['--import', 'tsx', 'electron/host/cli.ts', '--data-dir', dataDir, '--json'], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stderr!.on('data', (c: Buffer) => (err += c.toString()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`host did not start: ${err}`)), 60_000);
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      const line = out.split('\n').find((l) => l.startsWith('{'));
      if (!line) return;
      clearTimeout(timer);
      const info = JSON.parse(line) as { url: string; token: string; openUrl: string; recovery: boolean };
      resolve({ child, ...info, stderr: () => err });
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`host exited (${code}): ${err}`));
    });
  });
}
