/**
 * Printing in Electron goes through the main process (issue 11 item 1),
 * under Node with `electron` mocked.
 *
 * Before, every print button opened target="_blank", which the window-open
 * handler denies: the buttons did nothing in Electron.
 */
import { describe, expect, it, vi } from 'vitest';
import type { BrowserWindowConstructorOptions, IpcMainInvokeEvent, WebFrameMain } from 'electron';

vi.mock('electron', () => ({
  protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
  net: { fetch: vi.fn() },
}));

const { makePrintHandler, onPrintReady, pdfFileName, printSessionOf } = await import('../../electron/main/print');
const { makeInvokeHandler } = await import('../../electron/main/ipc');
const { isPrintRoute } = await import('../../shared/ipc');
import type { Api } from '../../electron/core/api/dispatch';
import type { PrintDeps, PrintWindow } from '../../electron/main/print';

const frame = (url: string) => ({ url, parent: null }) as unknown as WebFrameMain;
const fromApp = { senderFrame: frame('app://dutydesk/index.html') } as unknown as IpcMainInvokeEvent;

let nextId = 100;
/** A hidden window whose view reports ready after `readyAfter` ms (never when null). */
function fakeWindow(opts: { readyAfter?: number | null; printResult?: [boolean, string] } = {}) {
  const calls: string[] = [];
  const created: BrowserWindowConstructorOptions[] = [];
  let destroyed = false;
  const id = (nextId += 1);
  const win: PrintWindow = {
    loadURL: vi.fn(async (url: string) => {
      calls.push(`load ${url}`);
      if (opts.readyAfter !== null) setTimeout(() => onPrintReady({ sender: { id } } as never), opts.readyAfter ?? 5);
    }) as unknown as PrintWindow['loadURL'],
    close: vi.fn(() => {
      destroyed = true;
      calls.push('close');
    }),
    isDestroyed: () => destroyed,
    webContents: {
      id,
      getTitle: () => '测试局2026年12月值班表',
      print: vi.fn((options: unknown, cb?: (success: boolean, reason: string) => void) => {
        calls.push(`print ${JSON.stringify(options)}`);
        const [ok, why] = opts.printResult ?? [true, ''];
        cb?.(ok, why);
      }) as unknown as PrintWindow['webContents']['print'],
      printToPDF: vi.fn(async (options: unknown) => {
        calls.push(`pdf ${JSON.stringify(options)}`);
        return Buffer.from('%PDF-1.7');
      }) as unknown as PrintWindow['webContents']['printToPDF'],
    },
  };
  const deps = (over: Partial<PrintDeps> = {}): PrintDeps => ({
    preload: '/app/preload.cjs',
    createWindow: (o) => {
      created.push(o);
      return win;
    },
    chooseFile: vi.fn(async () => '/home/duty/值班表.pdf'),
    writeFile: vi.fn(async () => undefined),
    readyTimeoutMs: 200,
    ...over,
  });
  return { win, calls, created, deps, id };
}

describe('print routes', () => {
  it.each([
    ['/print/roster/12', true],
    ['/print/roster/12?version=2&layout=departments', true],
    ['/print/report/3', true],
    ['/print/log/2026-12-01', true],
    ['/print/directory', true],
    ['/print/audit?from=2026-12-01&to=2026-12-31', true],
    ['/console', false],
    ['https://evil.example/print/roster/1', false],
    ['/print/roster/1#x', false],
    ['/print/../settings', false],
    [42, false],
  ])('%s → %s', (route, ok) => expect(isPrintRoute(route)).toBe(ok));
});

