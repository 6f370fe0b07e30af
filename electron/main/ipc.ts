/**
 * Binds the API to `ipcMain.handle`: one channel for every method, the
 * sender checked, the payload size checked, errors as values.
 */
import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import type { Api } from '../core/api/dispatch';
import { toApiError } from '../core/api/dispatch';
import { DomainError, type ApiResult } from '../../shared/errors';
import { ipcChannels, maxPayloadBytes } from '../../shared/ipc';
import { isTrustedSender } from './security';

export function makeInvokeHandler(api: Api) {
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
    const conn = { sessionId: typeof sessionId === 'string' && sessionId.length < 200 ? sessionId : null };
    return api.call(method, input, conn);
  };
}

export function bindIpc(ipcMain: IpcMain, api: Api, target: () => WebContents | null): () => void {
  ipcMain.handle(ipcChannels.invoke, makeInvokeHandler(api));
  const off = api.core.events.subscribe((e) => {
    const wc = target();
    if (wc && !wc.isDestroyed()) wc.send(ipcChannels.event, e);
  });
  return () => {
    off();
    ipcMain.removeHandler(ipcChannels.invoke);
  };
}
