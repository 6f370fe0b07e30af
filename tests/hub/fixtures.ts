/**
 * Helpers for hub tests: enrol simulated desks straight through a Hub, read the stream back.
 */
import { expect } from 'vitest';
import type { AuditEvent } from '../../shared/audit';
import { verifyChain } from '../../shared/domain/audit-verify';
import type { HubErrorCode } from '../../shared/hub-protocol';
import { buildEnrolRequest } from '../../hub/client';
import type { Queryable } from '../../hub/db/engine';
import { HubError } from '../../hub/errors';
import type { Hub } from '../../hub/hub';
import { sha256Hex } from '../../hub/keys';
import { SimDesk } from '../../hub/sim';

let n = 0;
/** A desk id unique within the test run. */
export const uniqueDeskId = (prefix = 'desk'): string => `${prefix}-${process.pid}-${(n += 1)}`;

export async function enrolledDesk(hub: Hub, prefix?: string): Promise<SimDesk> {
  const desk = new SimDesk(uniqueDeskId(prefix));
  const { code } = await hub.createEnrolCode({ unitHint: desk.unitName });
  await hub.enrol(buildEnrolRequest({ code, deskId: desk.deskId, unitName: desk.unitName, key: desk.key }));
  return desk;
}

interface Row {
  seq: number;
  v: number;
  at: string;
  actor_id: number | null;
  actor: string;
  action: string;
  entity: string;
  entity_id: string | null;
  before: string | null;
  after: string | null;
  reason: string | null;
  prev_hash: string;
  hash: string;
}

export async function storedRows(db: Queryable, deskId: string): Promise<AuditEvent[]> {
  const r = await db.query<Row>('SELECT * FROM audit_events WHERE desk_id = $1 ORDER BY seq', [deskId]);
  return r.rows.map((x) => ({
    seq: x.seq,
    v: x.v,
    at: x.at,
    deskId,
    actorId: x.actor_id,
    actor: x.actor,
    action: x.action,
    entity: x.entity,
    entityId: x.entity_id,
    before: x.before,
    after: x.after,
    reason: x.reason,
    prevHash: x.prev_hash,
    hash: x.hash,
  }));
}

/** The stored stream of a desk: its count, distinct seqs, and whether it re-verifies from genesis. */
export async function streamFacts(db: Queryable, deskId: string): Promise<{ rows: number; distinct: number; maxSeq: number; verifies: boolean; headSeq: number }> {
  const rows = await storedRows(db, deskId);
  const head = await db.query<{ seq: number }>('SELECT seq FROM desk_heads WHERE desk_id = $1', [deskId]);
  return {
    rows: rows.length,
    distinct: new Set(rows.map((r) => r.seq)).size,
    maxSeq: rows.reduce((m, r) => Math.max(m, r.seq), 0),
    verifies: verifyChain(rows, sha256Hex).ok,
    headSeq: head.rows[0]?.seq ?? -1,
  };
}

/** Awaits a HubError with this code and returns it. */
export async function refused(p: Promise<unknown>, code: HubErrorCode): Promise<HubError> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e, `expected ${code}`).toBeInstanceOf(HubError);
  const he = e as HubError;
  expect(he.code, he.message).toBe(code);
  return he;
}