describe('the main-process print path', () => {
  it('loads the route in a hidden, hardened window of our origin, waits for ready, opens the system dialog, closes the window', async () => {
    const f = fakeWindow();
    const r = await makePrintHandler(f.deps())(fromApp, '/print/roster/12', 'print', 'sess-1');
    expect(r).toEqual({ ok: true, mode: 'print', file: null });
    expect(f.created[0]).toMatchObject({ show: false, webPreferences: { preload: '/app/preload.cjs', contextIsolation: true, sandbox: true, nodeIntegration: false } });
    expect(f.calls).toEqual(['load app://dutydesk/index.html#/print/roster/12', 'print {"silent":false,"printBackground":true}', 'close']);
  });

  it('saves a PDF (A4 from the page CSS) to the file the user chose', async () => {
    const f = fakeWindow();
    const deps = f.deps();
    const r = await makePrintHandler(deps)(fromApp, '/print/log/2026-12-01', 'pdf', 'sess-1');
    expect(r).toEqual({ ok: true, mode: 'pdf', file: '/home/duty/值班表.pdf' });
    expect(deps.chooseFile).toHaveBeenCalledWith('测试局2026年12月值班表.pdf');
    expect(f.calls[1]).toBe('pdf {"preferCSSPageSize":true,"printBackground":true}');
    expect(deps.writeFile).toHaveBeenCalledWith('/home/duty/值班表.pdf', Buffer.from('%PDF-1.7'));
    expect(f.calls.at(-1)).toBe('close');
  });

  it('a cancelled save dialog writes nothing; a cancelled print dialog is no error', async () => {
    const f = fakeWindow();
    const deps = f.deps({ chooseFile: vi.fn(async () => null) });
    expect(await makePrintHandler(deps)(fromApp, '/print/directory', 'pdf', null)).toEqual({ ok: false, reason: 'cancelled' });
    expect(deps.writeFile).not.toHaveBeenCalled();
    const g = fakeWindow({ printResult: [false, 'cancelled'] });
    expect(await makePrintHandler(g.deps())(fromApp, '/print/directory', 'print', null)).toEqual({ ok: false, reason: 'cancelled' });
  });

  it('a view that never gets ready times out and the window is closed', async () => {
    const f = fakeWindow({ readyAfter: null });
    expect(await makePrintHandler(f.deps())(fromApp, '/print/report/3', 'print', null)).toEqual({ ok: false, reason: 'timeout' });
    expect(f.calls).not.toContain(expect.stringMatching(/^print/u));
    expect(f.calls.at(-1)).toBe('close');
  });

  it('refuses other senders and other routes before any window is made', async () => {
    const f = fakeWindow();
    const deps = f.deps();
    const evil = { senderFrame: frame('https://evil.example/') } as unknown as IpcMainInvokeEvent;
    expect(await makePrintHandler(deps)(evil, '/print/roster/1', 'print', null)).toEqual({ ok: false, reason: 'forbidden' });
    expect(await makePrintHandler(deps)(fromApp, 'https://evil.example/', 'print', null)).toEqual({ ok: false, reason: 'badRoute' });
    expect(await makePrintHandler(deps)(fromApp, '/print/roster/1', 'fax', null)).toEqual({ ok: false, reason: 'badRoute' });
    expect(f.created).toEqual([]);
  });

  it("the hidden window's API calls run as the user who printed, and only while it prints", async () => {
    const call = vi.fn().mockResolvedValue({ ok: true, value: 1 });
    const invoke = makeInvokeHandler({ call, core: {} } as unknown as Api);
    const f = fakeWindow({ readyAfter: 30 });
    const printing = makePrintHandler(f.deps())(fromApp, '/print/roster/12', 'print', 'sess-of-admin');
    await new Promise((r) => setTimeout(r, 10));
    expect(printSessionOf(f.id)).toBe('sess-of-admin');
    await invoke({ senderFrame: frame('app://dutydesk/index.html'), sender: { id: f.id } } as unknown as IpcMainInvokeEvent, 'roster.printData', { planId: 12 }, null);
    expect(call).toHaveBeenLastCalledWith('roster.printData', { planId: 12 }, { sessionId: 'sess-of-admin' });
    await printing;
    expect(printSessionOf(f.id)).toBeUndefined();
    // Other windows keep their own session id.
    await invoke({ senderFrame: frame('app://dutydesk/index.html'), sender: { id: 1 } } as unknown as IpcMainInvokeEvent, 'people.list', {}, 'mine');
    expect(call).toHaveBeenLastCalledWith('people.list', {}, { sessionId: 'mine' });
  });

  it('names the PDF after the view, without characters file systems refuse', () => {
    expect(pdfFileName('值班记录 2026/12/01: 测试')).toBe('值班记录 2026 12 01 测试.pdf');
    expect(pdfFileName('')).toBe('DutyDesk.pdf');
  });
});
