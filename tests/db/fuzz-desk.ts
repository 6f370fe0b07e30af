/**
 * A small desk with something of everything, and the hints that let
 * schema-valid fuzz inputs reach past the handlers' lookups: ids of rows that
 * exist, the current version of the row being edited, dates on which a
 * person is on duty, a backup that can be restored, an importable file.
 *
 * Hints read the store when a value is generated (fast-check generates each
 * run's input right before the run), so they follow what earlier runs wrote.
 */
import fs from 'node:fs';
import fc from 'fast-check';
import type { z } from 'zod';
import type { MethodName } from '../../shared/contract';
import type { Connection } from '../../electron/core/context';
import type { TestDesk } from '../helpers/core';
import { accidentAt } from '../helpers/incidents';
import type { Hint } from '../helpers/zod-valid';

/** The admin's password in a fuzz desk (kept current when a fuzzed change of password succeeds). */
export const fuzzAdminPassword = 'admin12345';

// A 1×1 PNG.
const png = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';

export interface FuzzFixture {
  /** Base64 of an Excel file each import kind reads. */
  peopleXlsx: string;
  rosterXlsx: string;
}

/** Fills a fresh desk: people and users, contacts, a published and a draft roster, log entries, incidents with reports, an escalation, swaps, a backup. */
export async function populateFuzzDesk(d: TestDesk): Promise<FuzzFixture> {
  const a = d.admin;
  const people: number[] = [];
  for (let i = 0; i < 3; i += 1) {
    const p = await d.call(a, 'people.create', { name: `领导${'甲乙丙'[i]}`, department: '办公室', title: '副局长', officePhone: null, mobile: `1390000000${i}`, roles: ['leader'], sortOrder: i });
    people.push(p.id);
  }
  for (let i = 0; i < 5; i += 1) {
    const p = await d.call(a, 'people.create', { name: `值班员${'一二三四五'[i]}`, department: '应急指挥中心', title: '科员', officePhone: null, mobile: `1380000001${i}`, roles: ['officer', 'standby'], sortOrder: 10 + i });
    people.push(p.id);
  }
  await d.call(a, 'users.create', { login: 'officer1', password: 'secret123', personId: people[3]!, displayName: '值班员一', roles: ['officer'] });
  await d.call(a, 'users.create', { login: 'leader1', password: 'secret123', personId: people[0]!, displayName: '领导甲', roles: ['leader'] });
  const superior = await d.call(a, 'contacts.create', { kind: 'superior', name: '市总值班室', unit: '市政府办公室', phone: '0758-1234567', mobile: null, fax: null, note: null });
  await d.call(a, 'contacts.create', { kind: 'emergency', name: '消防', unit: null, phone: '119', mobile: null, fax: null, note: null });

  const nov = await d.call(a, 'roster.createPlan', { title: '2026年11—12月值班表', from: '2026-11-01', to: '2026-12-31', notes: null });
  await d.call(a, 'roster.generate', { planId: nov.id });
  await d.call(a, 'roster.publish', { planId: nov.id, acceptWarnings: true });
  const draft = await d.call(a, 'roster.createPlan', { title: '2026年10月值班表', from: '2026-10-01', to: '2026-10-31', notes: null });
  await d.call(a, 'roster.generate', { planId: draft.id });
  await d.call(a, 'roster.addLeave', { personId: people[4]!, from: '2026-12-10', to: '2026-12-12', reason: '年休假' });

  const e1 = await d.call(a, 'log.create', { kind: 'incoming_call', sourceUnit: '区应急局', sourcePerson: '李四', sourcePhone: '0758-2222001', summary: '来电：道路积水', detail: null });
  await d.call(a, 'log.create', { kind: 'notice', summary: '转发市防汛通知', sourceUnit: null, sourcePerson: null, sourcePhone: null, detail: '详见附件' });
  const inc = await d.call(a, 'incident.create', { ...accidentAt(d.clock.now()), fromLogEntryId: e1.id });
  await d.call(a, 'incident.create', accidentAt(d.clock.now(), { title: '某路段交通事故', subType: 'road_traffic', deaths: 0, level: 4 }));
  await d.call(a, 'report.file', { incidentId: inc.id, kind: 'first', content: '首报：某化工厂爆炸', recipient: '市总值班室', method: 'phone', signedBy: null });
  await d.call(a, 'incident.addInstruction', { incidentId: inc.id, leaderName: '领导甲', text: '全力救治伤员' });
  await d.call(a, 'incident.attach', { incidentId: inc.id, name: '现场.png', mime: 'image/png', dataBase64: png });
  await d.call(a, 'escalation.setSettings', { policy: { steps: [{ target: 'leaderOnDuty', waitMinutes: 5 }, { target: 'superiorOffice', waitMinutes: 10 }], repeats: 2 }, principalPersonId: people[0]!, superiorContactId: superior.id });
  await d.call(a, 'escalation.start', { incidentId: inc.id });

  const detail = await d.call(a, 'roster.get', { planId: nov.id });
  const officers = detail.assignments.filter((x) => x.role === 'officer' && x.date >= '2026-12-01');
  const x = officers[0]!;
  const y = officers.find((o) => o.personId !== x.personId && o.date !== x.date)!;
  await d.call(a, 'swaps.request', { planId: nov.id, kind: 'swap', personA: x.personId!, dateA: x.date, personB: y.personId!, dateB: y.date, reason: '家中有事' });
  // An approved swap leaves notices on both consoles (duty.ackNotice acknowledges them).
  const z2 = officers.find((o) => o.personId !== x.personId && o.personId !== y.personId && o.date !== x.date && o.date !== y.date)!;
  const w2 = officers.find((o) => o.personId !== z2.personId && o.personId !== x.personId && o.personId !== y.personId && o.date !== z2.date)!;
  const approved = await d.call(a, 'swaps.request', { planId: nov.id, kind: 'swap', personA: z2.personId!, dateA: z2.date, personB: w2.personId!, dateB: w2.date, reason: '出差' });
  await d.call(a, 'swaps.decide', { id: approved.id, approve: true, note: '同意' });

  await populateNewerDomains(d, { logEntryId: e1.id, incidentId: inc.id, coversPersonId: detail.assignments.find((s) => s.role === 'officer' && s.date === '2026-11-25')!.personId! });

  // The desk tightens its rules after the incidents were filed: 一般 events now get deadlines too, so the open
  // road accident's deadlines drift from the rules in force and a leader may re-apply them (incident.reapplyDeadlines).
  const rules = await d.call(a, 'report.rules', {});
  await d.call(a, 'report.setRules', { ...rules, levels: rules.levels.map((l) => (l.level === 4 ? { ...l, phoneMinutes: 60, writtenMinutes: 120 } : l)) });
  await d.call(a, 'backup.create', {});
  await d.call(a, 'audit.checkpoint', {});
  const peopleXlsx = (await d.call(a, 'directory.exportXlsx', {})).data;
  const rosterXlsx = (await d.call(a, 'roster.exportXlsx', { planId: nov.id })).data;
  return { peopleXlsx, rosterXlsx };
}

