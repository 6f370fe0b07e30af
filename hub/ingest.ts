/**
 * Ingest of a desk's audit rows: verify, then store each `(desk, seq)` once.
 *
 * Before touching the database the batch's own chain is recomputed (every
 * row's hash from its canonical payload, every link, seqs gapless). Then, in
 * one transaction holding the desk's head row:
 * - the request is authenticated (desk, key, signature, clock, nonce) and
 *   the key must be the one that signs batches starting at `firstSeq`;
 * - the batch must continue the stored chain: no gap after the head, its
 *   first row linking to the stored row before it, and rows the hub already
 *   holds identical to the stored ones (else `forked`, naming the first
 *   differing seq) — so a replay adds 0 rows;
 * - new rows are inserted with one `unnest` statement, `ON CONFLICT DO
 *   NOTHING`; key records and signed checkpoints in them are checked and
 *   recorded; the head moves.
 * Any refusal names the desk and the seq and stores nothing.
 */
import { genesisHash, type AuditEvent } from '../shared/audit';
import { ChainVerifier, diagnosisLookahead, checkpointSigningText } from '../shared/domain/audit-verify';
import { batchSigningText, checkpointAction, keyCreateAction, keyRotateAction, type BatchRequest, type BatchResponse } from '../shared/hub-protocol';
import { z } from 'zod';
import type { Engine, Queryable } from './db/engine';
import { authenticate, keyForSeq, type AuthOptions } from './enrol';
import { chainRefused, HubError } from './errors';
import { parsePublicKeyDer, sha256Hex, verifySignature } from './keys';

/** Checks the batch's own chain (no database): throws a named refusal. */
export function verifyBatchChain(req: BatchRequest): void {
  const rows = req.events;
  const first = rows[0]!;
  for (const r of rows) if (r.deskId !== req.deskId) throw chainRefused(req.deskId, r.seq, 'malformed', `row names desk ${r.deskId}`);
  if (req.lastSeq < req.firstSeq) throw chainRefused(req.deskId, req.firstSeq, 'batch', `lastSeq ${req.lastSeq} < firstSeq`);
  // Rows out of order in the batch: a seq that turns up later was moved, one that never does is missing.
  const outOfPlace = rows.findIndex((r, i) => r.seq !== req.firstSeq + i);
  if (outOfPlace >= 0) {
    const want = req.firstSeq + outOfPlace;
    const later = rows.findIndex((r) => r.seq === want);
    if (later >= 0) throw chainRefused(req.deskId, want, 'reordered', `row ${want} sent at position ${later + 1} instead of ${outOfPlace + 1}`);
    if (rows[outOfPlace]!.seq > want) throw chainRefused(req.deskId, want, 'missing', `the batch goes on with seq ${rows[outOfPlace]!.seq}`);
  }
  const v = new ChainVerifier(sha256Hex, [], { head: { seq: req.firstSeq - 1, hash: first.prevHash }, rows: 0, checkpointsChecked: 0 });
  let i = 0;
  for (; i < rows.length; i += 1) if (!v.push(rows[i]!)) break;
  const report = v.finish(rows.slice(i + 1, i + 1 + diagnosisLookahead));
  if (report.problem) {
    const d = Object.entries(report.problem.details)
      .map(([k, val]) => `${k}=${val}`)
      .join(' ');
    throw chainRefused(req.deskId, report.problem.seq, report.problem.kind, d);
  }
  const last = rows[rows.length - 1]!;
  if (last.seq < req.lastSeq) throw chainRefused(req.deskId, last.seq + 1, 'missing', `batch signed up to seq ${req.lastSeq}`);
  if (last.seq > req.lastSeq || last.hash !== req.lastHash) throw chainRefused(req.deskId, req.lastSeq, 'batch', 'the last row is not the one signed');
}

const keyRecordSchema = z.object({ fingerprint: z.string(), publicKey: z.string() });
const rotateBeforeSchema = z.object({ fingerprint: z.string() }).nullable();
const checkpointRecordSchema = z.object({ seq: z.number().int().nonnegative(), hash: z.string(), at: z.string(), keyFingerprint: z.string(), signature: z.string() });

const parseJson = (s: string | null): unknown => {
  if (s === null) return null;
  try {
    return JSON.parse(s);
  } catch {
    return undefined;
  }
};

interface StreamState {
  /** Keys the chain declared: fingerprint → SPKI DER base64. */
  chainKeys: Map<string, string>;
}

