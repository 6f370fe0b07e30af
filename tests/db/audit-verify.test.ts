import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeDesk, type TestDesk } from '../helpers/core';
import { auditHead, sha256Hex } from '../../electron/core/audit/chain';
import { verifyAuditDb } from '../../electron/core/audit/verify';
import { deskKeyFileName } from '../../electron/core/trust/checkpoint';
import { canonicalAuditPayload, type AuditEvent } from '../../shared/audit';
import { iterateAudit } from '../../electron/core/audit/chain';

let desk: TestDesk;

async function addPeople(n: number): Promise<void> {
  for (let i = 0; i < n; i += 1) {
    await desk.call(desk.admin, 'people.create', { name: `值班员${i}`, department: '办公室', title: null, officePhone: null, mobile: null, roles: ['officer'], sortOrder: i });
  }
}

/** Removes the append-only triggers, as an attacker with the file would. */
function unlock(): void {
  desk.core.db.exec('DROP TRIGGER IF EXISTS audit_log_no_update; DROP TRIGGER IF EXISTS audit_log_no_delete;');
}

beforeEach(async () => {
  desk = await makeDesk();
  await addPeople(12);
});
afterEach(() => desk.close());

describe('audit chain verifier on a real store', () => {
  it('verifies an untouched chain and reports its head', () => {
    const r = verifyAuditDb(desk.core.db);
    expect(r.ok).toBe(true);
    expect(r.problem).toBeNull();
    expect(r.head).toEqual(auditHead(desk.core.db));
    expect(r.rows).toBe(r.head.seq);
    expect(r.rows).toBeGreaterThanOrEqual(16);
  });

  it('detects a one-byte edit and names the row', () => {
    unlock();
    const row = desk.core.db.prepare('SELECT after FROM audit_log WHERE seq = 7').get() as { after: string };
    const edited = row.after.replace('值班员', '值斑员');
    expect(Buffer.byteLength(edited)).toBe(Buffer.byteLength(row.after));
    desk.core.db.prepare('UPDATE audit_log SET after = ? WHERE seq = 7').run(edited);
    const r = verifyAuditDb(desk.core.db);
    expect(r.ok).toBe(false);
    expect(r.problem).toMatchObject({ seq: 7, kind: 'edited' });
    expect(r.head.seq).toBe(6);
  });

  it('detects a single flipped character in a hash', () => {
    unlock();
    const { hash } = desk.core.db.prepare('SELECT hash FROM audit_log WHERE seq = 4').get() as { hash: string };
    const flipped = (hash[0] === 'a' ? 'b' : 'a') + hash.slice(1);
    desk.core.db.prepare('UPDATE audit_log SET hash = ? WHERE seq = 4').run(flipped);
    expect(verifyAuditDb(desk.core.db).problem).toMatchObject({ seq: 4, kind: 'edited' });
  });

  it('detects an edit whose row hash was recomputed (the next link breaks)', () => {
    unlock();
    const e = [...iterateAudit(desk.core.db, 9)][0]!;
    const forged: AuditEvent = { ...e, reason: '篡改' };
    forged.hash = sha256Hex(canonicalAuditPayload(forged));
    desk.core.db.prepare('UPDATE audit_log SET reason = ?, hash = ? WHERE seq = 9').run(forged.reason, forged.hash);
    expect(verifyAuditDb(desk.core.db).problem).toMatchObject({ seq: 9, kind: 'edited' });
  });

  it('detects a deleted row', () => {
    unlock();
    desk.core.db.prepare('DELETE FROM audit_log WHERE seq = 5').run();
    const r = verifyAuditDb(desk.core.db);
    expect(r.problem).toMatchObject({ seq: 5, kind: 'missing' });
  });

  it('detects a deleted row even when later rows were renumbered to close the gap', () => {
    unlock();
    const last = auditHead(desk.core.db).seq;
    desk.core.db.prepare('DELETE FROM audit_log WHERE seq = 5').run();
    for (let s = 6; s <= last; s += 1) desk.core.db.prepare('UPDATE audit_log SET seq = ? WHERE seq = ?').run(s - 1, s);
    expect(verifyAuditDb(desk.core.db).problem).toMatchObject({ seq: 5, kind: 'missing' });
  });

  it('detects two swapped rows', () => {
    unlock();
    const db = desk.core.db;
    db.prepare('UPDATE audit_log SET seq = -1 WHERE seq = 6').run();
    db.prepare('UPDATE audit_log SET seq = 6 WHERE seq = 5').run();
    db.prepare('UPDATE audit_log SET seq = 5 WHERE seq = -1').run();
    const r = verifyAuditDb(db);
    expect(r.problem).toMatchObject({ seq: 5, kind: 'reordered', details: { belongsAt: 6 } });
  });

  it('detects a truncated tail only against a signed checkpoint', async () => {
    const cp = await desk.call(desk.admin, 'audit.checkpoint', {});
    await addPeople(2);
    unlock();
    desk.core.db.prepare('DELETE FROM audit_log WHERE seq >= ?').run(cp.seq - 2);
    // Without the checkpoint the shorter chain is self-consistent …
    expect(verifyAuditDb(desk.core.db).ok).toBe(true);
    // … with it, the cut is found.
    const r = await desk.call(desk.admin, 'audit.verify', { checkpoint: JSON.stringify(cp) });
    expect(r.ok).toBe(false);
    expect(r.problem).toMatchObject({ seq: cp.seq - 2, kind: 'truncated' });
    expect(r.checkpoint).toMatchObject({ signatureValid: true, keyKnown: true, sameDesk: true });
  });

  it('detects a rewritten chain (all later hashes recomputed) against a checkpoint', async () => {
    const cp = await desk.call(desk.admin, 'audit.checkpoint', {});
    unlock();
    const db = desk.core.db;
    const rows = [...iterateAudit(db)];
    let prev = rows[2]!.prevHash;
    for (const e of rows.slice(2)) {
      const forged: AuditEvent = { ...e, reason: e.seq === 3 ? '改写' : e.reason, prevHash: prev };
      forged.hash = sha256Hex(canonicalAuditPayload(forged));
      db.prepare('UPDATE audit_log SET reason = ?, prev_hash = ?, hash = ? WHERE seq = ?').run(forged.reason, forged.prevHash, forged.hash, e.seq);
      prev = forged.hash;
    }
    expect(verifyAuditDb(db).ok).toBe(true);
    const r = await desk.call(desk.admin, 'audit.verify', { checkpoint: JSON.stringify(cp) });
    expect(r.ok).toBe(false);
    expect(r.problem).toMatchObject({ seq: cp.seq, kind: 'rewritten' });
  });
});

