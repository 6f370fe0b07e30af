import type { ApiResult } from './errors';
import type { PushEvent } from './events';

/**
 * Electron IPC channel names — the only place they are written.
 */
export const ipcChannels = {
  invoke: 'dutydesk:invoke',
  event: 'dutydesk:event',
  openFile: 'dutydesk:open-file',
  /** Print a print route through the main process (a hidden window of our origin). */
  print: 'dutydesk:print',
  /** Sent by a print view once its data and fonts are ready. */
  printReady: 'dutydesk:print-ready',
} as const;

/** How a print view leaves the app: the system print dialog, or a PDF file the user chooses. */
export type PrintMode = 'print' | 'pdf';

export type PrintOutcome =
  | { ok: true; mode: PrintMode; file: string | null }
  | { ok: false; reason: 'forbidden' | 'badRoute' | 'timeout' | 'cancelled' | 'failed'; detail?: string };

/**
 * The print routes the main process will load: our own views, nothing else.
 * `/print/roster/12?version=2&layout=departments`, `/print/report/3`,
 * `/print/log/2026-12-01`, `/print/directory`, `/print/audit?from=…&to=…`,
 * `/print/documents?…`, `/print/ledger?…`, `/print/petitions/stats?from=…&to=…`, `/print/attendance/2026-12`,
 * `/print/presence/2026-12`, `/print/handover/2026-12-01`, `/print/daily-report/2026-12-01`, `/print/report-rollup/…/…`.
 */
export function isPrintRoute(route: unknown): route is string {
  return (
    typeof route === 'string' &&
    route.length <= 200 &&
    /^\/print\/(roster\/\d{1,9}|report\/\d{1,9}|log\/\d{4}-\d{2}-\d{2}|directory|audit|documents|ledger|petitions\/stats|attendance\/\d{4}-\d{2}|presence\/\d{4}-\d{2}|handover\/\d{4}-\d{2}-\d{2}|daily-report\/\d{4}-\d{2}-\d{2}|report-rollup\/\d{4}-\d{2}-\d{2}\/\d{4}-\d{2}-\d{2})(\?[A-Za-z0-9=&.:_%+-]*)?$/u.test(route)
  );
}

/** The renderer's origin under Electron. */
export const appScheme = 'app';
export const appOrigin = 'app://dutydesk';
/** Largest IPC payload accepted (serialised), same as the browser host. */
export const maxPayloadBytes = 32 * 1024 * 1024;

/** The object the preload exposes as `window.dutydesk`. */
export interface DutyDeskBridge {
  invoke(method: string, input: unknown, sessionId: string | null): Promise<ApiResult<unknown>>;
  onEvent(listener: (e: PushEvent) => void): () => void;
  /** Electron only: opens an attachment with the system viewer (images, PDF, office documents, text). */
  openFile?(name: string, dataBase64: string): Promise<boolean>;
  /** Electron only: prints a print route (system dialog) or saves it as a PDF the user names. */
  print?(route: string, mode: PrintMode, sessionId: string | null): Promise<PrintOutcome>;
  /** Electron only: a print view says its data and fonts are ready (ignored outside a print window). */
  printReady?(): void;
  readonly platform: string;
}

/**
 * File types the system viewer may open: never anything executable, and no
 * office format that can carry macros (.doc, .xls, .ppt, WPS .wps/.et/.dps,
 * the -m variants) — an attachment comes from outside the office. Those are
 * kept and can be saved, but are not opened from here.
 */
export const viewableExtensions = ['jpg', 'jpeg', 'png', 'gif', 'webp', 'bmp', 'tif', 'tiff', 'pdf', 'ofd', 'txt', 'docx', 'xlsx', 'pptx'] as const;
/** Office formats that can carry macros: refused by the viewer, with a warning in the UI. */
export const macroCapableExtensions = ['doc', 'dot', 'xls', 'xlt', 'ppt', 'pps', 'wps', 'et', 'dps', 'docm', 'dotm', 'xlsm', 'xltm', 'xlsb', 'pptm', 'ppsm'] as const;

/** The lower-case extension of a file name ('' when none). */
export const extensionOf = (name: string): string => {
  const m = /\.([^./\\]+)$/u.exec(name);
  return m ? m[1]!.toLowerCase() : '';
};
