/**
 * The real Electron app, end to end — where the Electron binary exists.
 * Here (no binary can be downloaded) it is skipped with the reason printed.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { _electron as electron } from 'playwright-core';
import { findElectronBinary } from '../../scripts/lib/electron-binary.mjs';
import { repoRoot } from './helpers';
import { SetupPage } from './pages/auth';

const binary = findElectronBinary();
const built = fs.existsSync(path.join(repoRoot, 'out/main/index.js')) && fs.existsSync(path.join(repoRoot, 'out/preload/index.cjs'));
const reason = !binary ? 'the Electron binary is not installed (its download is blocked here)' : !built ? 'run `npm run build` first' : null;
if (reason) console.log(`[electron e2e] skipped: ${reason}`);

describe.skipIf(reason !== null)('Electron app', () => {
  it('opens the setup screen over app:// with the preload bridge and no Node in the page', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dutydesk-electron-'));
    const app = await electron.launch({ executablePath: binary!, args: [repoRoot], env: { ...process.env, DUTYDESK_DATA_DIR: dataDir } });
    const win = await app.firstWindow();
    await new SetupPage(win).heading.waitFor();
    expect(win.url()).toMatch(/^app:\/\/dutydesk\//u);
    expect(await win.evaluate('typeof window.require')).toBe('undefined');
    expect(await win.evaluate('typeof window.dutydesk')).toBe('object');
    await app.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });
});
