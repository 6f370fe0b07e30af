/**
 * The Electron main process on a data file that cannot be opened (issue 12
 * §3), with `electron` mocked: it does not show an error box and quit; it
 * opens the window on the recovery API, whose restore starts the real desk
 * behind the same IPC channel.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { makeDesk } from '../helpers/core';
import { createBackup } from '../../electron/core/backup/service';
import { dbFileName } from '../../electron/core/store/connection';
import { trackChainHead } from '../../electron/core/trust/open';
import { ipcChannels } from '../../shared/ipc';
import type { ApiResult } from '../../shared/errors';

const handlers = new Map<string, (...args: unknown[]) => unknown>();
const appEvents = new Map<string, () => void>();
const loaded: string[] = [];
const dialog = { showErrorBox: vi.fn(), showSaveDialog: vi.fn() };
const app = {
  enableSandbox: vi.fn(),
  requestSingleInstanceLock: () => true,
  on: (name: string, fn: () => void) => appEvents.set(name, fn),
  quit: vi.fn(),
  whenReady: () => Promise.resolve(),
  getPath: () => '/nonexistent',
};
class FakeWindow {
  webContents = { send: vi.fn(), isDestroyed: () => false, print: vi.fn() };
  on() {}
  once() {}
  maximize() {}
  show() {}
  isMaximized() {
    return false;
  }
  getNormalBounds() {
    return { x: 0, y: 0, width: 1440, height: 900 };
  }
  loadURL(url: string) {
    loaded.push(url);
    return Promise.resolve();
  }
}

vi.mock('electron', () => ({
  app,
  dialog,
  BrowserWindow: FakeWindow,
  ipcMain: { handle: (ch: string, fn: (...args: unknown[]) => unknown) => handlers.set(ch, fn), on: vi.fn(), removeHandler: vi.fn() },
  Menu: { setApplicationMenu: vi.fn(), buildFromTemplate: vi.fn() },
  session: { defaultSession: { setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn(), webRequest: { onHeadersReceived: vi.fn() } } },
  shell: { openPath: vi.fn() },
  protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
  net: { fetch: vi.fn() },
}));
vi.mock('../../electron/main/security', async (orig) => ({
  ...(await orig<typeof import('../../electron/main/security')>()),
  hardenSession: vi.fn(),
  hardenWebContents: vi.fn(),
}));

let dir = '';
afterAll(() => {
  appEvents.get('window-all-closed')?.();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe('Electron main on a smashed data file', () => {
  it('opens the window on the recovery API; a restore over IPC starts the real desk', async () => {
    const desk = await makeDesk();
    dir = desk.dir;
    const stop = trackChainHead(desk.core);
    await desk.call(desk.admin, 'people.create', { name: '备份前的值班员', department: null, title: null, officePhone: null, mobile: null, roles: ['officer'], sortOrder: 0 });
    const backup = (await createBackup(desk.core, 'manual')).primary.fileName;
    await stop.flush();
    stop();
    desk.core.close();
    const fd = fs.openSync(path.join(dir, dbFileName), 'r+');
    fs.writeSync(fd, Buffer.from('THIS IS NOT SQLITE!!'), 0, 20, 0);
    fs.closeSync(fd);

    process.env.DUTYDESK_DATA_DIR = dir;
    await import('../../electron/main/index');
    await vi.waitFor(() => expect(loaded).toHaveLength(1));
    expect(dialog.showErrorBox).not.toHaveBeenCalled();
    expect(app.quit).not.toHaveBeenCalled();

    const invoke = handlers.get(ipcChannels.invoke)!;
    const event = { senderFrame: { url: 'app://dutydesk/index.html', parent: null }, sender: { id: 1 } };
    const call = (method: string, input: unknown, session: string | null = null) => invoke(event, method, input, session) as Promise<ApiResult<unknown>>;

    const status = await call('app.status', {});
    expect(status.ok ? null : status.error.messageKey).toBe('recovery.required');
    const rec = await call('recovery.status', {});
    expect(rec.ok && (rec.value as { backups: { fileName: string; ok: boolean }[] }).backups).toEqual([expect.objectContaining({ fileName: backup, ok: true })]);
    const restored = await call('recovery.restore', { fileName: backup, login: 'admin', password: 'admin12345' });
    expect(restored.ok).toBe(true);
    const login = await call('auth.login', { login: 'admin', password: 'admin12345' });
    expect(login.ok).toBe(true);
    const sessionId = (login as { value: { sessionId: string } }).value.sessionId;
    const people = await call('people.list', {}, sessionId);
    expect(people.ok && (people.value as { name: string }[]).map((p) => p.name)).toContain('备份前的值班员');
    expect(fs.readdirSync(path.join(dir, 'backups')).some((f) => f.endsWith('.damaged'))).toBe(true);
  });
});
