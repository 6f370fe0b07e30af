/**
 * The renderer's typed API client.
 *
 * `call(method, input)` returns the value or throws an `ApiCallError` carrying
 * the core's `ApiError`; a mutation's call first refreshes the cached queries
 * reading what it wrote. `useApiQuery` / `useApiMutation` wrap it for TanStack
 * Query; push events from the core refresh the queries reading what changed
 * (lib/query-entities.ts says which query reads which entity).
 */
import { QueryClient, useMutation, useQuery, type UseQueryOptions } from '@tanstack/react-query';
import type { Input, MethodName, Output } from '../shared/contract';
import type { ApiError } from '../shared/errors';
import type { PushEvent } from '../shared/events';
import { currentTransport, type Transport } from './lib/transport';
import { changedBy, isMutation, refreshAfterMutation, refreshEntities } from './lib/query-entities';

export class ApiCallError extends Error {
  constructor(readonly error: ApiError) {
    super(error.message);
    this.name = 'ApiCallError';
  }
}

const sessionKey = 'dutydesk.session';
const getTransport = (): Transport => currentTransport();

export const session = {
  get: (): string | null => sessionStorage.getItem(sessionKey),
  set: (id: string | null): void => {
    if (id) sessionStorage.setItem(sessionKey, id);
    else sessionStorage.removeItem(sessionKey);
  },
};

/** Listeners for errors that concern the whole app (locked, logged out). */
const errorListeners = new Set<(e: ApiError) => void>();
export const onGlobalApiError = (fn: (e: ApiError) => void): (() => void) => {
  errorListeners.add(fn);
  return () => errorListeners.delete(fn);
};

export async function call<M extends MethodName>(method: M, input: Input<M>): Promise<Output<M>> {
  const r = await getTransport().invoke(method, input, session.get());
  if (!r.ok) {
    if (r.error.code === 'SESSION_LOCKED' || r.error.code === 'UNAUTHENTICATED') for (const fn of errorListeners) fn(r.error);
    throw new ApiCallError(r.error);
  }
  if (isMutation(method)) await refreshAfterMutation(queryClient, method);
  return r.value as Output<M>;
}

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      retry: (count, err) => !(err instanceof ApiCallError) && count < 2,
      refetchOnWindowFocus: false,
      staleTime: 5_000,
    },
  },
});

export function useApiQuery<M extends MethodName>(
  method: M,
  input: Input<M>,
  options?: Omit<UseQueryOptions<Output<M>, ApiCallError>, 'queryKey' | 'queryFn'>,
) {
  return useQuery<Output<M>, ApiCallError>({
    queryKey: [method, input],
    queryFn: () => call(method, input),
    ...options,
  });
}

export function useApiMutation<M extends MethodName>(method: M) {
  return useMutation<Output<M>, ApiCallError, Input<M>>({
    mutationFn: (input) => call(method, input),
  });
}

/** Subscribes to push events: a data change refreshes the queries reading its entities; a deadline passing or the clock moving, those computed from the time. */
export function subscribePushEvents(extra?: (e: PushEvent) => void): () => void {
  return getTransport().subscribe((e) => {
    void refreshEntities(queryClient, changedBy(e));
    extra?.(e);
  });
}

/**
 * Refreshes every cached query after the session changed (setup, login, unlock).
 *
 * The session is not an entity: who is asking decides what many answers hold
 * (roles, "my" duties), and no push says so. Call it once the session id is stored.
 */
export const refreshForSession = (): Promise<void> => queryClient.invalidateQueries();

export const transportKind = (): Transport['kind'] => getTransport().kind;
