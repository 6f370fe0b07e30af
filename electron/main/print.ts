/**
 * Printing through the main process.
 *
 * The renderer never opens a window of its own (new windows stay denied). A
 * print button asks the main process to print a print route: a hidden window
 * of our own app:// origin (same hardened preferences, same preload) loads the
 * route, is bound to the caller's session for its API calls, waits until the
 * view says its data and fonts are ready, then either opens the system print
 * dialog (`webContents.print`, with the printer list) or renders a PDF
 * (`printToPDF`, A4 from the page's CSS) into a file the user chooses.
 *
 * Written against small interfaces so tests run it under Node with
 * `electron` mocked (tests/electron/print.test.ts).
 */
import type { BrowserWindow, BrowserWindowConstructorOptions, IpcMainEvent, IpcMainInvokeEvent, WebContents } from 'electron';
import { appOrigin, isPrintRoute, type PrintMode, type PrintOutcome } from '../../shared/ipc';
import { isTrustedSender, mainWindowOptions } from './security';

/** The bits of a BrowserWindow the print path uses. */
export type PrintWindow = Pick<BrowserWindow, 'loadURL' | 'close' | 'isDestroyed'> & {
  webContents: Pick<WebContents, 'id' | 'print' | 'printToPDF' | 'getTitle'>;
};

export interface PrintDeps {
  preload: string;
  createWindow(options: BrowserWindowConstructorOptions): PrintWindow;
  /** The save dialog; resolves the chosen path, or null when cancelled. */
  chooseFile(defaultName: string): Promise<string | null>;
  writeFile(file: string, data: Buffer): Promise<void>;
  /** How long a view may take to load its data and fonts (default 30 s). */
  readyTimeoutMs?: number;
}

/** Sessions of the hidden print windows, by webContents id: their API calls run as the user who printed. */
const printSessions = new Map<number, string | null>();
const readyWaiters = new Map<number, () => void>();

/** The session a print window's calls run under, or undefined for any other sender. */
export function printSessionOf(webContentsId: number): string | null | undefined {
  return printSessions.has(webContentsId) ? printSessions.get(webContentsId)! : undefined;
}

/** The `print-ready` message of a print window (from any other window it means nothing). */
export function onPrintReady(event: Pick<IpcMainEvent, 'sender'>): void {
  readyWaiters.get(event.sender.id)?.();
}

/** A file name for the PDF: the view's title, without characters file systems refuse. */
export function pdfFileName(title: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what file names must not hold
  const clean = title.replace(/[\\/:*?"<>|\u0000-\u001f]+/gu, " ").replace(/\s+/gu, " ").trim().slice(0, 120);
  return `${clean || 'DutyDesk'}.pdf`;
}

export function makePrintHandler(deps: PrintDeps) {
  return async (event: Pick<IpcMainInvokeEvent, 'senderFrame'>, route: unknown, mode: unknown, sessionId: unknown): Promise<PrintOutcome> => {
    if (!isTrustedSender(event.senderFrame)) return { ok: false, reason: 'forbidden' };
    if (!isPrintRoute(route) || (mode !== 'print' && mode !== 'pdf')) return { ok: false, reason: 'badRoute' };
    const base = mainWindowOptions(deps.preload, { width: 900, height: 1200 });
    const win = deps.createWindow({ ...base, show: false, title: 'DutyDesk 值守台', backgroundColor: '#ffffff', webPreferences: { ...base.webPreferences } });
    const id = win.webContents.id;
    printSessions.set(id, typeof sessionId === 'string' && sessionId.length < 200 ? sessionId : null);
    try {
      const ready = new Promise<boolean>((resolve) => {
        const timer = setTimeout(() => resolve(false), deps.readyTimeoutMs ?? 30_000);
        readyWaiters.set(id, () => {
          clearTimeout(timer);
          resolve(true);
        });
      });
      await win.loadURL(`${appOrigin}/index.html#${route}`);
      if (!(await ready)) return { ok: false, reason: 'timeout' };
      return await output(deps, win, mode);
    } catch (e) {
      return { ok: false, reason: 'failed', detail: (e as Error).message };
    } finally {
      readyWaiters.delete(id);
      printSessions.delete(id);
      if (!win.isDestroyed()) win.close();
    }
  };
}

async function output(deps: PrintDeps, win: PrintWindow, mode: PrintMode): Promise<PrintOutcome> {
  if (mode === 'print') {
    return new Promise<PrintOutcome>((resolve) => {
      win.webContents.print({ silent: false, printBackground: true }, (success, failureReason) => {
        if (success) resolve({ ok: true, mode, file: null });
        // Cancelling the system dialog is not a failure to report.
        else if (/cancel/iu.test(failureReason)) resolve({ ok: false, reason: 'cancelled' });
        else resolve({ ok: false, reason: 'failed', detail: failureReason });
      });
    });
  }
  const file = await deps.chooseFile(pdfFileName(win.webContents.getTitle()));
  if (!file) return { ok: false, reason: 'cancelled' };
  // The page's own @page rules give A4 and its margins; backgrounds keep the table shading.
  const pdf = await win.webContents.printToPDF({ preferCSSPageSize: true, printBackground: true });
  await deps.writeFile(file, pdf);
  return { ok: true, mode, file };
}
