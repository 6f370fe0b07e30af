/**
 * The hub console's client: the same transport as the desk (HTTP to the
 * host that served the page — here the hub), typed by `shared/hub-console.ts`.
 */
import { QueryClient, useMutation, useQuery, type UseQueryOptions } from '@tanstack/react-query';
import type { HubInput, HubMethodName, HubOutput } from '../../../shared/hub-console';
import { ApiCallError } from '../../api';
import type { ApiResult } from '../../../shared/errors';

const sessionKey = 'dutydesk.hubSession';
export const hubSession = {
  get: (): string | null => sessionStorage.getItem(sessionKey),
  set: (id: string | null): void => (id ? sessionStorage.setItem(sessionKey, id) : sessionStorage.removeItem(sessionKey)),
};

/**
 * One console call to the hub that served the page. The hub's console is
 * guarded by its own sign-in (the session header), not by a desk host's
 * start-up token: the desk transport, which refuses to call without that
 * token, is not used here.
 */
async function invokeHub(method: string, input: unknown, sessionId: string | null): Promise<ApiResult<unknown>> {
  try {
    const res = await fetch(`/api/${encodeURIComponent(method)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(sessionId ? { 'x-dutydesk-session': sessionId } : {}) },
      body: JSON.stringify(input ?? {}),
    });
    return (await res.json()) as ApiResult<unknown>;
  } catch {
    return { ok: false, error: { code: 'INTERNAL', messageKey: 'errors.NETWORK', message: '无法连接上级汇总服务' } };
  }
}

export async function hubCall<M extends HubMethodName>(method: M, input: HubInput<M>): Promise<HubOutput<M>> {
  const r = await invokeHub(method, input, hubSession.get());
  if (!r.ok) {
    if (r.error.code === 'UNAUTHENTICATED' && method !== 'hub.login') {
      hubSession.set(null);
      void hubQueryClient.invalidateQueries({ queryKey: ['hub.session'] });
    }
    throw new ApiCallError(r.error);
  }
  return r.value as HubOutput<M>;
}

export const hubQueryClient = new QueryClient({
  defaultOptions: { queries: { retry: (n, e) => !(e instanceof ApiCallError) && n < 2, refetchOnWindowFocus: false, staleTime: 5_000 } },
});

export function useHubQuery<M extends HubMethodName>(method: M, input: HubInput<M>, options?: Omit<UseQueryOptions<HubOutput<M>, ApiCallError>, 'queryKey' | 'queryFn'>) {
  return useQuery<HubOutput<M>, ApiCallError>({ queryKey: [method, input], queryFn: () => hubCall(method, input), ...options });
}

export function useHubMutation<M extends HubMethodName>(method: M) {
  return useMutation<HubOutput<M>, ApiCallError, HubInput<M>>({ mutationFn: (input) => hubCall(method, input), onSuccess: () => hubQueryClient.invalidateQueries() });
}

/** Whether the page was served by a hub (the hub marks its index.html). */
export const isHubMode = (): boolean => document.documentElement.dataset.dutydeskMode === 'hub';
