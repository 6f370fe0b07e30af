/**
 * Handler types: one map per domain, checked against the shared contract.
 */
import type { Contract, MethodName, Output, ParsedInputOf } from '../../shared/contract';
import type { DomainError } from '../../shared/errors';
import type { AuditEvent } from '../../shared/audit';
import type { Core } from './core';
import type { Db } from './store/connection';
import { cachedConfig } from './store/config-cache';
import { stmt } from './store/stmt';
import type { Session } from './sessions';
import type { AuditInput } from './audit/chain';

/** What every handler sees. */
export interface ReadCtx {
  core: Core;
  db: Db;
  /** The core clock's time for this call (epoch ms). */
  now: number;
  /** The logged-in session, or null for public methods called anonymously. */
  session: Session | null;
  /** Transport-level connection state (holds the session id). */
  conn: Connection;
}

/** What a mutation handler sees, inside the transaction. */
export interface WriteCtx extends ReadCtx {
  /** Appends one audit row for one change, in this transaction. */
  audit(input: AuditInput): AuditEvent;
  /**
   * Commits what was written so far (e.g. the audit row of a failed login)
   * and answers the caller with this error.
   */
  reject(err: DomainError): never;
}

/** An async mutation: does its slow work first, then writes in `ctx.transact`. */
export interface AsyncMutationCtx extends ReadCtx {
  transact<T>(fn: (ctx: WriteCtx) => T): T;
}

export interface Connection {
  sessionId: string | null;
}

type Spec<M extends MethodName> = Contract[M];

export type HandlerFor<M extends MethodName> = Spec<M>['kind'] extends 'mutation'
  ?
      | ((ctx: WriteCtx, input: ParsedInputOf<Spec<M>>) => Output<M>)
      | AsyncMutation<ParsedInputOf<Spec<M>>, Output<M>>
  : (ctx: ReadCtx, input: ParsedInputOf<Spec<M>>) => Output<M> | Promise<Output<M>>;

export const asyncMutationTag = Symbol('asyncMutation');
export interface AsyncMutation<I, O> {
  [asyncMutationTag]: true;
  run: (ctx: AsyncMutationCtx, input: I) => Promise<O>;
}
export const asyncMutation = <I, O>(run: (ctx: AsyncMutationCtx, input: I) => Promise<O>): AsyncMutation<I, O> => ({
  [asyncMutationTag]: true,
  run,
});

/** A domain's handler map: exactly the methods it names, typed from the contract. */
export type Handlers<K extends MethodName> = { [M in K]: HandlerFor<M> };

// ───────────────────────── small shared helpers ─────────────────────────

/** An instant as stored: UTC ISO. */
export const iso = (ms: number): string => new Date(ms).toISOString();

/** Instants arrive with any offset; we store UTC ISO. */
export const toUtc = (s: string): string => new Date(Date.parse(s)).toISOString();

/** The name written as 记录人 / 承办人: the user's display name. */
export const actorName = (ctx: Pick<ReadCtx, 'session'>): string => ctx.session?.displayName ?? 'system';

export const defaultTimeZone = 'Asia/Shanghai';

/** The desk's time zone (read on every log write: cached until the desk row is written). */
export function deskTimeZone(db: Db): string {
  return cachedConfig(
    db,
    'timeZone',
    () => (stmt(db, 'SELECT time_zone FROM desk WHERE id = 1').get() as { time_zone: string } | undefined)?.time_zone ?? defaultTimeZone,
  );
}

/** A method's input as its handler receives it (parsed by its schema: defaults filled, strings trimmed). */
export type In<M extends MethodName> = ParsedInputOf<Spec<M>>;