/**
 * The newer domains, so their methods have something to act on: an attendance
 * mark (the admin covering a rostered officer), a presence check, a handover
 * submitted and a to-do, the day's report drafted, a supervised item with a
 * note and an attachment, a document read, a petition with its petitioner
 * accepted, and an instruction's 落实 follow-up. Each record has a twin to
 * edit, close or void.
 */
export async function populateNewerDomains(d: TestDesk, refs: { logEntryId: number; incidentId: number; coversPersonId: number }): Promise<void> {
  const a = d.admin;
  const today = '2026-11-25';
  // 值班员一 signs in (covering today's officer unless it is them): a mark to void, and the admin may still sign in and out.
  const officer: Connection = { sessionId: null };
  await d.call(officer, 'auth.login', { login: 'officer1', password: 'secret123' });
  const me = (await d.call(officer, 'auth.session', {}))!.personId!;
  await d.call(officer, 'attendance.signIn', me === refs.coversPersonId ? { note: null } : { coversPersonId: refs.coversPersonId, note: '替班' });
  await d.call(officer, 'auth.logout', {});
  for (let i = 0; i < 2; i += 1) {
    await d.call(a, 'presence.create', { direction: 'received', method: 'phone', checker: `市政府总值班室 刘科长${i}`, answered: true, rings: 3, answeredBy: '值班员一', officerAtPost: true, leaderAtPost: true });
  }
  await d.call(a, 'todo.add', { kind: 'todo', text: '明早核实积水路段是否恢复通行', logEntryId: refs.logEntryId });
  await d.call(a, 'todo.add', { kind: 'watch', text: '注意暴雨预警升级' });
  const objects = [{ name: '印章', ok: true, note: null }];
  // Only the shift's own officer hands over (an admin login is refused): each day's rostered officer, in a session of their own.
  const days = await d.call(a, 'duty.week', { from: '2026-11-24', days: 2 });
  const outgoing = (date: string): Connection => {
    const personId = days.find((x) => x.date === date)!.shifts[0]!.officer[0]!.personId;
    // As 值班员一's user (not the harness's admin user): the harness may then accept the shift as the next officer.
    const officerUser = d.core.db.prepare("SELECT id FROM users WHERE login = 'officer1'").get() as { id: number };
    return { sessionId: d.core.sessions.create({ userId: officerUser.id, login: 'officer1', displayName: '值班员一', roles: ['officer'], personId }).id };
  };
  // Yesterday's is handed over; today's is a draft the harness's own officer (covering, fuzzPreparations) may save and submit.
  await d.call(outgoing('2026-11-24'), 'handover.submit', { dutyDate: '2026-11-24', expectedVersion: 0, notes: '夜间平稳', watchItems: null, objects });
  await d.call(outgoing(today), 'handover.save', { dutyDate: today, expectedVersion: 0, notes: '积水路段待核实', watchItems: '暴雨预警', objects });
  await d.call(a, 'dailyReport.draft', { date: '2026-11-24', summary: '全天平稳' });
  const item = { source: 'instruction' as const, sourceRef: '区长批示〔2026〕12号', ownerUnit: '区住建局', ownerPerson: '陈科长', deadline: '2026-11-30', closingStandard: '提交排查报告并完成整改' };
  const l1 = await d.call(a, 'ledger.create', { ...item, title: '督促区住建局排查老旧小区燃气管道' });
  await d.call(a, 'ledger.create', { ...item, title: '督促排查地下车库积水隐患' });
  await d.call(a, 'ledger.note', { id: l1.id, text: '已电话催办' });
  await d.call(a, 'ledger.attach', { itemId: l1.id, name: '排查报告.png', mime: 'image/png', dataBase64: png });
  const doc = { kind: 'telegram' as const, fromUnit: '市应急管理局', docNo: '明传〔2026〕88号', secrecy: 'internal' as const, urgency: 'extraUrgent' as const, pages: 3, dueAt: '2026-11-26T17:00:00+08:00' };
  const d1 = await d.call(a, 'documents.create', { ...doc, title: '关于做好寒潮天气防范应对工作的紧急通知' });
  await d.call(a, 'documents.create', { ...doc, docNo: '明传〔2026〕89号', title: '关于加强道路结冰防范的通知' });
  await d.call(a, 'documents.read', { id: d1.id, reader: '领导甲', note: '已阅' });
  const visit = { form: 'visit' as const, persons: 1, level: 'district' as const, category: '房屋拆迁' };
  const p1 = await d.call(a, 'petitions.create', { ...visit, summary: '反映拆迁补偿标准问题', petitioners: [{ name: '张某', idNumber: '11010519491231002X', phone: '13900000001' }] });
  await d.call(a, 'petitions.create', { ...visit, summary: '反映物业收费问题', petitioners: [{ name: '李某', phone: '13900000002' }] });
  await d.call(a, 'petitions.step', { id: p1.id, step: 'accept', text: null });
  await d.call(a, 'petitions.assign', { id: p1.id, kind: 'assign', unit: '区住建局', dueDate: '2026-12-10', note: null });
  await d.call(a, 'petitions.setCase', { id: p1.id, leader: '领导甲', duties: [], reason: null });
  const report = (await d.call(a, 'dailyReport.get', { date: '2026-11-24' })).record!;
  await d.call(a, 'dailyReport.review', { id: report.id, expectedVersion: report.version, note: '同意报送' });
  await d.call(a, 'dailyReport.draft', { date: '2026-11-23', summary: '夜间平稳' });
  const inc = await d.call(a, 'incident.get', { id: refs.incidentId });
  const ins = inc.instructions[0];
  if (ins) await d.call(a, 'instruction.followUp', { instructionId: ins.id, state: 'inProgress', note: '已转区应急局', doneBy: null });
}

