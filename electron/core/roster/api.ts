/**
 * Handlers of the roster domain: calendar, shifts, rules, leave, plans,
 * swaps, who is on duty, print and files.
 */
import { cutText } from '../../../shared/text';
import type { RosterImportIssue, RosterImportOutcome, rosterMethods } from '../../../shared/contract/roster';

import { fairnessReport } from '../../../shared/domain/roster-generate';
import type { Assignment } from '../../../shared/domain/roster-rules';
import { DomainError } from '../../../shared/errors';
import type { DutyRole, PersonRole } from '../../../shared/roles';
import { loadCalendar } from '../calendar/db';
import { asyncMutation, iso, type Handlers } from '../context';
import { getPerson, listPeople } from '../directory/people-db';
import { createPerson } from '../directory/service';
import { clearLive, getDraft, getLeave, getRules, getShift, insertLeave, insertPlan, insertShift, listLeave, listPlans, listShifts, listVersions, replaceDraft, setRules, updatePlan, updateShift, voidLeave } from './db';
import { rosterIcs, rosterXlsx } from './export';
import { loadSheet, parsePeopleSheet, parseRosterSheet } from './import';
import { printData } from './print';
import { assertYearsKnown, assign, generate, historyBefore, mustPlan, planDays, publish, rosterDetail } from './service';
import { listSwaps } from "./swaps-db";
import { cancelSwap, decide, requestSwap, withWarnings } from "./swaps";
import { dayIndex } from '../../../shared/time';

/** Longest plan: a year and a day. */
const maxPlanDays = 366;

