/**
 * Binds the API to `ipcMain.handle`: one channel for every method, the
 * sender checked, the payload size checked, errors as values.
 */
import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import type { DeskApi } from '../core/trust/recovery';
import { toApiError } from '../core/api/dispatch';
import { DomainError, type ApiResult } from '../../shared/errors';
import { ipcChannels, maxPayloadBytes } from '../../shared/ipc';
import { isTrustedSender } from './security';
import { writeViewerCopy } from './open-file';
import { printSessionOf } from './print';

export function makeInvokeHandler(api: DeskApi) {
  return async (event: IpcMainInvokeEvent, method: unknown, input: unknown, sessionId: unknown): Promise<ApiResult<unknown>> => {
    if (!isTrustedSender(event.senderFrame)) return { ok: false, error: toApiError(new DomainError('FORBIDDEN')) };
    if (typeof method !== 'string' || method.length > 80) return { ok: false, error: toApiError(new DomainError('UNKNOWN_METHOD')) };
    let size: number;
    try {
      size = JSON.stringify(input ?? null).length;
    } catch {
      return { ok: false, error: toApiError(new DomainError('VALIDATION')) };
    }
    if (size > maxPayloadBytes) return { ok: false, error: toApiError(new DomainError('PAYLOAD_TOO_LARGE')) };
    // A hidden print window runs as the user who asked to print (electron/main/print.ts).
    const bound = event.sender ? printSessionOf(event.sender.id) : undefined;
    const conn = { sessionId: bound !== undefined ? bound : typeof sessionId === 'string' && sessionId.length < 200 ? sessionId : null };
    return api.call(method, input, conn);
  };
}

/** Opens an attachment with the system viewer, for our main frame only. */
export function makeOpenFileHandler(openPath: (file: string) => Promise<string>) {
  return async (event: IpcMainInvokeEvent, name: unknown, dataBase64: unknown): Promise<boolean> => {
    if (!isTrustedSender(event.senderFrame) || typeof name !== 'string' || typeof dataBase64 !== 'string') return false;
    const file = writeViewerCopy(name, dataBase64);
    if (!file) return false;
    return (await openPath(file)) === '';
  };
}

export function bindIpc(ipcMain: IpcMain, api: DeskApi, target: () => WebContents | null, openPath: (file: string) => Promise<string>): () => void {
  ipcMain.handle(ipcChannels.invoke, makeInvokeHandler(api));
  ipcMain.handle(ipcChannels.openFile, makeOpenFileHandler(openPath));
  const off = api.core.events.subscribe((e) => {
    const wc = target();
    if (wc && !wc.isDestroyed()) wc.send(ipcChannels.event, e);
  });
  return () => {
    off();
    ipcMain.removeHandler(ipcChannels.invoke);
    ipcMain.removeHandler(ipcChannels.openFile);
  };
}
