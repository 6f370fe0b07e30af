/**
 * A throw-away PostgreSQL cluster in a temp folder, for the hub's tests and bench.
 *
 * Debian's postgresql 15 (`/usr/lib/postgresql/15/bin`). initdb refuses to
 * run as root, so as root every command runs as `postgres` (runuser) on a
 * folder it owns. Private port and socket directory, loopback only; stopped
 * with `-m immediate` and deleted at the end.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

export interface PgCluster {
  /** postgres://…/postgres */
  url: string;
  /** Creates an empty database and returns its URL. */
  createDatabase(name: string): Promise<string>;
  stop(): void;
}

function findBinDir(): string | null {
  const root = '/usr/lib/postgresql';
  if (!fs.existsSync(root)) return null;
  const versions = fs
    .readdirSync(root)
    .map(Number)
    .filter((v) => v >= 15)
    .sort((a, b) => b - a);
  for (const v of versions) {
    const bin = path.join(root, String(v), 'bin');
    if (fs.existsSync(path.join(bin, 'initdb')) && fs.existsSync(path.join(bin, 'pg_ctl'))) return bin;
  }
  return null;
}

const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });

/** Starts a cluster, or returns why it cannot (no PostgreSQL binaries, no postgres user as root). */
export async function startPgCluster(): Promise<PgCluster | { skipped: string }> {
  const bin = findBinDir();
  if (!bin) return { skipped: 'PostgreSQL ≥ 15 binaries not found under /usr/lib/postgresql (apt-get install postgresql)' };
  const isRoot = process.getuid?.() === 0;
  let owner: { uid: number; gid: number } | null = null;
  if (isRoot) {
    try {
      owner = { uid: Number(execFileSync('id', ['-u', 'postgres']).toString().trim()), gid: Number(execFileSync('id', ['-g', 'postgres']).toString().trim()) };
    } catch {
      return { skipped: 'running as root but there is no postgres user to run initdb as' };
    }
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-pg-'));
  const data = path.join(dir, 'data');
  const sock = path.join(dir, 'sock');
  fs.mkdirSync(sock);
  if (owner) for (const p of [dir, sock]) fs.chownSync(p, owner.uid, owner.gid);
  const run = (cmd: string, args: string[]): void => {
    const full = path.join(bin, cmd);
    if (owner) execFileSync('runuser', ['-u', 'postgres', '--', full, ...args], { stdio: 'pipe', cwd: dir });
    else execFileSync(full, args, { stdio: 'pipe', cwd: dir });
  };
  const port = await freePort();
  run('initdb', ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C', '--no-sync']);
  run('pg_ctl', ['-w', '-D', data, '-l', path.join(dir, 'log'), 'start', '-o', `-p ${port} -k ${sock} -c listen_addresses=127.0.0.1`]);
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  let stopped = false;
  return {
    url,
    async createDatabase(name) {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      try {
        await c.query(`CREATE DATABASE ${name.replace(/[^a-z0-9_]/gu, '_')}`);
      } finally {
        await c.end();
      }
      return `postgres://postgres@127.0.0.1:${port}/${name.replace(/[^a-z0-9_]/gu, '_')}`;
    },
    stop() {
      if (stopped) return;
      stopped = true;
      try {
        run('pg_ctl', ['-w', '-D', data, '-m', 'immediate', 'stop']);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