export const rosterHandlers: Handlers<keyof typeof rosterMethods> = {
  'shifts.list': (ctx, input) => listShifts(ctx.db, input.includeInactive ?? false),
  'shifts.create': (ctx, input) => {
    const s = insertShift(ctx.db, input, iso(ctx.now));
    ctx.audit({ action: 'shift.create', entity: 'shift', entityId: s.id, after: s });
    return s;
  },
  'shifts.update': (ctx, input) => {
    const before = getShift(ctx.db, input.id);
    if (!before) throw new DomainError('NOT_FOUND');
    const { id, ...patch } = input;
    const after = updateShift(ctx.db, id, patch, iso(ctx.now));
    if (!listShifts(ctx.db).length) throw new DomainError('CONFLICT', 'roster.errors.lastShift');
    ctx.audit({ action: 'shift.update', entity: 'shift', entityId: id, before, after });
    return after;
  },

  'roster.rules': (ctx) => getRules(ctx.db),
  'roster.setRules': (ctx, input) => {
    const before = getRules(ctx.db);
    setRules(ctx.db, input);
    const after = getRules(ctx.db);
    ctx.audit({ action: 'roster.setRules', entity: 'roster_rules', before, after });
    return after;
  },
  'roster.leaveList': (ctx, input) => listLeave(ctx.db, input.from, input.to),
  'roster.addLeave': (ctx, input) => {
    if (input.to < input.from) throw new DomainError('VALIDATION', 'roster.errors.badRange');
    if (!getPerson(ctx.db, input.personId)) throw new DomainError('NOT_FOUND', 'errors.NOT_FOUND', { entity: 'person', id: input.personId });
    const l = insertLeave(ctx.db, input, iso(ctx.now));
    ctx.audit({ action: 'leave.create', entity: 'leave', entityId: l.id, after: l });
    return l;
  },
  'roster.voidLeave': (ctx, input) => {
    const before = getLeave(ctx.db, input.id);
    if (!before) throw new DomainError('NOT_FOUND');
    voidLeave(ctx.db, input.id, input.reason, iso(ctx.now));
    ctx.audit({ action: 'leave.void', entity: 'leave', entityId: input.id, before, reason: input.reason });
    return null;
  },

  'roster.plans': (ctx, input) => listPlans(ctx.db, input.includeVoided ?? false),
  'roster.createPlan': (ctx, input) => {
    if (dayIndex(input.to) < dayIndex(input.from) || dayIndex(input.to) - dayIndex(input.from) >= maxPlanDays) throw new DomainError('VALIDATION', 'roster.errors.badRange');
    assertYearsKnown(loadCalendar(ctx.db), input.from, input.to);
    const p = insertPlan(ctx.db, input, iso(ctx.now));
    ctx.audit({ action: 'roster.createPlan', entity: 'roster_plan', entityId: p.id, after: p });
    return p;
  },
  'roster.updatePlan': (ctx, input) => {
    const before = mustPlan(ctx.db, input.planId);
    const after = updatePlan(ctx.db, input.planId, { ...(input.title ? { title: input.title } : {}), ...(input.notes !== undefined ? { notes: input.notes } : {}) }, iso(ctx.now));
    ctx.audit({ action: 'roster.updatePlan', entity: 'roster_plan', entityId: input.planId, before, after });
    return after;
  },
  'roster.voidPlan': (ctx, input) => {
    const before = mustPlan(ctx.db, input.planId);
    if (before.state === 'voided') throw new DomainError('CONFLICT', 'roster.errors.planVoided');
    clearLive(ctx.db, input.planId);
    const after = updatePlan(ctx.db, input.planId, { voidReason: input.reason }, iso(ctx.now));
    ctx.audit({ action: 'roster.void', entity: 'roster_plan', entityId: input.planId, before, after, reason: input.reason });
    return after;
  },
  'roster.get': (ctx, input) => rosterDetail(ctx.db, input.planId),
  'roster.generate': (ctx, input) => generate(ctx, input.planId),
  'roster.assign': (ctx, input) => assign(ctx, input),
  'roster.publish': (ctx, input) => publish(ctx, input.planId, input.reason ?? null, input.acceptWarnings ?? false),
  'roster.versions': (ctx, input) => {
    mustPlan(ctx.db, input.planId);
    return listVersions(ctx.db, input.planId);
  },
  'roster.fairness': (ctx, input) => {
    const plan = mustPlan(ctx.db, input.planId);
    const cal = loadCalendar(ctx.db);
    const people = listPeople(ctx.db).map((p) => ({ id: p.id, roles: p.roles }));
    return fairnessReport(
      { days: planDays(cal, plan), people, history: historyBefore(ctx.db, cal, plan.from, plan.id), rules: getRules(ctx.db) },
      getDraft(ctx.db, input.planId),
    );
  },
  'roster.printData': (ctx, input) => printData(ctx.db, input.planId, input.version),
  'roster.exportXlsx': async (ctx, input) => rosterXlsx(printData(ctx.db, input.planId, input.version)),
  'roster.exportIcs': (ctx, input) => rosterIcs(ctx.db, input.planId, input.personId),
  'roster.importXlsx': asyncMutation(async (ctx, input): Promise<RosterImportOutcome> => {
    const ws = await loadSheet(input.base64);
    const fail = (issues: RosterImportIssue[], rows = 0): RosterImportOutcome => ({ ok: false, issues, rows, planId: null, peopleCreated: 0 });
    if (!ws) return fail([{ row: 0, column: '', messageKey: 'roster.import.notXlsx' }]);
    const people = listPeople(ctx.db, { includeInactive: false });
    const byName = new Map(people.map((p) => [p.name, p]));

    if (input.kind === 'people') {
      const { rows, issues } = parsePeopleSheet(ws);
      if (issues.length) return fail(issues, rows.length);
      const fresh = rows.filter((r) => !byName.has(r.name));
      if (input.dryRun) return { ok: true, issues: [], rows: rows.length, planId: null, peopleCreated: fresh.length };
      return ctx.transact((w) => {
        fresh.forEach((r, i) => {
          createPerson(w, { name: r.name, department: r.department, title: r.title, officePhone: r.officePhone, mobile: r.mobile, roles: r.roles, sortOrder: people.length + i }, '导入通讯录');
        });
        w.audit({ action: 'roster.importPeople', entity: 'person', after: { rows: rows.length, created: fresh.length } });
        return { ok: true, issues: [], rows: rows.length, planId: null, peopleCreated: fresh.length };
      });
    }

    const parsed = parseRosterSheet(ws);
    const issues = [...parsed.issues];
    const cal = loadCalendar(ctx.db);
    const shifts = listShifts(ctx.db);
    for (const r of parsed.rows) {
      if (!cal.hasYear(Number(r.date.slice(0, 4)))) issues.push({ row: r.row, column: '日期', messageKey: 'roster.errors.noHolidayData', params: { year: r.date.slice(0, 4) } });
      if (r.shiftName && !shifts.some((s) => s.name === r.shiftName)) issues.push({ row: r.row, column: '班次', messageKey: 'roster.import.unknownShift', params: { value: r.shiftName } });
    }
    const dates = parsed.rows.map((r) => r.date).sort();
    if (dates.length && dayIndex(dates.at(-1)!) - dayIndex(dates[0]!) >= maxPlanDays) issues.push({ row: 0, column: '日期', messageKey: 'roster.errors.badRange' });
    if (issues.length) return fail(issues, parsed.rows.length);
    // People not yet in the directory are created with the role they appear in.
    const fresh = new Map<string, { phone: string | null; roles: Set<DutyRole> }>();
    for (const r of parsed.rows) {
      for (const role of ['leader', 'officer', 'standby'] as const) {
        for (const p of r.people[role]) {
          if (byName.has(p.name)) continue;
          const f = fresh.get(p.name) ?? { phone: p.phone, roles: new Set<DutyRole>() };
          // First seen without a phone, later with one: keep the phone.
          f.phone ??= p.phone;
          f.roles.add(role);
          fresh.set(p.name, f);
        }
      }
    }
    if (input.dryRun) return { ok: true, issues: [], rows: parsed.rows.length, planId: null, peopleCreated: fresh.size };
    return ctx.transact((w) => {
      const at = iso(w.now);
      let order = people.length;
      for (const [name, f] of fresh) {
        const roles: PersonRole[] = ['leader', 'officer', 'standby'].filter((r) => f.roles.has(r as DutyRole)) as PersonRole[];
        const p = createPerson(w, { name, department: null, title: null, officePhone: null, mobile: f.phone, roles, sortOrder: order++ }, '导入值班表');
        byName.set(name, p);
      }
      const title = parsed.title ?? `${dates[0]}至${dates.at(-1)}值班表`;
      const plan = insertPlan(w.db, { title: cutText(title, 80), from: dates[0]!, to: dates.at(-1)!, notes: null }, at);
      w.audit({ action: 'roster.createPlan', entity: 'roster_plan', entityId: plan.id, after: plan, reason: '导入值班表' });
      const assignments: Assignment[] = [];
      for (const r of parsed.rows) {
        const shiftId = (r.shiftName ? shifts.find((s) => s.name === r.shiftName) : shifts[0])!.id;
        for (const role of ['leader', 'officer', 'standby'] as const) {
          r.people[role].forEach((p, index) => assignments.push({ date: r.date, shiftId, role, index, personId: byName.get(p.name)!.id, pinned: true }));
        }
      }
      replaceDraft(w.db, plan.id, assignments);
      w.audit({ action: 'roster.import', entity: 'roster_plan', entityId: plan.id, after: { rows: parsed.rows.length, assignments: assignments.length } });
      return { ok: true, issues: [], rows: parsed.rows.length, planId: plan.id, peopleCreated: fresh.size };
    });
  }),

  'swaps.request': (ctx, input) => requestSwap(ctx, { ...input, dateB: input.dateB ?? null }),
  'swaps.list': (ctx, input) => listSwaps(ctx.db, input).map((s) => withWarnings(ctx.db, s)),
  'swaps.decide': (ctx, input) => decide(ctx, input.id, input.approve, input.note),
  'swaps.cancel': (ctx, input) => cancelSwap(ctx, input.id, input.reason)
};

