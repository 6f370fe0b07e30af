/**
 * Work-safety accidents of every grade have their deadlines (issue 11 item 4).
 *
 * A gas explosion with 3 deaths (Ⅲ 较大) used to get no deadline at all, and
 * its 首报 was stamped 按时 with nothing to meet.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { makeDesk, type TestDesk } from '../helpers/core';
import type { Connection } from '../../electron/core/context';
import { nationalReportRules } from '../../shared/domain/deadline';
import { accidentAt } from '../helpers/incidents';
import { writeSetting, defineSetting } from '../../electron/core/store/settings';
import { z } from 'zod';

let desk: TestDesk;
afterEach(() => desk?.close());
const min = 60_000;

async function setup(start?: number): Promise<{ officer: Connection; leader: Connection }> {
  desk = await makeDesk(start ? { start } : {});
  return { officer: await desk.login(['officer']), leader: await desk.login(['leader']) };
}
const explosion = () => accidentAt(desk.clock.now(), { title: '燃气爆炸事故', deaths: 3 });
const file = (conn: Connection, incidentId: number) =>
  desk.call(conn, 'report.file', { incidentId, kind: 'first', content: '首报', recipient: '市政府总值班室', method: 'phone' });

describe('Order 493 deadlines for work-safety accidents', () => {
  it('a 3-death gas explosion (Ⅲ) must be passed up within 2 hours (Art. 11); the 首报 meets it and moves the incident to 处置中', async () => {
    const { officer } = await setup();
    const inc = await desk.call(officer, 'incident.create', explosion());
    const d = await desk.call(officer, 'incident.get', { id: inc.id });
    expect(d.deadlines.map((x) => [x.kind, x.dueAt, x.basis, x.state])).toEqual([['phone', new Date(desk.clock.now() + 120 * min).toISOString(), 'order493Art11', 'pending']]);
    desk.clock.advance(40 * min);
    const r = await file(officer, inc.id);
    expect(r.met).toEqual([{ kind: 'phone', dueAt: d.deadlines[0]!.dueAt, late: false }]);
    const after = await desk.call(officer, 'incident.get', { id: inc.id });
    expect(after.incident.status).toBe('handling');
    expect(after.deadlines[0]!.state).toBe('met');
  });

  it('past 2 hours the 首报 is late, forever', async () => {
    const { officer } = await setup();
    const inc = await desk.call(officer, 'incident.create', explosion());
    desk.clock.advance(121 * min);
    const r = await file(officer, inc.id);
    expect(r.late).toBe(true);
  });

  it('a report where no deadline applies meets nothing (the page says 无时限, not 按时)', async () => {
    const { officer } = await setup();
    const inc = await desk.call(officer, 'incident.create', accidentAt(desk.clock.now(), { title: '小型山体滑坡', category: 'natural', subType: 'geological', level: 4, deaths: 0 }));
    const r = await file(officer, inc.id);
    expect(r.met).toEqual([]);
    expect(r.late).toBe(false);
  });

  it("rules stored before the accident rule existed keep the desk's own levels and read the accident defaults", async () => {
    await setup();
    const legacy = defineSetting('incidents.reportRules', z.unknown(), null);
    const { accident: _omit, ...old } = { ...nationalReportRules, levels: nationalReportRules.levels.map((l) => (l.level === 3 ? { ...l, phoneMinutes: 20, writtenMinutes: 40 } : l)) };
    desk.core.db.transaction(() => writeSetting(desk.core.db, legacy, old))();
    const rules = await desk.call(desk.admin, 'report.rules', {});
    expect(rules.levels.find((l) => l.level === 3)).toMatchObject({ phoneMinutes: 20 });
    expect(rules.accident).toEqual(nationalReportRules.accident);
  });

  it('changing the rules leaves open incidents as they were, says so on them, and a leader re-applies with a reason (audited)', async () => {
    const { officer, leader } = await setup();
    const inc = await desk.call(officer, 'incident.create', explosion());
    const before = (await desk.call(officer, 'incident.get', { id: inc.id })).deadlines[0]!.dueAt;
    await desk.call(desk.admin, 'report.setRules', { ...nationalReportRules, accident: { ...nationalReportRules.accident, levelMinutes: 60 } });

    const d = await desk.call(officer, 'incident.get', { id: inc.id });
    expect(d.deadlines[0]!.dueAt).toBe(before);
    expect(d.deadlineDrift).toEqual({
      current: [{ kind: 'phone', dueAt: before, basis: 'order493Art11' }],
      proposed: [{ kind: 'phone', dueAt: new Date(Date.parse(inc.learnedAt) + 60 * min).toISOString(), basis: 'order493Art11' }],
    });
    expect(await desk.call(officer, 'report.rulesDrift', {})).toEqual([{ id: inc.id, no: inc.no, title: '燃气爆炸事故' }]);

    expect((await desk.fail(officer, 'incident.reapplyDeadlines', { id: inc.id, reason: '按新规定' })).code).toBe('FORBIDDEN');
    expect((await desk.fail(leader, 'incident.reapplyDeadlines', { id: inc.id, reason: '' })).code).toBe('VALIDATION');
    const re = await desk.call(leader, 'incident.reapplyDeadlines', { id: inc.id, reason: '按市里新规定的1小时' });
    expect(re.deadlines.map((x) => x.dueAt)).toEqual([new Date(Date.parse(inc.learnedAt) + 60 * min).toISOString()]);
    expect(re.deadlineDrift).toBeNull();
    const audit = desk.core.db.prepare("SELECT reason FROM audit_log WHERE action = 'incident.reapplyDeadlines'").all();
    expect(audit).toEqual([{ reason: '按市里新规定的1小时' }]);
    expect((await desk.fail(leader, 'incident.reapplyDeadlines', { id: inc.id, reason: '再来一次' })).messageKey).toBe('incidents.errors.noDeadlineDrift');
  });

  it('an overdue deadline is never moved by re-applying (lateness stays visible)', async () => {
    const { officer } = await setup();
    const inc = await desk.call(officer, 'incident.create', explosion());
    desk.clock.advance(130 * min);
    await desk.call(desk.admin, 'report.setRules', { ...nationalReportRules, accident: { ...nationalReportRules.accident, levelMinutes: 240 } });
    expect((await desk.call(officer, 'incident.get', { id: inc.id })).deadlineDrift).toBeNull();
  });

  it('across a year end: learned 23:30 on 12-31, due 01:30 on New Year', async () => {
    const { officer } = await setup(Date.parse('2026-12-31T23:30:00+08:00'));
    const inc = await desk.call(officer, 'incident.create', explosion());
    const d = await desk.call(officer, 'incident.get', { id: inc.id });
    expect(d.deadlines[0]!.dueAt).toBe('2026-12-31T17:30:00.000Z');
  });
});

describe('migration 0070', () => {
  it('a version-60 store gains incident_deadlines.basis: old rows keep NULL, only known rules are accepted', async () => {
    const fs = await import('node:fs');
    const os = await import('node:os');
    const path = await import('node:path');
    const Database = (await import('better-sqlite3')).default;
    const { migrate } = await import('../../electron/core/store/migrations');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dd-m70-'));
    const db = new Database(path.join(dir, 'm.sqlite'));
    try {
      migrate(db, { target: 60 });
      db.pragma('foreign_keys = OFF');
      db.prepare("INSERT INTO incident_deadlines (incident_id, kind, due_at, created_at) VALUES (1, 'phone', '2026-01-01T00:30:00.000Z', '2026-01-01T00:00:00.000Z')").run();
      expect(migrate(db, { target: 70 }).applied).toEqual(['0070-basis-and-standby']);
      expect(db.prepare('SELECT basis FROM incident_deadlines').all()).toEqual([{ basis: null }]);
      db.prepare("INSERT INTO incident_deadlines (incident_id, kind, due_at, created_at, basis) VALUES (1, 'phone', 'x', 'y', 'order493Art11')").run();
      expect(() => db.prepare("INSERT INTO incident_deadlines (incident_id, kind, due_at, created_at, basis) VALUES (1, 'phone', 'x', 'y', 'guess')").run()).toThrow(/CHECK/u);
    } finally {
      db.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('the default shift offers a 备班 every day on a new desk, and on an old one that never planned or edited it', async () => {
    const fs = await import('node:fs');
    const os = await import('node:os');
    const path = await import('node:path');
    const Database = (await import('better-sqlite3')).default;
    const { migrate } = await import('../../electron/core/store/migrations');
    const needsOf = (db: InstanceType<typeof Database>) => JSON.parse((db.prepare('SELECT needs FROM shift_templates').get() as { needs: string }).needs) as Record<string, { standby: number }>;
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dd-m70s-'));
    try {
      const fresh = new Database(path.join(dir, 'a.sqlite'));
      migrate(fresh);
      expect(Object.values(needsOf(fresh)).map((n) => n.standby)).toEqual([1, 1, 1, 1]);
      fresh.close();

      const used = new Database(path.join(dir, 'b.sqlite'));
      migrate(used, { target: 60 });
      used.prepare("INSERT INTO roster_plans (title, from_date, to_date, created_at, updated_at) VALUES ('12月', '2026-12-01', '2026-12-31', 'x', 'x')").run();
      migrate(used);
      expect(needsOf(used).workday!.standby).toBe(0);
      used.close();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