describe('signed checkpoints', () => {
  it('signs the head with a desk key kept in a 0600 file and records the checkpoint in the chain', async () => {
    const head = auditHead(desk.core.db);
    const cp = await desk.call(desk.admin, 'audit.checkpoint', {});
    expect(cp).toMatchObject({ seq: head.seq, hash: head.hash, format: 'dutydesk-audit-checkpoint' });
    const keyFile = path.join(desk.dir, deskKeyFileName);
    expect(fs.statSync(keyFile).mode & 0o777).toBe(0o600);
    expect(fs.readFileSync(keyFile, 'utf8')).toContain('PRIVATE KEY');
    const actions = [...iterateAudit(desk.core.db, head.seq + 1)].map((e) => e.action);
    expect(actions).toEqual(['deskKey.create', 'audit.checkpoint']);
    // The same key signs the next checkpoint; no second key row.
    const cp2 = await desk.call(desk.admin, 'audit.checkpoint', {});
    expect(cp2.keyFingerprint).toBe(cp.keyFingerprint);
    expect(cp2.seq).toBe(head.seq + 2);
    const list = await desk.call(desk.admin, 'audit.checkpoints', {});
    expect(list.map((c) => c.seq)).toEqual([cp2.seq, cp.seq]);
    const r = await desk.call(desk.admin, 'audit.verify', { checkpoint: JSON.stringify(cp2) });
    expect(r.ok).toBe(true);
    expect(r.checkpoint?.signatureValid).toBe(true);
  });

  it('rotates the desk key with a reason: old checkpoints still verify, the new key signs from now on', async () => {
    const before = await desk.call(desk.admin, 'audit.checkpoint', {});
    const leader = await desk.login(['leader']);
    expect((await desk.fail(leader, 'audit.rotateKey', { reason: '更换' })).code).toBe('FORBIDDEN');
    expect((await desk.fail(desk.admin, 'audit.rotateKey', {})).code).toBe('VALIDATION');

    const head = auditHead(desk.core.db);
    const cp = await desk.call(desk.admin, 'audit.rotateKey', { reason: '值班电脑送修，按规定更换签名密钥' });
    expect(cp.keyFingerprint).not.toBe(before.keyFingerprint);
    const rotated = [...iterateAudit(desk.core.db, head.seq + 1)];
    expect(rotated.map((e) => e.action)).toEqual(['deskKey.rotate', 'audit.checkpoint']);
    expect(rotated[0]).toMatchObject({ reason: '值班电脑送修，按规定更换签名密钥' });
    expect(JSON.parse(rotated[0]!.before!)).toEqual({ fingerprint: before.keyFingerprint });

    // The key file is the new key; the old one is kept aside (0600), never in the same place.
    const keyFile = path.join(desk.dir, deskKeyFileName);
    expect(fs.statSync(keyFile).mode & 0o777).toBe(0o600);
    const retired = path.join(desk.dir, `desk-signing-key.${before.keyFingerprint.slice(0, 16)}.retired.pem`);
    expect(fs.statSync(retired).mode & 0o777).toBe(0o600);
    expect(fs.existsSync(`${keyFile}.new`)).toBe(false);
    expect((await desk.call(desk.admin, 'audit.head', {})).keyFingerprint).toBe(cp.keyFingerprint);
    expect((await desk.call(desk.admin, 'audit.checkpoint', {})).keyFingerprint).toBe(cp.keyFingerprint);

    // Both the old and the new checkpoint verify, signed by keys the desk knows.
    for (const c of [before, cp]) {
      const r = await desk.call(desk.admin, 'audit.verify', { checkpoint: JSON.stringify(c) });
      expect(r.ok).toBe(true);
      expect(r.checkpoint).toMatchObject({ signatureValid: true, keyKnown: true });
    }
  });

  it('rejects a checkpoint whose claim was altered after signing', async () => {
    const cp = await desk.call(desk.admin, 'audit.checkpoint', {});
    const forged = { ...cp, seq: cp.seq - 1 };
    const r = await desk.call(desk.admin, 'audit.verify', { checkpoint: JSON.stringify(forged) });
    expect(r.ok).toBe(false);
    expect(r.checkpoint?.signatureValid).toBe(false);
  });

  it('refuses an unreadable checkpoint with a translated validation error', async () => {
    const e = await desk.fail(desk.admin, 'audit.verify', { checkpoint: '{"format":"nope"}' });
    expect(e.code).toBe('VALIDATION');
    expect(e.message).toContain('校验点');
  });

  it('lets admins and leaders verify, not officers', async () => {
    const officer = await desk.login(['officer']);
    const leader = await desk.login(['leader']);
    expect((await desk.fail(officer, 'audit.verify', {})).code).toBe('FORBIDDEN');
    expect((await desk.call(leader, 'audit.verify', {})).ok).toBe(true);
    expect((await desk.fail(leader, 'audit.checkpoint', {})).code).toBe('FORBIDDEN');
    const head = await desk.call(officer, 'audit.head', {});
    expect(head.seq).toBe(auditHead(desk.core.db).seq);
    expect(head.clockBehind).toBe(false);
  });

  it('warns when the clock was set back, while seq keeps the order', async () => {
    expect((await desk.call(desk.admin, 'audit.head', {})).clockBehind).toBe(false);
    desk.clock.advance(-3600_000);
    expect((await desk.call(desk.admin, 'audit.head', {})).clockBehind).toBe(true);
    await addPeople(1);
    const rows = [...iterateAudit(desk.core.db)];
    expect(rows.at(-1)!.at < rows.at(-2)!.at).toBe(true);
    expect(rows.at(-1)!.seq).toBe(rows.at(-2)!.seq + 1);
    expect(verifyAuditDb(desk.core.db).ok).toBe(true);
    const head = await desk.call(desk.admin, 'audit.head', {});
    expect(head.seq).toBe(rows.at(-1)!.seq);
    expect(head.clockBehind).toBe(true);
    desk.clock.advance(3600_000);
    expect((await desk.call(desk.admin, 'audit.head', {})).clockBehind).toBe(false);
  });
});