type Db = TestDesk['core']['db'];
const ids = (db: Db, sql: string): number[] => (db.prepare(sql).raw(true).all() as [number][]).map((r) => r[0]);

/** Mostly an existing id from `sql`, now and then a small number that may not exist (NOT_FOUND is an answer too). */
const existing = (db: Db, sql: string): fc.Arbitrary<number> =>
  fc.oneof(
    { weight: 9, arbitrary: fc.nat().map((k) => { const xs = ids(db, sql); return xs.length ? xs[k % xs.length]! : 1; }) },
    { weight: 1, arbitrary: fc.integer({ min: 1, max: 40 }) },
  );

const tableOfId: [RegExp, string][] = [
  [/^log\./u, 'SELECT id FROM log_entries'],
  [/^incident\.(attachment|voidAttachment)$/u, 'SELECT id FROM incident_attachments'],
  [/^incident\./u, 'SELECT id FROM incidents'],
  [/^report\./u, 'SELECT id FROM incident_reports'],
  [/^people\./u, 'SELECT id FROM people'],
  [/^contacts\./u, 'SELECT id FROM contacts'],
  [/^users\./u, 'SELECT id FROM users'],
  [/^shifts\./u, 'SELECT id FROM shift_templates'],
  [/^roster\.voidLeave$/u, 'SELECT id FROM roster_leave WHERE voided_at IS NULL'],
  [/^swaps\./u, "SELECT id FROM roster_swaps WHERE state = 'requested'"],
  [/^duty\.ackNotice$/u, 'SELECT id FROM roster_notices'],
  [/^attendance\./u, 'SELECT id FROM attendance_marks WHERE voided_at IS NULL'],
  [/^presence\./u, 'SELECT id FROM presence_checks'],
  [/^ledger\.(attachment|voidAttachment)$/u, 'SELECT id FROM ledger_attachments'],
  [/^ledger\./u, 'SELECT id FROM ledger_items'],
  [/^documents\./u, 'SELECT id FROM documents'],
  [/^petitioners\./u, 'SELECT id FROM petitioners'],
  [/^petitions\./u, 'SELECT id FROM petitions'],
  [/^dailyReport\./u, 'SELECT id FROM daily_reports'],
  [/^todo\./u, 'SELECT id FROM duty_todos WHERE closed_at IS NULL'],
];

