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

/**
 * The host's access token for this tab.
 *
 * The link the host prints carries a one-time `?ticket=`: it is removed from
 * the address bar at once and exchanged (`POST /auth/ticket`) for the token,
 * which stays in this tab's sessionStorage only. The history thus keeps a
 * used ticket, which opens nothing. A reload keeps the tab's token.
 */
export async function hostToken(): Promise<string | null> {
  const url = new URL(window.location.href);
  const ticket = url.searchParams.get('ticket');
  if (ticket) {
    url.searchParams.delete('ticket');
    window.history.replaceState(null, '', url.pathname + url.search + url.hash);
    try {
      const res = await fetch('/auth/ticket', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ticket }) });
      const body = (await res.json()) as ApiResult<{ token: string }>;
      if (body.ok) {
        sessionStorage.setItem(tokenKey, body.value.token);
        return body.value.token;
      }
    } catch {
      // fall through: a token this tab already holds still works
    }
  }
  return sessionStorage.getItem(tokenKey);
}

const networkError = (): ApiResult<unknown> => ({
  ok: false,
  error: { code: 'INTERNAL', messageKey: 'errors.NETWORK', message: '无法连接值守台服务' },
});

/**
 * The address was opened without the access token (a bookmark, a new tab, the
 * tab reopened) or with the token of an earlier start: the service is up, the
 * link is what is missing. Said so, with how to get the link (issue 11 item 2).
 */
const tokenError = (key: 'errors.NO_TOKEN' | 'errors.BAD_TOKEN'): ApiResult<unknown> => ({
  ok: false,
  error: { code: 'INTERNAL', messageKey: key, message: '此地址需要启动时打印的访问链接' },
});

function httpTransport(tokenPromise: Promise<string | null>): Transport {
  return {
    kind: 'http',
    async invoke(method, input, sessionId) {
      const token = await tokenPromise;
      if (!token) return tokenError('errors.NO_TOKEN');
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
        // Only the access token is answered with 401; the host was restarted with a new one.
        if (res.status === 401) return tokenError('errors.BAD_TOKEN');
        return (await res.json()) as ApiResult<unknown>;
      } catch {
        return networkError();
      }
    },
    subscribe(listener) {
      // EventSource cannot send a header: the one place the host accepts the token in the query.
      let source: EventSource | null = null;
      let closed = false;
      void tokenPromise.then((token) => {
        if (closed) return;
        source = new EventSource(`/api/events?token=${encodeURIComponent(token ?? '')}`);
        source.onmessage = (m: MessageEvent<string>) => {
          try {
            listener(JSON.parse(m.data) as PushEvent);
          } catch {
            // ignore malformed events
          }
        };
      });
      return () => {
        closed = true;
        source?.close();
      };
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