describe('audit list and export', () => {
  it('lists by local date range and exports formula-safe CSV', async () => {
    await desk.call(desk.admin, 'people.setActive', { id: 2, active: false, reason: '=HYPERLINK("http://x","y")' });
    const list = await desk.call(desk.admin, 'audit.list', { from: '2026-11-25', to: '2026-11-25', limit: 5 });
    expect(list.total).toBe(auditHead(desk.core.db).seq);
    expect(list.rows).toHaveLength(5);
    expect(list.rows[0]!.seq).toBe(list.total);
    const next = await desk.call(desk.admin, 'audit.list', { from: '2026-11-25', to: '2026-11-25', limit: 5, beforeSeq: list.rows[4]!.seq });
    expect(next.rows[0]!.seq).toBe(list.rows[4]!.seq - 1);
    const none = await desk.call(desk.admin, 'audit.list', { from: '2026-11-24', to: '2026-11-24' });
    expect(none.total).toBe(0);
    const csv = await desk.call(desk.admin, 'audit.exportCsv', { from: '2026-11-25', to: '2026-11-25' });
    expect(csv.content.startsWith('\uFEFF')).toBe(true);
    expect(csv.rows).toBe(list.total);
    expect(csv.content).toContain('2026-11-25 21:40:00');
    expect(csv.content).not.toMatch(/(^|,)"=/mu);
    expect(csv.content).toContain('"\'=HYPERLINK');
  });
});
