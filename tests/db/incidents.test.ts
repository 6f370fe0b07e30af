import { afterEach, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { CallFailed, makeDesk, type TestDesk } from '../helpers/core';
import type { Connection } from '../../electron/core/context';
import type { Input } from '../../shared/contract';
import { nationalReportRules } from '../../shared/domain/deadline';
import { setLeaderOnDutyLookup } from '../../electron/core/escalation/service';
import { accidentAt } from '../helpers/incidents';

let desk: TestDesk;
afterEach(() => desk?.close());

const min = 60_000;
const auditCount = () => (desk.core.db.prepare('SELECT count(*) n FROM audit_log').get() as { n: number }).n;

const accident = (over: Partial<Input<'incident.create'>> = {}): Input<'incident.create'> => accidentAt(desk.clock.now(), over);

async function setup(): Promise<{ officer: Connection; leader: Connection }> {
  desk = await makeDesk();
  return { officer: await desk.login(['officer']), leader: await desk.login(['leader']) };
}

describe('incidents', () => {
  it('suggests 较大 for 3 deaths and refuses an officer override; a leader can override with a reason, visibly', async () => {
    const { officer, leader } = await setup();
    const inc = await desk.call(officer, 'incident.create', accident());
    expect(inc).toMatchObject({ level: 3, suggestedLevel: 3, suggestedBasis: ['deaths'], levelOverride: null, status: 'open' });
    expect(inc.no).toBe('2026-0001');

    const err = await desk.fail(officer, 'incident.create', accident({ level: 2 }));
    expect(err.code).toBe('FORBIDDEN');
    expect(err.messageKey).toBe('incidents.errors.overrideNeedsLeader');
    expect((await desk.fail(leader, 'incident.create', accident({ level: 2 }))).messageKey).toBe('incidents.errors.overrideNeedsReason');
    expect((await desk.fail(officer, 'incident.setLevel', { id: inc.id, level: 2, reason: 'x' })).code).toBe('FORBIDDEN');

    const raised = await desk.call(leader, 'incident.setLevel', { id: inc.id, level: 2, reason: '社会影响大，按重大事件处置' });
    expect(raised.level).toBe(2);
    expect(raised.levelOverride).toMatchObject({ reason: '社会影响大，按重大事件处置' });
    expect(raised.version).toBe(2);
    // Raising to Ⅱ brings the national deadlines.
    const d = await desk.call(officer, 'incident.get', { id: inc.id });
    expect(d.deadlines.map((x) => [x.kind, x.state])).toEqual([
      ['phone', 'pending'],
      ['written', 'pending'],
    ]);
  });

  it('the grade follows casualty updates unless overridden; edits are versions with reasons', async () => {
    const { officer } = await setup();
    const inc = await desk.call(officer, 'incident.create', accident({ deaths: 2, level: 4 }));
    expect(inc.level).toBe(4);
    const up = await desk.call(officer, 'incident.update', { id: inc.id, expectedVersion: 1, reason: '续报核实死亡人数', deaths: 10 });
    expect(up).toMatchObject({ level: 2, suggestedLevel: 2, version: 2, deaths: 10 });
    expect((await desk.fail(officer, 'incident.update', { id: inc.id, expectedVersion: 1, reason: 'x', deaths: 11 })).code).toBe(
      'CONFLICT',
    );
    expect((await desk.fail(officer, 'incident.update', { id: inc.id, expectedVersion: 2, reason: 'x', deaths: 10 })).messageKey).toBe(
      'incidents.errors.noChange',
    );
    const detail = await desk.call(officer, 'incident.get', { id: inc.id });
    expect(detail.versions.map((v) => [v.version, v.fields.deaths, v.reason])).toEqual([
      [1, 2, null],
      [2, 10, '续报核实死亡人数'],
    ]);
    // The edit that omitted other fields did not reset them.
    expect(detail.incident.location).toBe('高新区化工园');
  });

  it('files 首报 and 续报一 in order; a late report stays late forever; a phone call does not meet the written deadline', async () => {
    const { officer } = await setup();
    const inc = await desk.call(officer, 'incident.create', accident({ deaths: 12, level: 2 }));
    expect(
      (
        await desk.fail(officer, 'report.file', {
          incidentId: inc.id,
          kind: 'followup',
          content: 'x',
          recipient: '市政府总值班室',
          method: 'phone',
        })
      ).messageKey,
    ).toBe('incidents.errors.reportOrder');
    const tpl = await desk.call(officer, 'report.template', { incidentId: inc.id, kind: 'first' });
    expect(tpl.title).toBe('首报');
    expect(tpl.content).toContain('一、接报时间：2026年11月25日21时40分');
    expect(tpl.content).toContain('死亡12人');

    desk.clock.advance(20 * min);
    const first = await desk.call(officer, 'report.file', {
      incidentId: inc.id,
      kind: 'first',
      content: tpl.content,
      recipient: '市政府总值班室',
      method: 'phone',
    });
    expect(first).toMatchObject({ title: '首报', late: false, met: [{ kind: 'phone', late: false }] });

    desk.clock.advance(50 * min); // 70 min after learned: written deadline (60) missed
    let due = await desk.call(officer, 'due.list', {});
    expect(due.items.filter((i) => i.kind === 'report').map((i) => [i.kind === 'report' && i.deadlineKind, i.overdue])).toEqual([
      ['written', true],
    ]);

    await desk.call(officer, 'incident.update', { id: inc.id, expectedVersion: 1, reason: '新增失踪', missing: 2 });
    const tpl2 = await desk.call(officer, 'report.template', { incidentId: inc.id, kind: 'followup' });
    expect(tpl2.title).toBe('续报一');
    expect(tpl2.content).toContain('失踪2人');
    expect(tpl2.content).not.toContain('事发地点');
    const second = await desk.call(officer, 'report.file', {
      incidentId: inc.id,
      kind: 'followup',
      content: tpl2.content,
      recipient: '市政府总值班室',
      method: 'written',
      signedBy: '王局长',
    });
    expect(second.title).toBe('续报一');
    expect(second.late).toBe(true);
    expect(second.met.map((m) => [m.kind, m.late])).toEqual([
      ['written', true],
      ['supplement', false],
    ]);
    due = await desk.call(officer, 'due.list', {});
    expect(due.items).toEqual([]);

    // Much later, nothing has been "forgiven".
    desk.clock.advance(30 * 24 * 60 * min);
    const d = await desk.call(officer, 'incident.get', { id: inc.id });
    expect(d.reports.map((r) => [r.title, r.late])).toEqual([
      ['首报', false],
      ['续报一', true],
    ]);
    expect(d.deadlines.find((x) => x.kind === 'written')!.state).toBe('metLate');
    expect(() => desk.core.db.prepare('UPDATE incident_reports SET late = 0').run()).toThrow(/never changed/u);
    expect(() => desk.core.db.prepare("UPDATE incident_deadlines SET met_at = '2026-01-01T00:00:00.000Z'").run()).toThrow();

    const print = await desk.call(officer, 'report.get', { id: second.id });
    expect(print.report.title).toBe('续报一');
    expect(print.incident.title).toBe('某化工厂爆炸事故');
    expect(print.incident.missing).toBe(2);
  });

  it('lowering the level never hides an overdue deadline', async () => {
    const { officer, leader } = await setup();
    const inc = await desk.call(officer, 'incident.create', accident({ deaths: 10, level: 2 }));
    desk.clock.advance(45 * min); // phone overdue, written pending
    await desk.call(leader, 'incident.setLevel', { id: inc.id, level: 3, reason: '核实后降为较大' });
    const d = await desk.call(officer, 'incident.get', { id: inc.id });
    expect(d.deadlines.map((x) => [x.kind, x.state])).toEqual([['phone', 'overdue']]);
  });

  it('a level raised after a report was filed records the deadline as met by it, late or not', async () => {
    const { officer, leader } = await setup();
    // A landslide at Ⅲ has no deadline (no Order 493 rule; the level rule covers Ⅰ/Ⅱ).
    const inc = await desk.call(officer, 'incident.create', accident({ category: 'natural', subType: 'geological', deaths: 0, title: '山体滑坡' }));
    desk.clock.advance(50 * min);
    await desk.call(officer, 'report.file', {
      incidentId: inc.id,
      kind: 'first',
      content: '首报',
      recipient: '市政府总值班室',
      method: 'phone',
    });
    await desk.call(leader, 'incident.setLevel', { id: inc.id, level: 2, reason: '提级' });
    const d = await desk.call(officer, 'incident.get', { id: inc.id });
    expect(d.deadlines.map((x) => [x.kind, x.state])).toEqual([
      ['phone', 'metLate'],
      ['written', 'pending'],
    ]);
  });

  it('status moves open → handling → closed, reopening needs a reason', async () => {
    const { officer } = await setup();
    const inc = await desk.call(officer, 'incident.create', accident());
    await desk.call(officer, 'incident.setStatus', { id: inc.id, status: 'handling' });
    expect((await desk.fail(officer, 'incident.setStatus', { id: inc.id, status: 'open' })).code).toBe('CONFLICT');
    await desk.call(officer, 'incident.setStatus', { id: inc.id, status: 'closed' });
    expect((await desk.fail(officer, 'incident.setStatus', { id: inc.id, status: 'handling' })).messageKey).toBe(
      'incidents.errors.reopenNeedsReason',
    );
    const re = await desk.call(officer, 'incident.setStatus', { id: inc.id, status: 'handling', reason: '出现新情况' });
    expect(re.status).toBe('handling');
    const d = await desk.call(officer, 'incident.get', { id: inc.id });
    expect(d.timeline.filter((t) => t.type === 'status')).toHaveLength(3);
  });

  it('lists with filters by status, category, level and local learned date', async () => {
    const { officer } = await setup();
    await desk.call(officer, 'incident.create', accident());
    await desk.call(officer, 'incident.create', {
      ...accident({ title: '山体滑坡', category: 'natural', subType: 'geological', level: 4, deaths: 0 }),
    });
    expect(await desk.call(officer, 'incident.list', {})).toHaveLength(2);
    expect((await desk.call(officer, 'incident.list', { category: 'natural' })).map((i) => i.title)).toEqual(['山体滑坡']);
    expect(await desk.call(officer, 'incident.list', { level: 3 })).toHaveLength(1);
    expect(await desk.call(officer, 'incident.list', { from: '2026-11-25', to: '2026-11-25' })).toHaveLength(2);
    expect(await desk.call(officer, 'incident.list', { from: '2026-11-26' })).toHaveLength(0);
    expect(await desk.call(officer, 'incident.list', { status: ['closed'] })).toHaveLength(0);
    expect((await desk.call(officer, 'incident.list', { query: '滑坡' })).length).toBe(1);
    expect((await desk.fail(officer, 'incident.create', accident({ subType: 'earthquake' }))).messageKey).toBe(
      'incidents.errors.subTypeMismatch',
    );
  });

  it('deadline rules come from settings (admin only) and national defaults otherwise', async () => {
    const { officer } = await setup();
    expect(await desk.call(officer, 'report.rules', {})).toEqual(nationalReportRules);
    const rules = {
      ...nationalReportRules,
      levels: nationalReportRules.levels.map((l) => (l.level === 3 ? { ...l, phoneMinutes: 20, writtenMinutes: 40 } : l)),
    };
    expect((await desk.fail(officer, 'report.setRules', rules)).code).toBe('FORBIDDEN');
    await desk.call(desk.admin, 'report.setRules', rules);
    const inc = await desk.call(officer, 'incident.create', accident());
    const d = await desk.call(officer, 'incident.get', { id: inc.id });
    expect(d.deadlines.map((x) => x.dueAt)).toEqual(['2026-11-25T14:00:00.000Z', '2026-11-25T14:20:00.000Z']);
  });
});

describe('escalation', () => {
  it('walks the steps with the clock, records contacts, acknowledgement and the instruction', async () => {
    const { officer } = await setup();
    const leaderPerson = await desk.call(desk.admin, 'people.create', {
      name: '李带班',
      department: null,
      title: '副局长',
      officePhone: null,
      mobile: '13900000002',
      roles: ['leader'],
      sortOrder: 0,
    });
    const principal = await desk.call(desk.admin, 'people.create', {
      name: '王局长',
      department: null,
      title: '局长',
      officePhone: null,
      mobile: '13900000001',
      roles: ['leader'],
      sortOrder: 0,
    });
    const sup = await desk.call(desk.admin, 'contacts.create', {
      kind: 'superior',
      name: '市政府总值班室',
      unit: null,
      phone: '0758-2888110',
      mobile: null,
      fax: null,
      note: null,
      sortOrder: 0,
    });
    await desk.call(desk.admin, 'escalation.setSettings', {
      policy: {
        steps: [
          { target: 'leaderOnDuty', waitMinutes: 10 },
          { target: 'principalLeader', waitMinutes: 10 },
          { target: 'superiorOffice', waitMinutes: 10 },
        ],
        repeats: 2,
      },
      principalPersonId: principal.id,
      superiorContactId: sup.id,
    });
    setLeaderOnDutyLookup(() => ({ name: leaderPerson.name, phone: leaderPerson.mobile }));
    try {
      const inc = await desk.call(officer, 'incident.create', accident());
      const esc = await desk.call(officer, 'escalation.start', { incidentId: inc.id });
      expect(esc.state).toMatchObject({ status: 'waiting', stepIndex: 0, target: 'leaderOnDuty' });
      expect(esc.currentTarget).toEqual({ name: '李带班', phone: '13900000002', fallback: null });
      expect((await desk.fail(officer, 'escalation.start', { incidentId: inc.id })).messageKey).toBe('incidents.errors.escalationPending');

      await desk.call(officer, 'escalation.contact', { escalationId: esc.id, method: 'mobile' });
      desk.clock.advance(12 * min);
      let due = await desk.call(officer, 'due.list', {});
      const item = due.items.find((i) => i.kind === 'escalation');
      expect(item).toMatchObject({ stepIndex: 1, target: 'principalLeader', targetName: '王局长', overdue: false });
      desk.clock.advance(10 * min);
      due = await desk.call(officer, 'due.list', {});
      expect(due.items.find((i) => i.kind === 'escalation')).toMatchObject({
        stepIndex: 2,
        targetName: '市政府总值班室',
        targetPhone: '0758-2888110',
      });
      desk.clock.advance(40 * min); // past 2 rounds × 30 min
      due = await desk.call(officer, 'due.list', {});
      expect(due.items.find((i) => i.kind === 'escalation')).toMatchObject({ exhausted: true, overdue: true });

      const acked = await desk.call(officer, 'escalation.acknowledge', {
        escalationId: esc.id,
        via: 'mobile',
        byName: '李带班',
        instruction: '立即组织救援，做好伤员救治',
      });
      expect(acked.state.status).toBe('acknowledged');
      expect(acked.acknowledgedBy).toBe('李带班');
      due = await desk.call(officer, 'due.list', {});
      expect(due.items.filter((i) => i.kind === 'escalation')).toEqual([]);
      expect(due.openIncidents[0]!.lastInstruction).toBe('立即组织救援，做好伤员救治');
      const d = await desk.call(officer, 'incident.get', { id: inc.id });
      expect(d.instructions.map((i) => [i.leaderName, i.escalationId])).toEqual([['李带班', esc.id]]);
      expect(d.escalations[0]!.contacts.map((c) => [c.target, c.targetName, c.method])).toEqual([['leaderOnDuty', '李带班', 'mobile']]);
      expect((await desk.fail(officer, 'escalation.acknowledge', { escalationId: esc.id, via: 'phone', byName: 'x' })).code).toBe(
        'CONFLICT',
      );
    } finally {
      setLeaderOnDutyLookup(null);
    }
  });

  it('with no leader on the roster, the step falls back to the admin and says so (never silently nobody)', async () => {
    const { officer } = await setup();
    const inc = await desk.call(officer, 'incident.create', accident());
    const esc = await desk.call(officer, 'escalation.start', { incidentId: inc.id });
    expect(esc.currentTarget).toEqual({ name: '管理员', phone: '13800000000', fallback: 'admin' });
    // Recorded by phone, the acknowledgement names whom the step reached.
    expect((await desk.call(officer, 'escalation.acknowledge', { escalationId: esc.id, via: 'phone' })).acknowledgedBy).toBe('管理员');
  });
});

describe('attachments', () => {
  it('stores by content hash, lists, reads back, refuses > 20 MB, voids with reason', async () => {
    const { officer } = await setup();
    const inc = await desk.call(officer, 'incident.create', accident());
    const data = Buffer.from('现场照片').toString('base64');
    const a = await desk.call(officer, 'incident.attach', { incidentId: inc.id, name: '现场.jpg', mime: 'image/jpeg', dataBase64: data });
    expect(fs.existsSync(path.join(desk.dir, 'attachments', a.sha256))).toBe(true);
    const again = await desk.call(officer, 'incident.attach', {
      incidentId: inc.id,
      name: '现场2.jpg',
      mime: 'image/jpeg',
      dataBase64: data,
    });
    expect(again.sha256).toBe(a.sha256);
    expect((await desk.call(officer, 'incident.attachment', { id: a.id })).dataBase64).toBe(data);
    const big = Buffer.alloc(20 * 1024 * 1024 + 1).toString('base64');
    const err = await desk.fail(officer, 'incident.attach', {
      incidentId: inc.id,
      name: 'big.bin',
      mime: 'application/octet-stream',
      dataBase64: big,
    });
    expect(['PAYLOAD_TOO_LARGE', 'VALIDATION']).toContain(err.code);
    expect((await desk.fail(officer, 'incident.attach', { incidentId: inc.id, name: 'x', mime: 'x', dataBase64: '***' })).code).toBe(
      'VALIDATION',
    );
    const v = await desk.call(officer, 'incident.voidAttachment', { id: a.id, reason: '传错文件' });
    expect(v).toMatchObject({ voided: true, voidReason: '传错文件' });
    expect((await desk.call(officer, 'incident.get', { id: inc.id })).attachments).toHaveLength(2);
  });

  it('audits every mutation', async () => {
    const { officer } = await setup();
    const n0 = auditCount();
    const inc = await desk.call(officer, 'incident.create', accident());
    await desk.call(officer, 'incident.addInstruction', { incidentId: inc.id, leaderName: '王局长', text: '密切关注' });
    expect(auditCount() - n0).toBe(2);
    try {
      await desk.call(officer, 'incident.get', { id: 999 });
      expect.unreachable();
    } catch (e) {
      expect((e as CallFailed).error.messageKey).toBe('incidents.errors.incidentNotFound');
    }
  });
});

describe('migration 0030', () => {
  it('upgrades a version-20 store: tables, append-only triggers and the due index exist', async () => {
    const Database = (await import('better-sqlite3')).default;
    const { migrate } = await import('../../electron/core/store/migrations');
    const os = await import('node:os');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dd-m30-'));
    const db = new Database(path.join(dir, 'm.sqlite'));
    try {
      migrate(db, { target: 20 });
      expect(db.pragma('user_version', { simple: true })).toBe(20);
      const out = migrate(db, { target: 30 });
      expect(out.applied).toEqual(['0030-incidents']);
      const names = (
        db.prepare("SELECT name FROM sqlite_master WHERE type IN ('table', 'trigger', 'index')").all() as { name: string }[]
      ).map((r) => r.name);
      for (const n of [
        'log_entries',
        'log_entry_versions',
        'incidents',
        'incident_reports',
        'incident_deadlines',
        'escalations',
        'escalation_contacts',
        'incident_instructions',
        'incident_attachments',
        'incident_reports_no_update',
        'incident_deadlines_open',
      ]) {
        expect(names).toContain(n);
      }
    } finally {
      db.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
