import type { ApiResult } from './errors';
import type { PushEvent } from './events';

/**
 * Electron IPC channel names — the only place they are written.
 */
export const ipcChannels = {
  invoke: 'dutydesk:invoke',
  event: 'dutydesk:event',
} as const;

/** The renderer's origin under Electron. */
export const appScheme = 'app';
export const appOrigin = 'app://dutydesk';
/** Largest IPC payload accepted (serialised), same as the browser host. */
export const maxPayloadBytes = 32 * 1024 * 1024;

/** The object the preload exposes as `window.dutydesk`. */
export interface DutyDeskBridge {
  invoke(method: string, input: unknown, sessionId: string | null): Promise<ApiResult<unknown>>;
  onEvent(listener: (e: PushEvent) => void): () => void;
  readonly platform: string;
}
