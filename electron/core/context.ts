/**
 * Handler types: one map per domain, checked against the shared contract.
 */
import type { Contract, MethodName, Output, ParsedInputOf } from '../../shared/contract';
import type { DomainError } from '../../shared/errors';
import type { AuditEvent } from '../../shared/audit';
import type { Core } from './core';
import type { Db } from './store/connection';
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