/** Key records and checkpoints in the new rows: checked, then recorded. */
async function recordSideTables(tx: Queryable, deskId: string, rows: readonly AuditEvent[], byseq: Map<number, AuditEvent>): Promise<void> {
  const special = rows.filter((r) => r.action === keyCreateAction || r.action === keyRotateAction || r.action === checkpointAction);
  if (special.length === 0) return;
  const known = await tx.query<{ fingerprint: string; public_key: string }>('SELECT fingerprint, public_key FROM chain_keys WHERE desk_id = $1', [deskId]);
  const state: StreamState = { chainKeys: new Map(known.rows.map((k) => [k.fingerprint, k.public_key])) };
  for (const r of special) {
    if (r.action === checkpointAction) {
      const cp = checkpointRecordSchema.safeParse(parseJson(r.after));
      if (!cp.success) throw chainRefused(deskId, r.seq, 'checkpoint', 'unreadable checkpoint record');
      const c = cp.data;
      let at = byseq.get(c.seq)?.hash;
      if (at === undefined) {
        if (c.seq === 0) at = genesisHash;
        else at = (await tx.query<{ hash: string }>('SELECT hash FROM audit_events WHERE desk_id = $1 AND seq = $2', [deskId, c.seq])).rows[0]?.hash;
      }
      if (at !== c.hash) throw chainRefused(deskId, r.seq, 'checkpoint', `the checkpoint names seq ${c.seq} with another hash than the chain`);
      const pub = state.chainKeys.get(c.keyFingerprint);
      let valid: boolean | null = null;
      if (pub !== undefined) {
        valid = verifySignature(pub, checkpointSigningText({ deskId, seq: c.seq, hash: c.hash, at: c.at }), c.signature);
        if (!valid) throw chainRefused(deskId, r.seq, 'checkpoint', `signature does not verify with key ${c.keyFingerprint.slice(0, 8)}…`);
      }
      await tx.query(
        'INSERT INTO checkpoints (desk_id, recorded_seq, seq, hash, at, key_fingerprint, signature, signature_valid) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT DO NOTHING',
        [deskId, r.seq, c.seq, c.hash, c.at, c.keyFingerprint, c.signature, valid],
      );
      continue;
    }
    const rec = keyRecordSchema.safeParse(parseJson(r.after));
    const parsed = rec.success ? parsePublicKeyDer(rec.data.publicKey) : null;
    if (!rec.success || !parsed || parsed.fingerprint !== rec.data.fingerprint) {
      throw chainRefused(deskId, r.seq, 'rotation', 'the key record does not carry an Ed25519 key with its fingerprint');
    }
    state.chainKeys.set(parsed.fingerprint, parsed.publicKey);
    await tx.query('INSERT INTO chain_keys (desk_id, fingerprint, public_key, declared_seq) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING', [deskId, parsed.fingerprint, parsed.publicKey, r.seq]);
    if (r.action !== keyRotateAction) continue;
    const before = rotateBeforeSchema.safeParse(parseJson(r.before));
    if (!before.success) throw chainRefused(deskId, r.seq, 'rotation', 'unreadable previous key');
    // The old key vouches for the new one: the rotation row travels in a batch signed by the
    // hub's current key, and names that key as `before`. Then batches after this row are signed
    // by the new key. A rotation naming another key is history from before enrolment.
    const active = await keyForSeq(tx, deskId, r.seq);
    if (before.data && before.data.fingerprint === active) {
      await tx.query(
        "INSERT INTO desk_keys (desk_id, fingerprint, public_key, from_seq, added_at, added_by) VALUES ($1, $2, $3, $4, now(), 'rotate') ON CONFLICT DO NOTHING",
        [deskId, parsed.fingerprint, parsed.publicKey, r.seq + 1],
      );
    }
  }
}

const insertSql = `INSERT INTO audit_events (desk_id, seq, v, at, actor_id, actor, action, entity, entity_id, before, after, reason, prev_hash, hash)
SELECT $1, * FROM unnest($2::bigint[], $3::int[], $4::text[], $5::bigint[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[], $12::text[], $13::text[], $14::text[])
ON CONFLICT (desk_id, seq) DO NOTHING`;

