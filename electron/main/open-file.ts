/**
 * Opening an attachment with the system viewer ("opened with the
 * system viewer").
 *
 * The renderer sends the file's name and bytes; main writes a copy under a
 * private temp folder, read-only, and asks the OS to open it — only for
 * viewable types (images, PDF, OFD, macro-free office documents, text), never
 * anything executable or macro-capable (shared/ipc.ts).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import crypto from 'node:crypto';
import { viewableExtensions } from '../../shared/ipc';

/** A safe file name with an allowed extension, or null. */
export function safeViewerName(name: string): string | null {
  const base = path.basename(name.replace(/\\/gu, '/')).normalize('NFC');
  const ext = path.extname(base).slice(1).toLowerCase();
  if (!(viewableExtensions as readonly string[]).includes(ext)) return null;
  const stem = path
    .basename(base, path.extname(base))
    // eslint-disable-next-line no-control-regex -- control characters are exactly what must go
    .replace(/[\u0000-\u001f\u007f<>:"/\\|?*\u202a-\u202e\u2066-\u2069]/gu, '_')
    .slice(0, 80);
  return `${stem || 'attachment'}.${ext}`;
}

/** Writes the bytes to a fresh private temp folder; returns the path, or null when not allowed. */
export function writeViewerCopy(name: string, dataBase64: string, tmpRoot = os.tmpdir()): string | null {
  const safe = safeViewerName(name);
  if (!safe || typeof dataBase64 !== 'string' || dataBase64.length > 28 * 1024 * 1024) return null;
  const dir = fs.mkdtempSync(path.join(tmpRoot, `dutydesk-open-${crypto.randomBytes(4).toString('hex')}-`));
  fs.chmodSync(dir, 0o700);
  const file = path.join(dir, safe);
  // Read-only: a viewer that saves edits cannot change the copy either.
  fs.writeFileSync(file, Buffer.from(dataBase64, 'base64'), { mode: 0o400 });
  return file;
}