/** The hint function for one method on one desk. */
export function fuzzHints(d: TestDesk, method: MethodName, fx: FuzzFixture, state: { adminPassword: string }): Hint {
  const db = d.core.db;
  return (path: readonly string[], _leaf: z.ZodType) => {
    const key = path.join('.');
    if (key === 'id') {
      const t = tableOfId.find(([re]) => re.test(method));
      return t ? existing(db, t[1]) : undefined;
    }
    if (key === 'incidentId') return existing(db, 'SELECT id FROM incidents');
    if (key === 'itemId') return existing(db, 'SELECT id FROM ledger_items');
    if (key === 'instructionId') return existing(db, 'SELECT id FROM incident_instructions');
    if (key === 'assignmentId') return existing(db, 'SELECT id FROM petition_assignments');
    if (key === 'petitionerId') return existing(db, 'SELECT id FROM petitioners');
    if (key === 'logEntryId') return fc.oneof(fc.constant(undefined), existing(db, 'SELECT id FROM log_entries'));
    if (/^handover\./u.test(method) && key === 'dutyDate') return fc.constantFrom('2026-11-24', '2026-11-25');
    if (/^handover\./u.test(method) && key === 'shiftId') return fc.constant(undefined);
    if (/^petitions\.(create|update)$/u.test(method) && key === 'category') return fc.constant('房屋拆迁');
    if (/^petitions\.(create|update)$/u.test(method) && key === 'receivedAt') return fc.constantFrom(undefined, '2026-11-25T10:00:00+08:00');
    if (/^petitions\.(create|update)$/u.test(method) && key === 'abnormal') return fc.constant(false);
    if (/^petitions\.(create|update)$/u.test(method) && key === 'abnormalKind') return fc.constant(null);
    if (method === 'petitions.create' && key === 'petitioners') {
      return fc.oneof(existing(db, 'SELECT id FROM petitioners').map((id) => [{ petitionerId: id }]), fc.constantFrom([{ name: '王某', phone: '13900000003' }], [{ name: '赵某', phone: '13900000004' }]));
    }
    if (method === 'dailyReport.draft' && key === 'date') return fc.constantFrom('2026-11-23', '2026-11-24', '2026-11-25');
    if (method === 'ledger.attach' && key === 'mime') return fc.constantFrom('image/png', 'application/pdf', 'text/plain');
    if (method === 'ledger.attach' && key === 'dataBase64') return fc.uint8Array({ minLength: 1, maxLength: 64 }).map((b) => Buffer.from(b).toString('base64'));
    if (method === 'ledger.attach' && key === 'name') return fc.constantFrom('现场照片.png', '通报.pdf', '说明 🙂.txt');
    if (key === 'fromLogEntryId') return existing(db, 'SELECT id FROM log_entries WHERE id NOT IN (SELECT from_log_entry_id FROM incidents WHERE from_log_entry_id IS NOT NULL)');
    if (key === 'planId') return existing(db, method === 'roster.assign' || method === 'roster.generate' ? 'SELECT id FROM roster_plans WHERE voided_at IS NULL ORDER BY id DESC' : 'SELECT id FROM roster_plans');
    if (/^(personId|personA|personB)$/u.test(key)) return existing(db, 'SELECT id FROM people');
    if (key === 'principalPersonId') return fc.oneof(existing(db, 'SELECT id FROM people'), fc.constant(null));
    if (key === 'shiftId') return existing(db, 'SELECT id FROM shift_templates');
    if (key === 'superiorContactId') return existing(db, 'SELECT id FROM contacts');
    if (key === 'escalationId') return existing(db, 'SELECT id FROM escalations WHERE acknowledged_at IS NULL AND cancelled_at IS NULL ORDER BY id DESC');
    if (key === 'version') return fc.oneof(fc.constant(undefined), fc.integer({ min: 1, max: 3 }));
    if (key === 'index') return fc.integer({ min: 0, max: 1 });
    if (method === 'backup.restore' && key === 'fileName') {
      return fc.nat().map((k) => {
        const files = listBackupNames(d);
        return files.length ? files[k % files.length]! : 'none.sqlite';
      });
    }
    if (method === 'backup.restore' && key === 'folder') return fc.constant('primary');
    if (method === 'backup.updateSettings' && key === 'secondFolder') return fc.constantFrom(null, '');
    if (method === 'roster.importXlsx' && key === 'base64') return fc.constantFrom(fx.peopleXlsx, fx.rosterXlsx);
    if (method === 'incident.attach' && key === 'mime') return fc.constantFrom('image/png', 'application/pdf', 'text/plain');
    if (method === 'incident.attach' && key === 'dataBase64') return fc.uint8Array({ minLength: 1, maxLength: 64 }).map((b) => Buffer.from(b).toString('base64'));
    if (method === 'incident.attach' && key === 'name') return fc.constantFrom('现场照片.png', '通报.pdf', '说明 🙂.txt');
    if (method === 'auth.login' && key === 'login') return fc.constantFrom('admin', 'officer1', 'leader1');
    const adminPw = fc.constant(null).map(() => state.adminPassword);
    if ((method === 'auth.login' || method === 'auth.unlock') && key === 'password') return fc.oneof(adminPw, fc.constantFrom('secret123', 'wrong-password1'));
    if (method === 'auth.changePassword' && key === 'current') return adminPw;
    if (method === 'calendar.importNotice' && key === 'text') return fc.constant('一、元旦：1月1日（周五）至3日（周日）放假，共3天。');
    if (method === 'calendar.importNotice' && key === 'year') return fc.constant(2028);
    if (method === 'audit.verify' && key === 'checkpoint') return fc.constant(undefined);
    if (method === 'report.setRules' && key === 'levels') {
      // One rule per level, each level once (the schema's refinement).
      const minutes = fc.option(fc.integer({ min: 1, max: 24 * 60 }), { nil: null });
      return fc.tuple(fc.shuffledSubarray([1, 2, 3, 4], { minLength: 4, maxLength: 4 }), fc.array(fc.tuple(minutes, minutes), { minLength: 4, maxLength: 4 })).map(([levels, mins]) =>
        levels.map((level, i) => ({ level, phoneMinutes: mins[i]![0], writtenMinutes: mins[i]![1] })),
      );
    }
    return undefined;
  };
}

