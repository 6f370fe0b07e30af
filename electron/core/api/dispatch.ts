/**
 * The one entry point for every API call, whichever transport carried it.
 *
 * Order of checks: known method → set up → session, lock and role → input
 * schema → read-only store. Mutations run in one synchronous transaction and
 * must append at least one audit row, or they roll back. Nothing thrown
 * inside escapes as a stack trace: every failure becomes an `ApiError`.
 */
import { contract, isMethodName, type MethodName } from '../../../shared/contract';
import { DomainError, type ApiError, type ApiResult } from '../../../shared/errors';
import type { AuditEvent } from '../../../shared/audit';
import { translate } from '../../../shared/i18n';
import type { Core } from '../core';
import { transact } from '../write';
import { idleLockMinutes } from '../store/settings';
import { asyncMutationTag, type AsyncMutation, type Connection, type ReadCtx, type WriteCtx } from '../context';
import { toFieldIssues } from './validation';
import { allHandlers } from '../handlers';
import { storeErrorToDomain } from '../store/faults';
import { firstIllFormedPath } from '../../../shared/text';

export const toApiError = (e: DomainError): ApiError => ({
  code: e.code,
  messageKey: e.messageKey,
  message: translate('zh-CN', e.messageKey, e.details),
  ...(e.details ? { details: e.details } : {}),
});

type AnyHandler = ((ctx: WriteCtx, input: unknown) => unknown) | AsyncMutation<unknown, unknown>;

export interface Api {
  call(method: string, input: unknown, conn: Connection): Promise<ApiResult<unknown>>;
  core: Core;
}

export function createApi(core: Core, handlers: Record<string, unknown> = allHandlers): Api {
  async function call(method: string, rawInput: unknown, conn: Connection): Promise<ApiResult<unknown>> {
    try {
      const value = await dispatch(method, rawInput, conn);
      return { ok: true, value };
    } catch (e) {
      if (e instanceof DomainError) return { ok: false, error: toApiError(e) };
      // Disk full, file locked, I/O errors: say what happened instead of "internal error".
      const mapped = storeErrorToDomain(e);
      if (mapped) return { ok: false, error: toApiError(mapped) };
      console.error(`[dutydesk] ${method} failed:`, e);
      return { ok: false, error: toApiError(new DomainError('INTERNAL')) };
    }
  }

  async function dispatch(method: string, rawInput: unknown, conn: Connection): Promise<unknown> {
    if (!isMethodName(method) || !Object.hasOwn(handlers, method)) {
      throw new DomainError('UNKNOWN_METHOD', 'errors.UNKNOWN_METHOD', { method: String(method).slice(0, 80) });
    }
    const spec = contract[method as MethodName];
    const handler = handlers[method] as AnyHandler;

    let session = core.sessions.get(conn.sessionId);
    if (spec.access !== 'public') {
      if (core.deskId() === null) throw new DomainError('SETUP_REQUIRED');
      if (!session) throw new DomainError('UNAUTHENTICATED');
      core.sessions.touch(session, idleLockMinutes(core.db) * 60_000);
      if (session.locked) throw new DomainError('SESSION_LOCKED');
      if (spec.access !== 'session' && !session.roles.some((r) => (spec.access as readonly string[]).includes(r))) {
        throw new DomainError('FORBIDDEN', 'errors.FORBIDDEN', { method });
      }
    } else if (session?.locked) {
      // Public methods see a locked session as anonymous, except unlock/logout which read conn directly.
      session = method === 'auth.unlock' || method === 'auth.logout' || method === 'auth.session' ? session : null;
    }

    // Before the schema, over the raw value (keys and fields a schema does not name included): a lone
    // surrogate would be stored as U+FFFD but hashed as its escape, breaking the chain (issue 12 §1).
    const illFormed = firstIllFormedPath(rawInput);
    if (illFormed !== null) {
      const field = illFormed === '' ? '(input)' : illFormed;
      throw new DomainError('VALIDATION', 'errors.illFormedText', { field, issues: [{ path: illFormed, messageKey: 'validation.illFormed', params: {} }] });
    }
    const parsed = spec.input.safeParse(rawInput ?? {});
    if (!parsed.success) {
      throw new DomainError('VALIDATION', 'errors.VALIDATION', { issues: toFieldIssues(parsed.error) });
    }
    const input: unknown = parsed.data;

    const base: ReadCtx = { core, db: core.db, now: core.clock.now(), session, conn };
    if (spec.kind === 'query') return (handler as (ctx: ReadCtx, i: unknown) => unknown)(base, input);

    if (core.readOnly && spec.readOnly !== 'allow') throw new DomainError('READ_ONLY', core.store.readOnlyReasonKey ?? 'errors.READ_ONLY', core.store.readOnlyReasonParams);

    const written: AuditEvent[] = [];
    const opts = { session, conn, written, label: method };
    const run = <T>(fn: (ctx: WriteCtx) => T): T => {
      const out = transact(core, opts, fn);
      base.session = opts.session;
      return out;
    };

    let out: unknown;
    try {
      if (typeof handler === 'object' && asyncMutationTag in handler) {
        out = await handler.run({ ...base, transact: run }, input);
      } else {
        out = run((ctx) => (handler as (c: WriteCtx, i: unknown) => unknown)(ctx, input));
      }
    } finally {
      if (written.length > 0) {
        const entities = [...new Set(written.map((w) => w.entity))];
        core.events.emit({ type: 'changed', entities, seq: written[written.length - 1]!.seq });
      }
    }
    return out;
  }

  return { call, core };
}
