/**
 * Ingest: valid chains stored once, replays add nothing, tampered batches
 * refused naming desk and seq, keys and checkpoints — on both engines.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { AuditEvent } from '../../shared/audit';
import { expectedHash } from '../../shared/domain/audit-verify';
import { batchRanges } from '../../shared/hub-protocol';
import { generateDeskKey, signBatch } from '../../hub/client';
import { Hub } from '../../hub/hub';
import { sha256Hex } from '../../hub/keys';
import { SimDesk } from '../../hub/sim';
import { engineKinds, useHubTestEnv } from './env';
import { enrolledDesk, refused, streamFacts } from './fixtures';

const env = useHubTestEnv();

/** Pushes the desk's rows from `from` in batches of `size`, signed as the desk would (cut at rotations). */
async function pushAll(hub: Hub, desk: SimDesk, from = 1, size = 100): Promise<number> {
  let added = 0;
  const rows = desk.events.slice(from - 1);
  let key = [...desk.keys.values()][0]!;
  // The key current after the row before `from`: the enrolled one, then each rotation's new key.
  for (const e of desk.events.slice(0, from - 1)) if (e.action === 'deskKey.rotate') key = desk.keys.get((JSON.parse(e.after!) as { fingerprint: string }).fingerprint)!;
  for (const [a, b] of batchRanges(rows, size)) {
    const r = await hub.ingest(signBatch(key, rows.slice(a, b)));
    added += r.added;
    key = desk.keys.get(r.keyFingerprint)!;
  }
  return added;
}

/** A copy of row `i` with fields changed and (optionally) its own hash recomputed. */
function altered(e: AuditEvent, change: Partial<AuditEvent>, rehash = false): AuditEvent {
  const row = { ...e, ...change };
  return rehash ? { ...row, hash: expectedHash(row, sha256Hex) } : row;
}

/** Rewrites the chain from index `i` on (every later hash recomputed), as a forger or a restored backup would. */
function rewrittenFrom(events: readonly AuditEvent[], i: number, change: Partial<AuditEvent>): AuditEvent[] {
  const out = events.slice(0, i).map((e) => ({ ...e }));
  for (let k = i; k < events.length; k += 1) {
    const base = { ...events[k]!, ...(k === i ? change : {}), prevHash: out[k - 1]?.hash ?? events[i]!.prevHash };
    out.push({ ...base, hash: expectedHash(base, sha256Hex) });
  }
  return out;
}