async function insertRows(tx: Queryable, deskId: string, rows: readonly AuditEvent[]): Promise<number> {
  const r = await tx.query(insertSql, [
    deskId,
    rows.map((e) => e.seq),
    rows.map((e) => e.v),
    rows.map((e) => e.at),
    rows.map((e) => e.actorId),
    rows.map((e) => e.actor),
    rows.map((e) => e.action),
    rows.map((e) => e.entity),
    rows.map((e) => e.entityId),
    rows.map((e) => e.before),
    rows.map((e) => e.after),
    rows.map((e) => e.reason),
    rows.map((e) => e.prevHash),
    rows.map((e) => e.hash),
  ]);
  return r.rowCount;
}

/** Verifies and stores one signed batch. */
export async function ingestBatch(engine: Engine, req: BatchRequest, opts: AuthOptions): Promise<BatchResponse> {
  verifyBatchChain(req);
  const text = batchSigningText({ ...req, count: req.events.length });
  return engine.transaction(async (tx) => {
    const h = await tx.query<{ seq: number; hash: string }>('SELECT seq, hash FROM desk_heads WHERE desk_id = $1 FOR UPDATE', [req.deskId]);
    const key = await authenticate(tx, req, text, opts);
    const head = h.rows[0];
    if (!head) throw new HubError('DESK_UNKNOWN', `台席 ${req.deskId} 未在上级登记 / desk ${req.deskId} is not enrolled at this hub`, { deskId: req.deskId });
    const expected = await keyForSeq(tx, req.deskId, req.firstSeq);
    if (expected !== key.fingerprint) {
      throw new HubError(
        'KEY_MISMATCH',
        `台席 ${req.deskId} 自第 ${req.firstSeq} 条起的批次应由密钥 ${expected?.slice(0, 8) ?? '?'}… 签名 / batches of desk ${req.deskId} from seq ${req.firstSeq} must be signed by key ${expected?.slice(0, 8) ?? '?'}…`,
        { deskId: req.deskId, seq: req.firstSeq },
      );
    }
    const f = req.firstSeq;
    if (f > head.seq + 1) throw chainRefused(req.deskId, head.seq + 1, 'gap', `the hub holds up to seq ${head.seq}, the batch starts at ${f}`);
    const rows = req.events;
    const prevStored =
      f === 1
        ? genesisHash
        : f - 1 === head.seq
          ? head.hash
          : (await tx.query<{ hash: string }>('SELECT hash FROM audit_events WHERE desk_id = $1 AND seq = $2', [req.deskId, f - 1])).rows[0]?.hash;
    if (rows[0]!.prevHash !== prevStored) throw chainRefused(req.deskId, f, 'forked', `row ${f} does not follow the stored row ${f - 1}`);
    if (f <= head.seq) {
      // Rows the hub holds: with the links verified, equal hashes at the last overlapping seq mean equal rows.
      const m = Math.min(req.lastSeq, head.seq);
      const batchAt = (seq: number): AuditEvent => rows[seq - f]!;
      const stored = await tx.query<{ hash: string }>('SELECT hash FROM audit_events WHERE desk_id = $1 AND seq = $2', [req.deskId, m]);
      if (stored.rows[0]?.hash !== batchAt(m).hash) {
        const all = await tx.query<{ seq: number; hash: string }>('SELECT seq, hash FROM audit_events WHERE desk_id = $1 AND seq BETWEEN $2 AND $3 ORDER BY seq', [req.deskId, f, m]);
        const differs = all.rows.find((s) => s.hash !== batchAt(s.seq).hash);
        throw chainRefused(req.deskId, differs?.seq ?? m, 'forked', 'the row differs from the one the hub already holds');
      }
    }
    const fresh = rows.filter((r) => r.seq > head.seq);
    let added = 0;
    let newHead = { seq: head.seq, hash: head.hash };
    if (fresh.length > 0) {
      await recordSideTables(tx, req.deskId, fresh, new Map(rows.map((r) => [r.seq, r])));
      added = await insertRows(tx, req.deskId, fresh);
      const last = fresh[fresh.length - 1]!;
      newHead = { seq: last.seq, hash: last.hash };
      await tx.query('UPDATE desk_heads SET seq = $2, hash = $3, last_at = $4, updated_at = now() WHERE desk_id = $1', [req.deskId, last.seq, last.hash, last.at]);
    }
    const next = (await keyForSeq(tx, req.deskId, newHead.seq + 1)) ?? key.fingerprint;
    return { deskId: req.deskId, added, head: newHead, keyFingerprint: next, hubTime: opts.now().toISOString() };
  });
}
