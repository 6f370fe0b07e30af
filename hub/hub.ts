/**
 * The hub: an engine, the clock, and the operations the HTTP API exposes.
 */
import { headSigningText, type PullRequest, type PullResponse, type BatchRequest, type BatchResponse, type EnrolRequest, type EnrolResponse, type HeadRequest, type HeadResponse } from '../shared/hub-protocol';
import type { Engine } from './db/engine';
import { migrate } from './db/migrate';
import { openEmbeddedEngine } from './db/embedded-engine';
import { openPgEngine } from './db/pg-engine';
import { authenticate, createEnrolCode, enrolDesk, keyForSeq, revokeDesk, type AuthOptions, type EnrolCode } from './enrol';
import { HubError } from './errors';
import { ingestBatch } from './ingest';
import { pullFor } from './downward';

export interface HubOptions {
  now?: () => Date;
  /** Default 10 minutes; the client corrects its clock from `hubTime` after a CLOCK_SKEW answer. */
  maxClockSkewMs?: number;
}

export interface DeskSummary {
  deskId: string;
  unitName: string;
  enrolledAt: string;
  revokedAt: string | null;
  headSeq: number;
  headHash: string;
  lastAt: string | null;
  updatedAt: string;
  keyFingerprint: string | null;
  checkpoints: number;
}

/** Opens the engine named by a database option: a postgres:// URL, or the embedded engine in a folder. */
export async function openEngine(target: { database: string } | { dataDir: string }, poolSize = 4): Promise<Engine> {
  return 'database' in target ? openPgEngine(target.database, poolSize) : openEmbeddedEngine(target.dataDir);
}

export class Hub {
  readonly auth: AuthOptions;
  private pruneTimer: NodeJS.Timeout | null = null;

  private constructor(
    readonly engine: Engine,
    opts: HubOptions,
  ) {
    this.auth = { now: opts.now ?? (() => new Date()), maxClockSkewMs: opts.maxClockSkewMs ?? 10 * 60_000 };
  }

  /** Migrates the schema and returns a ready hub. */
  static async open(engine: Engine, opts: HubOptions = {}): Promise<Hub> {
    await migrate(engine);
    const hub = new Hub(engine, opts);
    return hub;
  }

  /** Forgets nonces older than twice the clock window (a request that old is refused by its clock anyway). */
  async pruneNonces(): Promise<number> {
    const before = new Date(this.auth.now().getTime() - 2 * this.auth.maxClockSkewMs);
    const r = await this.engine.query('DELETE FROM request_nonces WHERE seen_at < $1', [before.toISOString()]);
    return r.rowCount;
  }

  startHousekeeping(everyMs = 10 * 60_000): void {
    this.pruneTimer = setInterval(() => void this.pruneNonces().catch((e: unknown) => console.error(`hub: nonce prune failed: ${String(e)}`)), everyMs);
    this.pruneTimer.unref();
  }

  createEnrolCode(opts: { unitHint?: string | null; ttlHours?: number } = {}): Promise<EnrolCode> {
    return createEnrolCode(this.engine, { ...opts, now: this.auth.now() });
  }

  enrol(req: EnrolRequest): Promise<EnrolResponse> {
    return enrolDesk(this.engine, req, this.auth);
  }

  head(req: HeadRequest): Promise<HeadResponse> {
    return this.engine.transaction(async (tx) => {
      await authenticate(tx, req, headSigningText(req), this.auth);
      const h = await tx.query<{ seq: number; hash: string }>('SELECT seq, hash FROM desk_heads WHERE desk_id = $1', [req.deskId]);
      const head = h.rows[0];
      if (!head) throw new HubError('DESK_UNKNOWN', `台席 ${req.deskId} 未在上级登记 / desk ${req.deskId} is not enrolled`, { deskId: req.deskId });
      const key = (await keyForSeq(tx, req.deskId, head.seq + 1)) ?? req.keyFingerprint;
      await tx.query('UPDATE desks SET last_seen_at = $2 WHERE desk_id = $1', [req.deskId, this.auth.now().toISOString()]);
      return { deskId: req.deskId, head: { seq: head.seq, hash: head.hash }, keyFingerprint: key, hubTime: this.auth.now().toISOString() };
    });
  }

  ingest(req: BatchRequest): Promise<BatchResponse> {
    return ingestBatch(this.engine, req, this.auth);
  }

  /** What was sent down for the desk after its cursor (records that the desk was heard from). */
  pull(req: PullRequest): Promise<PullResponse> {
    return pullFor(this.engine, req, this.auth);
  }

  revokeDesk(deskId: string, reason: string): Promise<void> {
    return revokeDesk(this.engine, deskId, reason, this.auth.now());
  }

  async listDesks(): Promise<DeskSummary[]> {
    const r = await this.engine.query<{
      desk_id: string;
      unit_name: string;
      enrolled_at: Date;
      revoked_at: Date | null;
      seq: number;
      hash: string;
      last_at: string | null;
      updated_at: Date;
      key: string | null;
      checkpoints: number;
    }>(
      `SELECT d.desk_id, d.unit_name, d.enrolled_at, d.revoked_at, h.seq, h.hash, h.last_at, h.updated_at,
              (SELECT k.fingerprint FROM desk_keys k WHERE k.desk_id = d.desk_id AND k.from_seq <= h.seq + 1 ORDER BY k.from_seq DESC LIMIT 1) AS key,
              (SELECT count(*)::int FROM checkpoints c WHERE c.desk_id = d.desk_id) AS checkpoints
         FROM desks d JOIN desk_heads h USING (desk_id) ORDER BY d.desk_id`,
    );
    const iso = (d: Date | string): string => new Date(d).toISOString();
    return r.rows.map((x) => ({
      deskId: x.desk_id,
      unitName: x.unit_name,
      enrolledAt: iso(x.enrolled_at),
      revokedAt: x.revoked_at ? iso(x.revoked_at) : null,
      headSeq: x.seq,
      headHash: x.hash,
      lastAt: x.last_at,
      updatedAt: iso(x.updated_at),
      keyFingerprint: x.key,
      checkpoints: x.checkpoints,
    }));
  }

  async close(): Promise<void> {
    if (this.pruneTimer) clearInterval(this.pruneTimer);
    await this.engine.close();
  }
}