function listBackupNames(d: TestDesk): string[] {
  const dir = `${d.dir}/backups`;
  try {
    return fs.readdirSync(dir).filter((f) => f.endsWith('.sqlite')).sort().reverse();
  } catch {
    return [];
  }
}

/**
 * Makes a generated input consistent with the store where fields depend on
 * each other: the expected version of the row being edited, a swap between
 * two people actually on duty, a slot inside the plan.
 */
export function fixInput(d: TestDesk, method: MethodName, input: unknown): unknown {
  if (input === null || typeof input !== 'object') return input;
  const db = d.core.db;
  const o = { ...(input as Record<string, unknown>) };
  const one = <T>(sql: string, ...args: unknown[]): T | undefined => db.prepare(sql).get(...args) as T | undefined;
  if (method === 'log.update' && typeof o.id === 'number') {
    const r = one<{ version: number }>('SELECT version FROM log_entries WHERE id = ?', o.id);
    if (r) o.expectedVersion = r.version;
  }
  if (method === 'incident.update' && typeof o.id === 'number') {
    const r = one<{ version: number }>('SELECT version FROM incidents WHERE id = ?', o.id);
    if (r) o.expectedVersion = r.version;
  }
  // The current version of the record being edited (ids from the hints above).
  const versioned: Record<string, string> = {
    'presence.update': 'presence_checks',
    'ledger.update': 'ledger_items',
    'documents.update': 'documents',
    'petitions.update': 'petitions',
    'petitions.setPetitioners': 'petitions',
    'petitioners.update': 'petitioners',
    'dailyReport.update': 'daily_reports',
    'dailyReport.review': 'daily_reports',
    'dailyReport.send': 'daily_reports',
  };
  const vt = versioned[method];
  if (vt && typeof o.id === 'number') {
    const r = one<{ version: number }>(`SELECT version FROM ${vt} WHERE id = ?`, o.id);
    if (r) o.expectedVersion = r.version;
  }
  if (/^handover\.(save|submit|confirm|return)$/u.test(method) && typeof o.dutyDate === 'string') {
    const r = one<{ version: number }>('SELECT version FROM handovers WHERE duty_date = ? ORDER BY shift_id LIMIT 1', o.dutyDate);
    o.expectedVersion = r?.version ?? 0;
  }
  if (method === 'swaps.request' && typeof o.planId === 'number') {
    const rows = db.prepare("SELECT date, person_id AS personId, role FROM roster_live WHERE plan_id = ? AND date >= '2026-11-26' ORDER BY date, role LIMIT 200").all(o.planId) as { date: string; personId: number; role: string }[];
    if (rows.length > 1) {
      const k = Number(o.personA ?? 0) % rows.length;
      const x = rows[k]!;
      const y = rows.find((r) => r.role === x.role && r.personId !== x.personId && r.date !== x.date) ?? rows[(k + 1) % rows.length]!;
      o.personA = x.personId;
      o.dateA = x.date;
      o.personB = y.personId;
      o.dateB = o.kind === 'swap' ? y.date : null;
    }
  }
  if (method === 'roster.assign' && typeof o.planId === 'number') {
    const p = one<{ from_date: string; to_date: string }>('SELECT from_date, to_date FROM roster_plans WHERE id = ?', o.planId);
    if (p) o.date = p.from_date;
  }
  return o;
}

