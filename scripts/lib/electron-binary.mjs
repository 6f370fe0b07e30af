/**
 * Finds the Electron executable without triggering Electron's lazy download
 * (`require('electron')` downloads when the binary is missing).
 *
 * @returns {string | null} the executable path, or null when there is none
 */
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

export function findElectronBinary(env = process.env) {
  const require = createRequire(import.meta.url);
  let dir;
  try {
    dir = path.dirname(require.resolve('electron/package.json'));
  } catch {
    return null;
  }
  const pathFile = path.join(dir, 'path.txt');
  const exe = fs.existsSync(pathFile) ? fs.readFileSync(pathFile, 'utf8').trim() : null;
  if (env.ELECTRON_OVERRIDE_DIST_PATH) {
    const p = path.join(env.ELECTRON_OVERRIDE_DIST_PATH, exe ?? 'electron');
    return fs.existsSync(p) ? p : null;
  }
  if (!exe) return null;
  const full = path.join(dir, 'dist', exe);
  return fs.existsSync(full) ? full : null;
}
