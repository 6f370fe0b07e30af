/**
 * How the renderer reaches the core: Electron IPC (preload bridge) or the
 * loopback browser host (HTTP + Server-Sent Events).
 */
import type { ApiResult } from '../../shared/errors';
import type { PushEvent } from '../../shared/events';
import type { DutyDeskBridge } from '../../shared/ipc';


declare global {
  interface Window {
    dutydesk?: DutyDeskBridge;
  }
}

export interface Transport {
  kind: 'ipc' | 'http';
  invoke(method: string, input: unknown, sessionId: string | null): Promise<ApiResult<unknown>>;
  subscribe(listener: (e: PushEvent) => void): () => void;
}

const tokenKey = 'dutydesk.token';

/** Takes the host's access token from `?token=` once, keeps it for this tab, and removes it from the address bar. */
export function hostToken(): string | null {
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    sessionStorage.setItem(tokenKey, fromUrl);
    url.searchParams.delete('token');
    window.history.replaceState(null, '', url.pathname + url.search + url.hash);
    return fromUrl;
  }
  return sessionStorage.getItem(tokenKey);
}

const networkError = (): ApiResult<unknown> => ({
  ok: false,
  error: { code: 'INTERNAL', messageKey: 'errors.NETWORK', message: '无法连接值守台服务' },
});

function httpTransport(token: string | null): Transport {
  return {
    kind: 'http',
    async invoke(method, input, sessionId) {
      try {
        const res = await fetch(`/api/${encodeURIComponent(method)}`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            authorization: `Bearer ${token ?? ''}`,
            ...(sessionId ? { 'x-dutydesk-session': sessionId } : {}),
          },
          body: JSON.stringify(input ?? {}),
        });
        return (await res.json()) as ApiResult<unknown>;
      } catch {
        return networkError();
      }
    },
    subscribe(listener) {
      const source = new EventSource(`/api/events?token=${encodeURIComponent(token ?? '')}`);
      source.onmessage = (m: MessageEvent<string>) => {
        try {
          listener(JSON.parse(m.data) as PushEvent);
        } catch {
          // ignore malformed events
        }
      };
      return () => source.close();
    },
  };
}

function ipcTransport(bridge: DutyDeskBridge): Transport {
  return {
    kind: 'ipc',
    invoke: (method, input, sessionId) => bridge.invoke(method, input, sessionId).catch(() => networkError()),
    subscribe: (listener) => bridge.onEvent(listener),
  };
}

let http: Transport | null = null;

/** The preload bridge when there is one (read on every call), else the loopback host. */
export function currentTransport(): Transport {
  if (window.dutydesk) return ipcTransport(window.dutydesk);
  return (http ??= httpTransport(hostToken()));
}
