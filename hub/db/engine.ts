/**
 * The hub's database engine: one interface, two implementations.
 *
 * `embedded` is PGlite (PostgreSQL compiled to WASM, in-process, one
 * connection, a data folder); `pg` is a real PostgreSQL 15+ through a `pg`
 * pool. The same SQL — migrations and queries — runs on both.
 */
export interface QueryResult<R> {
  rows: R[];
  /** Rows inserted/updated/deleted by the statement. */
  rowCount: number;
}

export interface Queryable {
  query<R = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<QueryResult<R>>;
  /** Runs a script of several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
}

export type EngineKind = 'embedded' | 'pg';

export interface Engine extends Queryable {
  readonly kind: EngineKind;
  /** How many transactions can run at once (pool size; 1 for the embedded engine). */
  readonly concurrency: number;
  /** Runs `fn` in one transaction on one connection: COMMIT when it resolves, ROLLBACK when it throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