/**
 * A state one method needs in the caller's own name, made on that method's
 * fresh copy of the desk only (it would stand in other methods' way): to sign
 * out, the admin has signed in first (covering today's officer).
 */
/** The harness's own person signs in covering today's officer: then it may sign out, and hand today's shift over (only the shift's officers may). */
async function coverToday(d: TestDesk, conn: Connection): Promise<void> {
  const today = d.core.db.prepare("SELECT person_id AS id FROM roster_live WHERE date = '2026-11-25' AND role = 'officer' LIMIT 1").get() as { id: number } | undefined;
  await d.call(conn, 'attendance.signIn', today ? { coversPersonId: today.id, note: '替班' } : { note: null });
}

export const fuzzPreparations: Partial<Record<MethodName, (d: TestDesk, conn: Connection) => Promise<void>>> = {
  'attendance.signOut': coverToday,
  'handover.save': coverToday,
  'handover.submit': coverToday,
  // Yesterday's handover was submitted by 值班员一's user; covering today's officer, the harness is the incoming officer.
  'handover.confirm': coverToday,
  'handover.return': coverToday,
  // A step addressed to the harness's own person: the principal leader is person 1 and an escalation of the road accident calls them first.
  'escalation.acknowledgeMine': async (d, conn) => {
    const settings = await d.call(conn, 'escalation.settings', {});
    await d.call(conn, 'escalation.setSettings', { policy: { steps: [{ target: 'principalLeader', waitMinutes: 5 }], repeats: 1 }, principalPersonId: 1, superiorContactId: settings.superiorContactId });
    const road = d.core.db.prepare("SELECT id FROM incidents WHERE title = '某路段交通事故'").get() as { id: number };
    await d.call(conn, 'escalation.start', { incidentId: road.id });
  },
};

/** Methods whose successful call ends or locks the caller's session (the harness logs in again). */
export const sessionEnding = new Set<MethodName>(['auth.logout', 'auth.lock', 'auth.changePassword', 'backup.restore']);

export type { Connection };
