/**
 * `chain-head.json`: the newest audit head the desk acknowledged, kept next
 * to the store. If the store later opens with a shorter or different chain,
 * acknowledged writes were lost (a deleted `-wal`, an old copy put in place).
 */
import fs from 'node:fs';
import path from 'node:path';

export const chainHeadFileName = 'chain-head.json';

export interface RecordedHead {
  deskId: string | null;
  seq: number;
  hash: string;
}

export function readRecordedHead(dataDir: string): RecordedHead | null {
  try {
    const v = JSON.parse(fs.readFileSync(path.join(dataDir, chainHeadFileName), 'utf8')) as RecordedHead;
    return typeof v.seq === 'number' && typeof v.hash === 'string' ? v : null;
  } catch {
    return null;
  }
}

/** Records the head atomically; no fsync — a stale record only errs low, never raises a false alarm. */
export function writeRecordedHead(dataDir: string, head: RecordedHead): void {
  const file = path.join(dataDir, chainHeadFileName);
  try {
    fs.writeFileSync(`${file}.tmp`, JSON.stringify(head));
    fs.renameSync(`${file}.tmp`, file);
  } catch {
    // Read-only folder: nothing to track.
  }
}

/** The same, off the caller's thread (libuv's pool), with its own temporary name. */
export async function writeRecordedHeadAsync(dataDir: string, head: RecordedHead): Promise<void> {
  const file = path.join(dataDir, chainHeadFileName);
  const tmp = `${file}.async.tmp`;
  try {
    await fs.promises.writeFile(tmp, JSON.stringify(head));
    await fs.promises.rename(tmp, file);
  } catch {
    // Read-only folder, or the folder went away (restore, shutdown): nothing to track.
  }
}

