/**
 * Downward: what the superior office sends to all or some desks.
 *
 * Every message gets the next version; a desk pulls the versions after its
 * cursor that name it (or every desk), oldest first, ≤ 100 per answer. What
 * travels is data validated by `downPayloadSchema` — a notice to show, a
 * holiday notice for the desk's admin to confirm, a presence check to ring.
 * Whether a desk received, acknowledged, applied or answered comes back only
 * in its own audit stream (views.ts).
 */
import { downPayloadSchema, maxPullMessages, pullSigningText, type DownMessage, type DownPayload, type PullRequest, type PullResponse } from '../shared/hub-protocol';
import type { Engine, Queryable } from './db/engine';
import { authenticate, type AuthOptions } from './enrol';
import { HubError } from './errors';

export interface SentMessage {
  version: number;
  kind: DownPayload['kind'];
  targets: string[] | null;
  payload: DownPayload;
  sentAt: string;
  sentBy: string;
}

interface Row {
  version: number;
  kind: DownPayload['kind'];
  targets: string[] | null;
  payload: string;
  sent_at: Date | string;
  sent_by: string;
}

const toSent = (r: Row): SentMessage => ({
  version: r.version,
  kind: r.kind,
  targets: r.targets,
  payload: downPayloadSchema.parse(JSON.parse(r.payload)),
  sentAt: new Date(r.sent_at).toISOString(),
  sentBy: r.sent_by,
});

/** Records a message for every desk (`targets` null) or the named ones; returns it with its version. */
export async function sendDown(db: Queryable, payload: DownPayload, targets: readonly string[] | null, sentBy: string, now: Date): Promise<SentMessage> {
  const p = downPayloadSchema.parse(payload);
  if (targets) {
    if (targets.length === 0) throw new HubError('VALIDATION', '请至少选择一个台席 / choose at least one desk');
    const known = await db.query<{ desk_id: string }>('SELECT desk_id FROM desks WHERE desk_id = ANY($1::text[])', [targets]);
    const missing = targets.filter((t) => !known.rows.some((k) => k.desk_id === t));
    if (missing.length) throw new HubError('NOT_FOUND', `台席 ${missing.join('、')} 未登记 / desk ${missing.join(', ')} is not enrolled`);
  }
  const r = await db.query<Row>('INSERT INTO down_messages (kind, targets, payload, sent_at, sent_by) VALUES ($1, $2, $3, $4, $5) RETURNING *', [
    p.kind,
    targets ? [...new Set(targets)] : null,
    JSON.stringify(p),
    now.toISOString(),
    sentBy,
  ]);
  return toSent(r.rows[0]!);
}

export async function listSent(db: Queryable, opts: { kind?: DownPayload['kind']; since?: string; until?: string; limit?: number } = {}): Promise<SentMessage[]> {
  const r = await db.query<Row>(
    `SELECT * FROM down_messages WHERE ($1::text IS NULL OR kind = $1) AND ($2::timestamptz IS NULL OR sent_at >= $2) AND ($3::timestamptz IS NULL OR sent_at < $3)
      ORDER BY version DESC LIMIT $4`,
    [opts.kind ?? null, opts.since ?? null, opts.until ?? null, opts.limit ?? 200],
  );
  return r.rows.map(toSent);
}

/** A desk's signed pull: the messages for it after its cursor. Records that the desk was heard from. */
export async function pullFor(engine: Engine, req: PullRequest, opts: AuthOptions): Promise<PullResponse> {
  return engine.transaction(async (tx) => {
    await authenticate(tx, req, pullSigningText(req), opts);
    const now = opts.now();
    await tx.query('UPDATE desks SET last_seen_at = $2 WHERE desk_id = $1', [req.deskId, now.toISOString()]);
    // One more than fits tells whether more wait; versions for other desks move the cursor on.
    const scan = await tx.query<Row>('SELECT * FROM down_messages WHERE version > $1 ORDER BY version LIMIT $2', [req.cursor, maxPullMessages * 5 + 1]);
    const more = scan.rows.length > maxPullMessages * 5;
    const rows = scan.rows.slice(0, maxPullMessages * 5);
    const messages: DownMessage[] = [];
    let cursor = req.cursor;
    for (const r of rows) {
      const mine = r.targets === null || r.targets.includes(req.deskId);
      if (mine && messages.length === maxPullMessages) break;
      cursor = r.version;
      if (mine) {
        const m = toSent(r);
        messages.push({ version: m.version, sentAt: m.sentAt, payload: m.payload });
      }
    }
    const last = rows[rows.length - 1];
    return { deskId: req.deskId, messages, cursor, more: more || (last !== undefined && cursor < last.version), hubTime: now.toISOString() };
  });
}
