/**
 * No input can break the audit chain (issue 12 §1).
 *
 * A lone surrogate used to be hashed as its JSON escape while SQLite stored
 * U+FFFD, so one `log.update` with `reason: "更正\ud83d"` left the chain
 * "edited" for good. Now ill-formed text is refused at the edge, naming the
 * field, in every string field of every method; the chain hashes exactly
 * what it stores; and random Unicode through every text field of every
 * mutation leaves a chain that verifies and records that reconcile.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { contract, methodNames, type MethodName } from '../../shared/contract';
import { makeDesk, type TestDesk } from '../helpers/core';
import { verifyAuditDb } from '../../electron/core/audit/verify';
import { appendAudit } from '../../electron/core/audit/chain';
import { reconcileRecords } from '../../electron/core/trust/reconcile';
import { setPath, stringLeaves, validArbitrary } from '../helpers/zod-valid';
import { FuzzHarness, type FuzzStats } from './fault-harness';
import { toFieldIssues } from '../../electron/core/api/validation';
import { awaitingFixtures } from '../helpers/fuzz-awaiting';

describe('a lone surrogate', () => {
  let d: TestDesk;
  beforeAll(async () => {
    d = await makeDesk();
  });
  afterAll(() => d.close());

  it('in a reason is refused, naming the field, and the chain still verifies', async () => {
    const officer = await d.login(['officer']);
    const e = await d.call(officer, 'log.create', { kind: 'incoming_call', summary: '来电：道路积水' });
    const head = verifyAuditDb(d.core.db).head.seq;
    const err = await d.fail(officer, 'log.update', { id: e.id, expectedVersion: 1, reason: '更正\ud83d', summary: 'y' });
    expect(err.code).toBe('VALIDATION');
    expect(err.message).toContain('reason');
    expect(err.message).toContain('不完整的字符');
    expect(err.details?.issues).toEqual([{ path: 'reason', messageKey: 'validation.illFormed', params: {} }]);
    const v = verifyAuditDb(d.core.db);
    expect(v.ok).toBe(true);
    expect(v.head.seq).toBe(head);
  });

  it('in a record field is refused before anything is stored', async () => {
    const err = await d.fail(d.admin, 'log.create', { kind: 'incoming_call', summary: '来电\ud800测试' });
    expect(err.details?.issues?.[0]).toMatchObject({ path: 'summary', messageKey: 'validation.illFormed' });
    expect(d.core.db.prepare("SELECT count(*) AS n FROM log_entries WHERE summary LIKE '来电%测试'").get()).toEqual({ n: 0 });
  });

  it('in a nested field or an unknown key is named by its path', async () => {
    const err = await d.fail(d.admin, 'escalation.setSettings', { policy: { steps: [{ target: 'leaderOnDuty\udc00', waitMinutes: 5 }], repeats: 1 }, principalPersonId: null, superiorContactId: null });
    expect(err.details?.issues?.[0]?.path).toBe('policy.steps.0.target');
    const key = await d.fail(d.admin, 'desk.get', { ['x\ud800']: 1 });
    expect(key.code).toBe('VALIDATION');
  });

  it('that reaches the chain some other way is stored and hashed as the same U+FFFD: the chain verifies', () => {
    d.core.db.transaction(() => {
      appendAudit(d.core.db, d.core.deskId()!, { id: null, login: 'system\ud83d' }, new Date(d.clock.now()).toISOString(), {
        action: 'test.raw',
        entity: 'test',
        entityId: 'a\udc00',
        after: { s: '来电\ud800测试' },
        reason: '更正\ud83d',
      });
    })();
    const row = d.core.db.prepare("SELECT actor, reason, entity_id FROM audit_log WHERE action = 'test.raw'").get() as { actor: string; reason: string; entity_id: string };
    expect(row).toEqual({ actor: 'system\uFFFD', reason: '更正\uFFFD', entity_id: 'a\uFFFD' });
    expect(verifyAuditDb(d.core.db).ok).toBe(true);
  });
});

describe('every string field of every method refuses ill-formed text, naming the field', () => {
  let h: FuzzHarness;
  beforeAll(async () => {
    h = await FuzzHarness.create();
  });
  afterAll(() => h.close());

  const cases = methodNames.flatMap((m) => stringLeaves(contract[m].input as z.ZodType).map((l) => [m, l.path.join('.')] as const));
  it('covers the contract', () => expect(cases.length).toBeGreaterThan(150));

  it.each(cases)('%s · %s', async (m, field) => {
    const schema = contract[m].input as z.ZodType;
    // A valid input that has this field (a union's branch, an optional key): the surrogate then replaces a real value.
    const samples = fc.sample(validArbitrary(schema, () => undefined), { numRuns: 60, seed: 7 });
    const has = (v: unknown, p: string[]): boolean => p.length === 0 || (v !== null && typeof v === 'object' && p[0]! in (v as object) && has((v as Record<string, unknown>)[p[0]!], p.slice(1)));
    const base = samples.find((v) => has(v, field.split('.'))) ?? samples[0];
    const input = setPath(base, field.split('.'), `值班\ud83d`);
    // The schema alone refuses it (forms validate with the same schemas), naming the field — or, inside
    // a union, the union around it (zod reports which branch could not match there) …
    const parsed = schema.safeParse(input);
    expect(parsed.success).toBe(false);
    if (!parsed.success) {
      const issues = toFieldIssues(parsed.error);
      const named = issues.some((i) => i.path === field && i.messageKey === 'validation.illFormed');
      const inUnion = issues.some((i) => i.messageKey === 'validation.invalid_union' && (field === i.path || field.startsWith(i.path === '' ? '' : `${i.path}.`)));
      expect(named || inUnion, JSON.stringify(issues)).toBe(true);
    }
    // … and so does the API, before the schema, whatever the method's access.
    const conn = h.desk.core.sessions.create({ userId: 1, login: 'admin', displayName: '管理员', roles: ['officer', 'leader', 'admin'], personId: 1 });
    const before = verifyAuditDb(h.desk.core.db).head.seq;
    const r = await h.desk.api.call(m, input, { sessionId: conn.id });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.details?.issues).toEqual([{ path: field, messageKey: 'validation.illFormed', params: {} }]);
    expect(verifyAuditDb(h.desk.core.db).head.seq).toBe(before);
  });
});

describe('random Unicode through every text field of every mutation', () => {
  const runs = Number(process.env.DUTYDESK_UNICODE_RUNS ?? 25);
  const mutations = methodNames.filter((m) => contract[m].kind === 'mutation' && stringLeaves(contract[m].input as z.ZodType).length > 0);
  const accepted = new Map<MethodName, number>();
  afterAll(() => {
    // Most mutations must actually have stored something, or the property says little.
    const expected = mutations.filter((m) => !awaitingFixtures.has(m));
    const some = expected.filter((m) => (accepted.get(m) ?? 0) > 0);
    expect(some.length).toBeGreaterThanOrEqual(Math.floor(expected.length * 0.7));
  });

  it.each(mutations)('%s: the chain verifies and the records reconcile after every accepted call', async (m) => {
    const h = await FuzzHarness.create({ method: m });
    try {
      const stats: FuzzStats = { runs: 0, accepted: 0, valid: 0, rejected: 0, failures: [] };
      await fc.assert(
        fc.asyncProperty(h.validArbitrary(m), async (input) => {
          const problem = await h.check(m, input, stats);
          expect(problem, JSON.stringify(input)).toBeNull();
        }),
        { numRuns: runs, seed: 1125 },
      );
      accepted.set(m, stats.accepted);
      expect(verifyAuditDb(h.desk.core.db).ok).toBe(true);
      expect(reconcileRecords(h.desk.core.db).mismatches).toEqual([]);
    } finally {
      h.close();
    }
  });
});
