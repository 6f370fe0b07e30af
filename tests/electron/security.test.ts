/**
 * The Electron shell's security rules, under Node with `electron` mocked.
 */
import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => ({
  protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
  net: { fetch: vi.fn() },
}));

const { isAllowedUrl, isTrustedSender, mainWindowOptions, hardenSession, hardenWebContents } = await import('../../electron/main/security');
const { resolveAppPath, registerAppScheme } = await import('../../electron/main/protocol');
const { makeInvokeHandler } = await import('../../electron/main/ipc');
const electron = await import('electron');
import type { WebFrameMain, Session, WebContents, IpcMainInvokeEvent } from 'electron';
import type { Api } from '../../electron/core/api/dispatch';

describe('URL allow-list', () => {
  it.each([
    ['app://dutydesk/index.html', true],
    ['app://dutydesk/#/console', true],
    ['app://other/index.html', false],
    ['file:///etc/passwd', false],
    ['https://example.com', false],
    ['http://127.0.0.1:3000/', false],
    ['javascript:alert(1)', false],
    ['not a url', false],
  ])('%s → %s', (url, ok) => expect(isAllowedUrl(url)).toBe(ok));
});

describe('window options', () => {
  it('isolate, sandbox and deny node in every form', () => {
    const o = mainWindowOptions('/p/preload.cjs', { width: 1200, height: 800 });
    expect(o.webPreferences).toMatchObject({
      preload: '/p/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
    expect(o.width).toBe(1200);
  });
});

describe('IPC sender check', () => {
  const frame = (url: string, parent: unknown = null) => ({ url, parent }) as unknown as WebFrameMain;
  it('accepts our main frame only', () => {
    expect(isTrustedSender(frame('app://dutydesk/index.html'))).toBe(true);
    expect(isTrustedSender(frame('https://evil.example/'))).toBe(false);
    expect(isTrustedSender(frame('app://dutydesk/index.html', frame('app://dutydesk/')))).toBe(false);
    expect(isTrustedSender(null)).toBe(false);
  });

  it('refuses a forged sender before the API sees the call', async () => {
    const call = vi.fn();
    const handler = makeInvokeHandler({ call, core: {} } as unknown as Api);
    const forged = { senderFrame: frame('https://evil.example/') } as unknown as IpcMainInvokeEvent;
    const r = await handler(forged, 'people.list', {}, null);
    expect(r.ok).toBe(false);
    expect(r.ok ? '' : r.error.code).toBe('FORBIDDEN');
    const sub = { senderFrame: frame('app://dutydesk/index.html', frame('app://dutydesk/')) } as unknown as IpcMainInvokeEvent;
    expect((await handler(sub, 'people.list', {}, null)).ok).toBe(false);
    expect(call).not.toHaveBeenCalled();
  });

  it('passes trusted calls through with the session id', async () => {
    const call = vi.fn().mockResolvedValue({ ok: true, value: 1 });
    const handler = makeInvokeHandler({ call, core: {} } as unknown as Api);
    const ok = { senderFrame: frame('app://dutydesk/index.html') } as unknown as IpcMainInvokeEvent;
    expect(await handler(ok, 'people.list', { q: 1 }, 'sess')).toEqual({ ok: true, value: 1 });
    expect(call).toHaveBeenCalledWith('people.list', { q: 1 }, { sessionId: 'sess' });
    expect((await handler(ok, 42, {}, null)).ok).toBe(false);
  });
});

describe('session and web contents hardening', () => {
  it('denies every permission request and check but notifications from our pages', () => {
    let request: ((wc: unknown, p: string, cb: (ok: boolean) => void, details: { requestingUrl: string }) => void) | undefined;
    let check: ((wc: unknown, p: string, origin: string) => boolean) | undefined;
    const session = {
      setPermissionRequestHandler: (fn: typeof request) => (request = fn),
      setPermissionCheckHandler: (fn: typeof check) => (check = fn),
    } as unknown as Session;
    hardenSession(session);
    const cb = vi.fn();
    request!(null, 'media', cb, { requestingUrl: 'app://dutydesk/index.html' });
    request!(null, 'notifications', cb, { requestingUrl: 'https://evil.example/' });
    request!(null, 'notifications', cb, { requestingUrl: 'app://dutydesk/index.html' });
    expect(cb.mock.calls).toEqual([[false], [false], [true]]);
    expect(check!(null, 'geolocation', 'app://dutydesk')).toBe(false);
  });

  it('blocks navigation away, redirects away, webviews and new windows', () => {
    const contents = new EventEmitter() as EventEmitter & { setWindowOpenHandler: (fn: () => unknown) => void };
    let openHandler: (() => unknown) | undefined;
    contents.setWindowOpenHandler = (fn) => (openHandler = fn);
    hardenWebContents(contents as unknown as WebContents);
    const ev = () => ({ preventDefault: vi.fn() });
    const away = ev();
    contents.emit('will-navigate', away, 'https://evil.example/');
    expect(away.preventDefault).toHaveBeenCalled();
    const inside = ev();
    contents.emit('will-navigate', inside, 'app://dutydesk/index.html#/roster');
    expect(inside.preventDefault).not.toHaveBeenCalled();
    const redirect = ev();
    contents.emit('will-redirect', redirect, 'file:///etc/passwd');
    expect(redirect.preventDefault).toHaveBeenCalled();
    const webview = ev();
    contents.emit('will-attach-webview', webview);
    expect(webview.preventDefault).toHaveBeenCalled();
    expect(openHandler!()).toEqual({ action: 'deny' });
  });
});

describe('app:// protocol', () => {
  it('registers a standard, secure scheme', () => {
    registerAppScheme();
    expect(vi.mocked(electron.protocol.registerSchemesAsPrivileged)).toHaveBeenCalledWith([
      expect.objectContaining({ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) }),
    ]);
  });

  it('maps URLs inside the renderer folder and nothing outside', () => {
    expect(resolveAppPath('/app/out/renderer', 'app://dutydesk/')).toBe('/app/out/renderer/index.html');
    expect(resolveAppPath('/app/out/renderer', 'app://dutydesk/assets/x.js')).toBe('/app/out/renderer/assets/x.js');
    expect(resolveAppPath('/app/out/renderer', 'app://dutydesk/..%2F..%2Fsecret')).toBeNull();
  });
});

describe('system viewer for attachments', () => {
  it('allows viewable types only, with a safe name', async () => {
    const { safeViewerName } = await import('../../electron/main/open-file');
    expect(safeViewerName('现场照片.JPG')).toBe('现场照片.jpg');
    expect(safeViewerName('../../etc/passwd.pdf')).toBe('passwd.pdf');
    expect(safeViewerName('C:\\temp\\报告.docx')).toBe('报告.docx');
    expect(safeViewerName('evil\u202Efdp.exe')).toBeNull();
    expect(safeViewerName('setup.exe')).toBeNull();
    expect(safeViewerName('run.bat')).toBeNull();
    expect(safeViewerName('noext')).toBeNull();
  });

  it('opens a private copy for our main frame and refuses forged senders', async () => {
    const { makeOpenFileHandler } = await import('../../electron/main/ipc');
    const fs = await import('node:fs');
    const opened: string[] = [];
    const handler = makeOpenFileHandler(async (f) => {
      opened.push(f);
      return '';
    });
    const ok = { senderFrame: { url: 'app://dutydesk/index.html', parent: null } } as unknown as IpcMainInvokeEvent;
    expect(await handler(ok, '照片.png', Buffer.from('png-bytes').toString('base64'))).toBe(true);
    expect(fs.readFileSync(opened[0]!, 'utf8')).toBe('png-bytes');
    expect(opened[0]!.endsWith('照片.png')).toBe(true);
    expect(await handler(ok, 'x.exe', 'AA==')).toBe(false);
    const forged = { senderFrame: { url: 'https://evil.example/', parent: null } } as unknown as IpcMainInvokeEvent;
    expect(await handler(forged, '照片.png', 'AA==')).toBe(false);
    expect(opened).toHaveLength(1);
  });

  it('allows notifications for our pages only, and nothing else', async () => {
    const { isPermissionAllowed } = await import('../../electron/main/security');
    expect(isPermissionAllowed('notifications', 'app://dutydesk/index.html')).toBe(true);
    expect(isPermissionAllowed('notifications', 'https://evil.example/')).toBe(false);
    expect(isPermissionAllowed('media', 'app://dutydesk/index.html')).toBe(false);
    expect(isPermissionAllowed('geolocation', 'app://dutydesk/index.html')).toBe(false);
  });
});

// ───────────────────────── issue 12 §6: tests that fail when a defence breaks ─────────────────────────

/** The policy, pinned as text: any change (an added 'unsafe-eval', a wider source) must be made here on purpose. */
const pinnedCsp =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

describe('content security policy', () => {
  it('is exactly the pinned text (no unsafe-eval, no remote source)', async () => {
    const { contentSecurityPolicy } = await import('../../shared/security');
    expect(contentSecurityPolicy).toBe(pinnedCsp);
    expect(contentSecurityPolicy).not.toMatch(/unsafe-eval|https?:|\*/u);
  });

  it('is sent on every app:// response', async () => {
    const { handleAppProtocol } = await import('../../electron/main/protocol');
    const handle = electron.protocol.handle as unknown as ReturnType<typeof vi.fn>;
    handle.mockClear();
    (electron.net.fetch as unknown as ReturnType<typeof vi.fn>).mockResolvedValue(new Response('<!doctype html>', { status: 200, headers: { 'content-type': 'text/html' } }));
    handleAppProtocol('/app/out/renderer');
    const serve = handle.mock.calls[0]![1] as (r: Request) => Promise<Response>;
    for (const url of ['app://dutydesk/', 'app://dutydesk/index.html', 'app://dutydesk/assets/index.js']) {
      const res = await serve(new Request(url));
      expect(res.headers.get('content-security-policy')).toBe(pinnedCsp);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    }
  });
});

describe('IPC payload size', () => {
  it('refuses a payload over the limit before the API sees it', async () => {
    const { maxPayloadBytes } = await import('../../shared/ipc');
    const call = vi.fn();
    const handler = makeInvokeHandler({ call, core: {} } as unknown as Api);
    const ok = { senderFrame: { url: 'app://dutydesk/index.html', parent: null } } as unknown as IpcMainInvokeEvent;
    const r = await handler(ok, 'log.create', { summary: 'x'.repeat(maxPayloadBytes) }, null);
    expect(r.ok ? '' : r.error.code).toBe('PAYLOAD_TOO_LARGE');
    expect(call).not.toHaveBeenCalled();
    expect(maxPayloadBytes).toBeLessThanOrEqual(32 * 1024 * 1024);
  });
});

describe('single instance', () => {
  it('a second start quits, and focuses the first window', async () => {
    const { holdSingleInstance } = await import('../../electron/main/single-instance');
    const handlers = new Map<string, () => void>();
    const second = { requestSingleInstanceLock: () => false, quit: vi.fn(), on: vi.fn() };
    expect(holdSingleInstance(second as never, () => null)).toBe(false);
    expect(second.quit).toHaveBeenCalled();
    const first = { requestSingleInstanceLock: () => true, quit: vi.fn(), on: (e: string, f: () => void) => handlers.set(e, f) };
    const win = { isMinimized: () => true, restore: vi.fn(), focus: vi.fn() };
    expect(holdSingleInstance(first as never, () => win as never)).toBe(true);
    expect(first.quit).not.toHaveBeenCalled();
    handlers.get('second-instance')!();
    expect(win.restore).toHaveBeenCalled();
    expect(win.focus).toHaveBeenCalled();
  });
});

describe('system viewer and macros', () => {
  it('never opens a macro-capable office file, and writes the copy read-only', async () => {
    const { safeViewerName, writeViewerCopy } = await import('../../electron/main/open-file');
    for (const n of ['通报.doc', '统计.xls', '材料.wps', '表.et', '宏.docm', '宏.xlsm', 'a.ppt']) expect(safeViewerName(n)).toBeNull();
    for (const n of ['通报.docx', '统计.xlsx', '扫描件.pdf', '照片.png', '公文.ofd']) expect(safeViewerName(n)).not.toBeNull();
    const fs = await import('node:fs');
    const os = await import('node:os');
    const file = writeViewerCopy('说明.txt', Buffer.from('hi').toString('base64'), os.tmpdir())!;
    expect(fs.statSync(file).mode & 0o777).toBe(0o400);
    fs.chmodSync(file, 0o600);
    fs.rmSync(file.slice(0, file.lastIndexOf('/')), { recursive: true, force: true });
  });
});