describe.each(engineKinds)('ingest on the %s engine', (kind) => {
  let hub: Hub;
  beforeAll(async () => {
    if (kind === 'pg' && env.pgSkipped) return;
    hub = await Hub.open(await env.freshEngine(kind));
  });
  afterAll(async () => {
    await hub?.close();
  });
  beforeEach((ctx) => {
    if (kind === 'pg' && env.pgSkipped) ctx.skip();
  });

  it('stores a valid chain once, with its head and signed checkpoints, and the stored rows re-verify', async () => {
    const desk = await enrolledDesk(hub);
    desk.logEntries(120);
    desk.declareKey();
    desk.checkpoint();
    desk.logEntries(130);
    desk.checkpoint();
    expect(await pushAll(hub, desk)).toBe(253);
    const facts = await streamFacts(hub.engine, desk.deskId);
    expect(facts).toEqual({ rows: 253, distinct: 253, maxSeq: 253, verifies: true, headSeq: 253 });
    const cps = await hub.engine.query<{ seq: number; signature_valid: boolean | null }>('SELECT seq, signature_valid FROM checkpoints WHERE desk_id = $1 ORDER BY seq', [desk.deskId]);
    expect(cps.rows).toEqual([
      { seq: 121, signature_valid: true },
      { seq: 252, signature_valid: true },
    ]);
    const [summary] = (await hub.listDesks()).filter((d) => d.deskId === desk.deskId);
    expect(summary).toMatchObject({ headSeq: 253, headHash: desk.head.hash, checkpoints: 2, keyFingerprint: desk.key.fingerprint });
  });

  it('adds 0 rows when the same backlog is sent again, and only the new rows of an overlapping batch', async () => {
    const desk = await enrolledDesk(hub);
    desk.logEntries(300);
    expect(await pushAll(hub, desk)).toBe(300);
    expect(await pushAll(hub, desk)).toBe(0);
    expect(await pushAll(hub, desk, 151, 77)).toBe(0);
    desk.logEntries(50);
    // 250 … 350: 51 stored rows sent again plus 50 new ones.
    const r = await hub.ingest(signBatch(desk.key, desk.events.slice(249, 350)));
    expect(r).toMatchObject({ added: 50, head: { seq: 350, hash: desk.head.hash } });
    expect(await streamFacts(hub.engine, desk.deskId)).toEqual({ rows: 350, distinct: 350, maxSeq: 350, verifies: true, headSeq: 350 });
  });

  describe('tampered batches are refused, naming the desk and the seq, and store nothing', () => {
    let desk: SimDesk;
    beforeEach(async () => {
      desk = await enrolledDesk(hub, 'tamper');
      desk.logEntries(60);
      await pushAll(hub, desk);
      desk.logEntries(40); // seq 61 … 100 not yet sent
    });
    const fresh = (): AuditEvent[] => desk.events.slice(60).map((e) => ({ ...e }));
    const expectNothingStored = async (): Promise<void> => {
      expect(await streamFacts(hub.engine, desk.deskId)).toEqual({ rows: 60, distinct: 60, maxSeq: 60, verifies: true, headSeq: 60 });
    };

    it('an edited row', async () => {
      const rows = fresh();
      rows[12] = altered(rows[12]!, { after: rows[12]!.after!.replace('积水', '正常') });
      const e = await refused(hub.ingest(signBatch(desk.key, rows)), 'CHAIN_REFUSED');
      expect(e.toBody()).toMatchObject({ deskId: desk.deskId, seq: 73, kind: 'edited' });
      expect(e.message).toContain(`desk ${desk.deskId} seq 73`);
      await expectNothingStored();
    });

    it('an edited row whose own hash was recomputed', async () => {
      const rows = fresh();
      rows[12] = altered(rows[12]!, { actor: 'someone-else' }, true);
      const e = await refused(hub.ingest(signBatch(desk.key, rows)), 'CHAIN_REFUSED');
      expect(e.toBody()).toMatchObject({ deskId: desk.deskId, seq: 73, kind: 'edited' });
      await expectNothingStored();
    });

    it('a missing row', async () => {
      const rows = fresh();
      rows.splice(20, 1); // seq 81
      const e = await refused(hub.ingest(signBatch(desk.key, rows)), 'CHAIN_REFUSED');
      expect(e.toBody()).toMatchObject({ deskId: desk.deskId, seq: 81, kind: 'missing' });
      await expectNothingStored();
    });

    it('two rows swapped', async () => {
      const rows = fresh();
      [rows[5], rows[6]] = [rows[6]!, rows[5]!]; // seq 66 and 67
      const e = await refused(hub.ingest(signBatch(desk.key, rows)), 'CHAIN_REFUSED');
      expect(e.toBody()).toMatchObject({ deskId: desk.deskId, seq: 66, kind: 'reordered' });
      await expectNothingStored();
    });

    it('a forked row: the desk resends a stored seq with other content (chain recomputed from there)', async () => {
      const forged = rewrittenFrom(desk.events, 44, { reason: '改写' }); // seq 45 onwards rewritten
      const e = await refused(hub.ingest(signBatch(desk.key, forged.slice(30, 100))), 'CHAIN_REFUSED');
      expect(e.toBody()).toMatchObject({ deskId: desk.deskId, seq: 45, kind: 'forked' });
      // Starting right at the forked row: it links to the stored row 44, but differs from the stored row 45.
      const e2 = await refused(hub.ingest(signBatch(desk.key, forged.slice(44, 100))), 'CHAIN_REFUSED');
      expect(e2.toBody()).toMatchObject({ deskId: desk.deskId, seq: 45, kind: 'forked' });
      // New rows that do not link to the stored head.
      const e3 = await refused(hub.ingest(signBatch(desk.key, forged.slice(60, 100))), 'CHAIN_REFUSED');
      expect(e3.toBody()).toMatchObject({ deskId: desk.deskId, seq: 61, kind: 'forked' });
      await expectNothingStored();
    });

    it('a gap after the stored head', async () => {
      const e = await refused(hub.ingest(signBatch(desk.key, desk.events.slice(70, 100))), 'CHAIN_REFUSED');
      expect(e.toBody()).toMatchObject({ deskId: desk.deskId, seq: 61, kind: 'gap' });
      await expectNothingStored();
    });

    it('a row changed in transit after signing: the signature no longer matches', async () => {
      const req = signBatch(desk.key, fresh());
      const last = req.events[req.events.length - 1]!;
      req.events[req.events.length - 1] = altered(last, { reason: 'x' }, true);
      req.lastHash = req.events[req.events.length - 1]!.hash;
      await refused(hub.ingest(req), 'BAD_SIGNATURE');
      await expectNothingStored();
    });

    it('a checkpoint whose signature does not verify', async () => {
      desk.declareKey();
      const other = generateDeskKey();
      desk.checkpoint(other); // signed by a key the row names but that is not the declared one
      const rows = desk.events.slice(60).map((e) => ({ ...e }));
      const cpRow = rows[rows.length - 1]!;
      const after = JSON.parse(cpRow.after!) as Record<string, string>;
      after.keyFingerprint = desk.key.fingerprint; // claims the declared key
      const fixed = rewrittenFrom(rows, rows.length - 1, { after: JSON.stringify(after) });
      const e = await refused(hub.ingest(signBatch(desk.key, fixed)), 'CHAIN_REFUSED');
      expect(e.toBody()).toMatchObject({ deskId: desk.deskId, seq: cpRow.seq, kind: 'checkpoint' });
      await expectNothingStored();
    });
  });

  it('refuses unknown keys, reused nonces, far-off clocks and revoked desks', async () => {
    const desk = await enrolledDesk(hub);
    desk.logEntries(10);
    const stranger = generateDeskKey();
    const e1 = await refused(hub.ingest(signBatch(stranger, desk.events)), 'KEY_UNKNOWN');
    expect(e1.message).toContain(desk.deskId);
    const req = signBatch(desk.key, desk.events);
    await hub.ingest(req);
    await refused(hub.ingest(req), 'NONCE_REUSED');
    const late = signBatch(desk.key, desk.events, new Date(Date.now() - 3600_000).toISOString());
    const e3 = await refused(hub.ingest(late), 'CLOCK_SKEW');
    expect(e3.toBody().hubTime).toBeTruthy();
    const unenrolled = new SimDesk(`${desk.deskId}-x`);
    unenrolled.logEntries(3);
    const e5 = await refused(hub.ingest(signBatch(unenrolled.key, unenrolled.events)), 'DESK_UNKNOWN');
    expect(e5.message).toContain(unenrolled.deskId);
    await hub.revokeDesk(desk.deskId, '设备遗失');
    const e4 = await refused(hub.ingest(signBatch(desk.key, desk.events)), 'DESK_REVOKED');
    expect(e4.message).toContain('设备遗失');
  });

  it('follows a key rotation: the rotation travels under the old key, later batches only under the new one', async () => {
    const desk = await enrolledDesk(hub);
    const oldKey = desk.key;
    desk.logEntries(20);
    desk.declareKey();
    desk.checkpoint();
    desk.logEntries(5);
    desk.rotate('疑似泄露'); // seq 28 rotate, 29 checkpoint signed by the new key
    desk.logEntries(10);
    const newKey = desk.key;
    const upToRotation = desk.events.slice(0, 28);
    // The new key cannot announce itself: the rotation batch must be signed by the enrolled key.
    await refused(hub.ingest(signBatch(newKey, upToRotation)), 'KEY_UNKNOWN');
    const r = await hub.ingest(signBatch(oldKey, upToRotation));
    expect(r).toMatchObject({ added: 28, keyFingerprint: newKey.fingerprint });
    // After the rotation row the old key no longer signs…
    const e = await refused(hub.ingest(signBatch(oldKey, desk.events.slice(28))), 'KEY_MISMATCH');
    expect(e.toBody()).toMatchObject({ deskId: desk.deskId, seq: 29 });
    // …the new one does, and a replay of the rotation batch under the old key is still idempotent.
    expect((await hub.ingest(signBatch(newKey, desk.events.slice(28)))).added).toBe(11);
    expect((await hub.ingest(signBatch(oldKey, upToRotation))).added).toBe(0);
    const cps = await hub.engine.query<{ key_fingerprint: string; signature_valid: boolean }>('SELECT key_fingerprint, signature_valid FROM checkpoints WHERE desk_id = $1 ORDER BY seq', [desk.deskId]);
    expect(cps.rows).toEqual([
      { key_fingerprint: oldKey.fingerprint, signature_valid: true },
      { key_fingerprint: newKey.fingerprint, signature_valid: true },
    ]);
    expect(await streamFacts(hub.engine, desk.deskId)).toMatchObject({ rows: 39, verifies: true });
  });

  it('refuses a rotation row whose public key does not match its fingerprint', async () => {
    const desk = await enrolledDesk(hub);
    desk.logEntries(3);
    const impostor = generateDeskKey();
    desk.append({
      action: 'deskKey.rotate',
      entity: 'deskKey',
      before: { fingerprint: desk.key.fingerprint },
      after: { fingerprint: generateDeskKey().fingerprint, publicKey: impostor.publicKeyDer },
    });
    const e = await refused(hub.ingest(signBatch(desk.key, desk.events)), 'CHAIN_REFUSED');
    expect(e.toBody()).toMatchObject({ deskId: desk.deskId, seq: 4, kind: 'rotation' });
    expect(await streamFacts(hub.engine, desk.deskId)).toMatchObject({ rows: 0, headSeq: 0 });
  });
});
