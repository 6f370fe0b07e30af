/**
 * Swap and cover requests (换班/替班) and their decisions.
 */
import type { SwapRequest } from '../../../shared/contract/roster';
import type { Db } from '../store/connection';

// ── swaps ─────────────────────────────────────────────────────────────────────

interface SwapRow {
  id: number;
  plan_id: number;
  kind: SwapRequest['kind'];
  person_a: number;
  date_a: string;
  person_b: number;
  date_b: string | null;
  reason: string;
  state: SwapRequest['state'];
  requested_by: string;
  requested_at: string;
  decided_by: string | null;
  decided_at: string | null;
  decision_note: string | null;
  version: number | null;
}

export const rowToSwap = (r: SwapRow): Omit<SwapRequest, 'warnings'> => ({
  id: r.id,
  planId: r.plan_id,
  kind: r.kind,
  personA: r.person_a,
  dateA: r.date_a,
  personB: r.person_b,
  dateB: r.date_b,
  reason: r.reason,
  state: r.state,
  requestedBy: r.requested_by,
  requestedAt: r.requested_at,
  decidedBy: r.decided_by,
  decidedAt: r.decided_at,
  decisionNote: r.decision_note,
  version: r.version,
});

export function getSwap(db: Db, id: number): Omit<SwapRequest, 'warnings'> | null {
  const r = db.prepare('SELECT * FROM roster_swaps WHERE id = ?').get(id) as SwapRow | undefined;
  return r ? rowToSwap(r) : null;
}

export function listSwaps(db: Db, opts: { planId?: number; state?: string }): Omit<SwapRequest, 'warnings'>[] {
  const rows = db
    .prepare('SELECT * FROM roster_swaps WHERE (? IS NULL OR plan_id = ?) AND (? IS NULL OR state = ?) ORDER BY id DESC LIMIT 500')
    .all(opts.planId ?? null, opts.planId ?? null, opts.state ?? null, opts.state ?? null) as SwapRow[];
  return rows.map(rowToSwap);
}

export function insertSwap(
  db: Db,
  s: {
    planId: number;
    kind: string;
    personA: number;
    dateA: string;
    personB: number;
    dateB: string | null;
    reason: string;
    requestedBy: string;
  },
  at: string,
): Omit<SwapRequest, 'warnings'> {
  const info = db
    .prepare(
      `INSERT INTO roster_swaps (plan_id, kind, person_a, date_a, person_b, date_b, reason, state, requested_by, requested_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, 'requested', ?, ?)`,
    )
    .run(s.planId, s.kind, s.personA, s.dateA, s.personB, s.dateB, s.reason, s.requestedBy, at);
  return getSwap(db, Number(info.lastInsertRowid))!;
}

export function decideSwap(
  db: Db,
  id: number,
  d: { state: string; by: string; at: string; note: string | null; version: number | null },
): void {
  db.prepare('UPDATE roster_swaps SET state = ?, decided_by = ?, decided_at = ?, decision_note = ?, version = ? WHERE id = ?').run(
    d.state,
    d.by,
    d.at,
    d.note,
    d.version,
    id,
  );
}
