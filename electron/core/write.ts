/**
 * The one write path.
 *
 * Every change to the store runs through `transact`: one synchronous
 * better-sqlite3 transaction in which the change and its audit rows commit or
 * roll back together. The API dispatcher, the demo seeder and tests all use it.
 */
import { DomainError } from '../../shared/errors';
import type { AuditEvent } from '../../shared/audit';
import type { Core } from './core';
import { appendAudit, type AuditInput } from './audit/chain';
import { invalidateConfig } from './store/config-cache';
import type { Connection, ReadCtx, WriteCtx } from './context';
import type { Session } from './sessions';

class RejectSignal {
  constructor(readonly err: DomainError) {}
}

export interface TransactOptions {
  session: Session | null;
  conn?: Connection;
  /** Rows appended by this call are pushed here (for change events). */
  written?: AuditEvent[];
  /** Label for error messages. */
  label?: string;
  /** Allow a transaction that audits nothing (only the seeder's bulk helpers). */
  allowNoAudit?: boolean;
}

type Runner = <T>(fn: () => T) => T;
const runners = new WeakMap<Core['db'], Runner>();

/** `fn()` inside BEGIN … COMMIT (a savepoint when nested), with one wrapper per connection. */
function inTransaction<T>(db: Core['db'], fn: () => T): T {
  let run = runners.get(db);
  if (!run) {
    const wrapped = db.transaction((f: () => unknown) => f());
    run = <U>(f: () => U): U => wrapped(f) as U;
    runners.set(db, run);
  }
  return run(fn);
}

/**
 * Runs `fn` in one transaction with an audit-capable context.
 *
 * Throws if `fn` returns a Promise (writes must be synchronous) or appends no
 * audit row. `ctx.reject(err)` commits what was audited so far, then throws `err`.
 */
export function transact<T>(core: Core, opts: TransactOptions, fn: (ctx: WriteCtx) => T): T {
  if (core.readOnly) return readOnlyRun(core, opts, fn);
  const written = opts.written ?? [];
  const label = opts.label ?? 'mutation';
  let rejected: DomainError | null = null;
  const db = core.db;
  const tx = () => {
    const before = written.length;
    const now = core.clock.now();
    const ctx: WriteCtx = {
      core,
      db: core.db,
      now,
      session: opts.session,
      conn: opts.conn ?? { sessionId: opts.session?.id ?? null },
      audit: (a: AuditInput) => {
        const deskId = core.deskId();
        if (!deskId) throw new Error('audit before setup');
        const s = ctx.session;
        const ev = appendAudit(core.db, deskId, { id: s?.userId ?? null, login: s?.login ?? 'system' }, new Date(ctx.now).toISOString(), a);
        written.push(ev);
        return ev;
      },
      reject: (err: DomainError): never => {
        throw new RejectSignal(err);
      },
    };
    try {
      const out = fn(ctx);
      if (out instanceof Promise) throw new Error(`${label}: writes must be synchronous`);
      if (written.length === before && !opts.allowNoAudit) throw new Error(`${label}: a mutation wrote no audit row`);
      return out;
    } catch (e) {
      if (e instanceof RejectSignal && written.length > before) {
        rejected = e.err;
        return undefined as T;
      }
      written.length = before; // rolled back: these rows never existed
      if (e instanceof RejectSignal) throw e.err;
      throw e;
    } finally {
      opts.session = ctx.session;
    }
  };
  let result: T;
  try {
    result = inTransaction(db, tx);
  } catch (e) {
    // Rolled back (or failed to commit): cached configuration read inside may be a value that never existed.
    invalidateConfig(db);
    throw e;
  }
  if (rejected) throw rejected;
  return result;
}

/**
 * A read-only store (damaged, newer schema) can still log people in and
 * restore a backup: the handler runs without a transaction and any attempt
 * to write or audit is refused with READ_ONLY.
 */
function readOnlyRun<T>(core: Core, opts: TransactOptions, fn: (ctx: WriteCtx) => T): T {
  const ctx: WriteCtx = {
    core,
    db: core.db,
    now: core.clock.now(),
    session: opts.session,
    conn: opts.conn ?? { sessionId: opts.session?.id ?? null },
    audit: () => {
      throw new DomainError('READ_ONLY', core.store.readOnlyReasonKey ?? 'errors.READ_ONLY', core.store.readOnlyReasonParams);
    },
    reject: (err: DomainError): never => {
      throw err;
    },
  };
  try {
    return fn(ctx);
  } finally {
    opts.session = ctx.session;
  }
}

export type { ReadCtx, WriteCtx };
