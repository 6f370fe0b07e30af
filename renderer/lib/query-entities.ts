/**
 * What each API query reads and each mutation writes, by entity.
 *
 * Entity names are the `entity` of the core's audit rows (`person`,
 * `roster_plan`, `logEntry` …). Every committed write pushes
 * `changed { entities }` naming them, and only the cached queries that read
 * one of them refetch. A mutation called from this renderer refreshes what
 * it wrote before its call returns, without waiting for the push: in the
 * browser the push travels on a separate Server-Sent Events connection and may
 * arrive after the reply (or not at all while the stream reconnects), and over
 * IPC the push and the reply are separate messages too.
 *
 * Safe defaults, so a gap costs a refetch rather than a stale screen:
 * an entity this table does not know, a `backup` (a restore replaces the whole
 * store) and a query key that is not an API method refresh everything.
 */
import type { QueryClient } from '@tanstack/react-query';
import type { Contract, MethodName } from '../../shared/contract';
import type { PushEvent } from '../../shared/events';

/** Every entity the core writes an audit row for (tests/renderer/query-entities.test.ts checks this against the core). */
export const entities = [
  'desk',
  'settings',
  'user',
  'person',
  'contact',
  'calendar_year',
  'calendar_day',
  'shift',
  'roster_rules',
  'leave',
  'roster_plan',
  'roster_swap',
  'roster_notice',
  'logEntry',
  'incident',
  'report',
  'instruction',
  'attachment',
  'escalation',
  'auditCheckpoint',
  'deskKey',
  'integrity',
  'backup',
  'backupSettings',
  'petition',
  'petitioner',
  'ledgerItem',
  'document',
  'attendance',
  'presenceCheck',
  'handover',
  'todo',
  'dailyReport',
  // The link to the hub: enrolment (uplink), what the hub sent down (hubMessage), the duty published for the hub (hubDuty).
  'uplink',
  'hubMessage',
  'hubDuty',
] as const;
export type Entity = (typeof entities)[number];

/**
 * The core's clock, as a pseudo-entity: answers computed from "now".
 *
 * It "changes" on a `due` event (a deadline passed or an escalation step
 * timed out: overdue flags and the current step move) and on a `clock` event
 * (the test host moved the clock). Those refresh the due lists, who is on
 * duty now and the console's day (duty.*, log.list), the incident list and
 * detail (overdue deadlines, escalation steps), the status the header clock
 * is set from, and the audit head (its clock-behind warning).
 */
export const now = '@now';

/** Reads everything: refreshed by every push (the audit trail grows with any write; some files change without an audit row). */
export const everything = '*';

export type Reads = readonly (Entity | typeof now)[] | typeof everything;

export type QueryMethod = { [M in MethodName]: Contract[M]['kind'] extends 'query' ? M : never }[MethodName];
export type MutationMethod = Exclude<MethodName, QueryMethod>;

/** A restore replaces the whole store; its audit row (in the restored chain) names `backup`. */
const wholeStore: ReadonlySet<string> = new Set<Entity>(['backup']);

const calendar = ['calendar_year', 'calendar_day'] as const;
/** Who is on duty: published versions (a publish, a void, an approved swap), shown with shifts, people, holidays and the desk's time zone. */
const onDuty = ['roster_plan', 'roster_swap', 'shift', 'person', ...calendar, 'desk'] as const;
/** A roster as planned: plans and drafts, swaps, leave, rules, shifts, people and holidays (conflicts and fairness read them all). */
const rosterPlan = ['roster_plan', 'roster_swap', 'roster_rules', 'leave', 'shift', 'person', ...calendar] as const;
/** An incident as listed: facts and deadlines (incident), reports meeting deadlines, the latest instruction. */
const incidentRow = ['incident', 'report', 'instruction'] as const;
/** Whom an escalation step calls: the leader on duty (the roster), the principal leader and superior office (escalation settings). */
const escalationTargets = [...onDuty, 'contact', 'settings'] as const;
/** The duty day's own records that count down (handover confirmations, daily reports) or are shown on the console. */
const dutyDayRecord = ['handover', 'dailyReport', 'todo', 'attendance'] as const;

/** The registers' deadlines (信访, 督办事项, 来文) on the console; a petition view names its petitioners; the desk's zone ends a due day. */
const registers = ['petition', 'petitioner', 'ledgerItem', 'document', 'desk'] as const;
const petitionView = ['petition', 'petitioner', 'settings', 'desk', now] as const;
/** Who signed in against whom: marks, leave and the roster (and the users signing in). */
const attendanceReads = ['attendance', 'leave', ...onDuty, 'user'] as const;
/**
 * A handover form: the shift's log, open incidents with their deadlines and latest 批示, pending escalations and whom
 * they call, carried-over items, the form itself, its acceptance limit (settings) and the shift times (shift, desk).
 */
const handoverReads = ['handover', 'todo', 'logEntry', ...incidentRow, 'escalation', ...escalationTargets, now] as const;
/**
 * A daily report and its roll-ups: everything the period counts — the log, incidents and their reports, escalations,
 * presence checks, attendance, handovers, instructions, the registers' sections and carried-over items — with the
 * report records, their rules (settings) and the period (shift, desk).
 */
const dailyReportReads = [
  'dailyReport',
  'logEntry',
  ...incidentRow,
  'escalation',
  'presenceCheck',
  ...attendanceReads,
  'handover',
  'todo',
  ...registers,
  'settings',
  now,
] as const;

export const queryReads = {
  'app.status': ['desk', now],
  'auth.session': ['user'],
  'users.list': ['user'],
  'desk.get': ['desk'],
  'settings.get': ['settings'],
  'people.list': ['person'],
  'people.get': ['person'],
  'contacts.list': ['contact'],
  'directory.exportXlsx': ['person', 'contact', 'desk'],
  'calendar.range': [...calendar],
  'calendar.years': [...calendar],
  // Parses the notice text it is given; reads nothing stored.
  'calendar.parseNotice': [],
  'shifts.list': ['shift'],
  'roster.rules': ['roster_rules'],
  'roster.leaveList': ['leave', 'person'],
  'roster.plans': ['roster_plan', 'roster_swap'],
  'roster.get': [...rosterPlan, 'desk'],
  'roster.versions': ['roster_plan', 'roster_swap'],
  'roster.fairness': [...rosterPlan],
  'roster.printData': [...onDuty],
  'roster.exportXlsx': [...onDuty],
  'roster.exportIcs': [...onDuty],
  'swaps.list': [...rosterPlan],
  'duty.now': [...onDuty, now],
  'duty.week': [...onDuty, now],
  // Notices come from swaps and publishing; "mine" is the signed-in user's person.
  'duty.mine': [...onDuty, 'roster_notice', 'user', now],
  // An incident raised from an entry links it (audited as the incident).
  'log.list': ['logEntry', 'incident', 'desk', now],
  'log.get': ['logEntry', 'incident'],
  'log.book': ['logEntry', ...incidentRow, ...onDuty, now],
  'log.exportXlsx': ['logEntry', 'incident', 'desk'],
  'log.history': ['logEntry'],
  'incident.list': [...incidentRow, 'desk', now],
  'incident.exportXlsx': [...incidentRow, 'desk', now],
  'incident.get': [...incidentRow, 'attachment', 'escalation', 'logEntry', ...escalationTargets, now],
  'incident.attachment': ['attachment'],
  'report.template': [...incidentRow, 'settings', 'contact', 'desk'],
  'report.get': ['report', 'incident', 'desk'],
  'report.rules': ['settings'],
  'escalation.settings': ['settings'],
  'escalation.mine': [...incidentRow, 'escalation', ...escalationTargets, 'user', now],
  'report.rulesDrift': [...incidentRow, 'settings', now],
  'due.list': [...incidentRow, 'escalation', ...escalationTargets, ...registers, ...dutyDayRecord, now],
  'due.pending': [...incidentRow, 'escalation', ...escalationTargets, ...registers, ...dutyDayRecord, now],
  // ── the duty day: attendance, presence checks, handover, daily reports, the leader's desk
  'attendance.today': [...attendanceReads, now],
  'attendance.month': ['attendance', 'leave', ...onDuty, 'settings', now],
  'attendance.exportXlsx': ['attendance', 'leave', ...onDuty, 'settings', now],
  'attendance.rules': ['settings'],
  'presence.list': ['presenceCheck'],
  'presence.history': ['presenceCheck'],
  'presence.stats': ['presenceCheck', 'desk'],
  'presence.exportXlsx': ['presenceCheck', 'desk'],
  'handover.get': [...handoverReads],
  'handover.print': ['handover', 'desk'],
  'handover.history': ['handover'],
  'handover.settings': ['settings'],
  'todo.list': ['todo'],
  'dailyReport.get': [...dailyReportReads],
  'dailyReport.list': ['dailyReport', 'settings', 'shift', 'desk', now],
  'dailyReport.rollup': [...dailyReportReads],
  'dailyReport.exportXlsx': [...dailyReportReads],
  'dailyReport.rules': ['settings'],
  // Today's attendance, the shift's log and incidents, the whole due list, reports to review, objections, 批示 落实.
  'leader.desk': [...new Set([...attendanceReads, ...handoverReads, ...dailyReportReads, ...registers])],
  'instruction.open': [...incidentRow],
  'audit.head': everything,
  'audit.verify': everything,
  'audit.list': everything,
  'audit.exportCsv': everything,
  'audit.checkpoints': ['auditCheckpoint', 'deskKey'],
  // The nightly check and the hourly backup write their files without an audit row: as before, any push refreshes these.
  'integrity.latest': everything,
  'backup.status': everything,
  'petitions.get': [...petitionView],
  'petitions.list': [...petitionView],
  'petitions.history': ['petition'],
  'petitions.stats': [...petitionView],
  'petitions.statsXlsx': [...petitionView],
  'petitions.exportXlsx': [...petitionView],
  'petitioners.search': ['petitioner', 'petition'],
  'petitions.settings': ['settings'],
  'ledger.get': ['ledgerItem', 'desk', now],
  'ledger.list': ['ledgerItem', 'desk', now],
  'ledger.sheet': ['ledgerItem', 'desk', now],
  'ledger.exportXlsx': ['ledgerItem', 'desk', now],
  'ledger.attachment': ['ledgerItem'],
  'ledger.history': ['ledgerItem'],
  'documents.get': ['document', now],
  'documents.list': ['document', now],
  'documents.sheet': ['document', 'desk', now],
  'documents.exportXlsx': ['document', 'desk', now],
  'documents.history': ['document'],
  // N 条待上报 counts the audit rows after the hub's acknowledgement: any write moves it.
  'uplink.status': everything,
  'uplink.syncNow': everything,
  'uplink.inbox': ['hubMessage', 'uplink'],
  'uplink.previewHoliday': ['hubMessage'],
  'uplink.prescribed': ['hubMessage', 'settings'],
} as const satisfies Record<QueryMethod, Reads>;

export const mutationWrites = {
  'app.setup': ['desk', 'person', 'user'],
  'auth.login': ['user'],
  'auth.logout': ['user'],
  'auth.lock': ['user'],
  'auth.unlock': ['user'],
  'auth.changePassword': ['user'],
  'users.create': ['user'],
  'users.update': ['user'],
  'users.resetPassword': ['user'],
  'desk.update': ['desk'],
  'settings.update': ['settings'],
  'people.create': ['person'],
  'people.update': ['person'],
  'people.setActive': ['person'],
  'contacts.create': ['contact'],
  'contacts.update': ['contact'],
  'contacts.setActive': ['contact'],
  'calendar.importNotice': ['calendar_year'],
  'calendar.setDay': ['calendar_day'],
  'shifts.create': ['shift'],
  'shifts.update': ['shift'],
  'roster.setRules': ['roster_rules'],
  'roster.addLeave': ['leave'],
  'roster.voidLeave': ['leave'],
  'roster.createPlan': ['roster_plan'],
  'roster.updatePlan': ['roster_plan'],
  'roster.voidPlan': ['roster_plan'],
  'roster.generate': ['roster_plan'],
  'roster.assign': ['roster_plan'],
  'roster.publish': ['roster_plan'],
  'roster.importXlsx': ['person', 'roster_plan'],
  'swaps.request': ['roster_swap'],
  // Approval publishes a new version.
  'swaps.decide': ['roster_swap', 'roster_plan'],
  'swaps.cancel': ['roster_swap'],
  'duty.ackNotice': ['roster_notice'],
  'log.create': ['logEntry'],
  'log.update': ['logEntry'],
  'log.void': ['logEntry'],
  'incident.create': ['incident'],
  'incident.update': ['incident'],
  'incident.setLevel': ['incident'],
  'incident.setStatus': ['incident'],
  'incident.addInstruction': ['instruction'],
  'incident.attach': ['attachment'],
  'incident.voidAttachment': ['attachment'],
  'report.file': ['report', 'incident'],
  'incident.reapplyDeadlines': ['incident'],
  'report.setRules': ['settings'],
  'escalation.start': ['escalation'],
  'escalation.contact': ['escalation'],
  // The acknowledgement records the leader's instruction (批示).
  'escalation.acknowledge': ['escalation', 'instruction'],
  'escalation.acknowledgeMine': ['escalation', 'instruction'],
  'escalation.cancel': ['escalation'],
  'escalation.setSettings': ['settings'],
  // The first checkpoint creates the desk's signing key.
  'audit.checkpoint': ['auditCheckpoint', 'deskKey'],
  'audit.rotateKey': ['deskKey', 'auditCheckpoint'],
  'integrity.run': ['integrity'],
  'backup.create': ['backup'],
  'backup.updateSettings': ['backupSettings'],
  'backup.restore': ['backup'],
  // A new petitioner is created with the petition that names them.
  'petitions.create': ['petition', 'petitioner'],
  'petitions.update': ['petition'],
  'petitions.setPetitioners': ['petition', 'petitioner'],
  'petitions.void': ['petition'],
  'petitions.step': ['petition'],
  'petitions.assign': ['petition'],
  'petitions.assignmentDone': ['petition'],
  'petitions.action': ['petition'],
  'petitions.setCase': ['petition'],
  'petitions.closeCase': ['petition'],
  'petitioners.update': ['petitioner'],
  'petitions.setSettings': ['settings'],
  'ledger.create': ['ledgerItem'],
  'ledger.update': ['ledgerItem'],
  'ledger.note': ['ledgerItem'],
  'ledger.extend': ['ledgerItem'],
  'ledger.attach': ['ledgerItem'],
  'ledger.voidAttachment': ['ledgerItem'],
  'ledger.close': ['ledgerItem'],
  'ledger.void': ['ledgerItem'],
  'documents.create': ['document'],
  'documents.update': ['document'],
  'documents.read': ['document'],
  'documents.done': ['document'],
  'documents.void': ['document'],
  'attendance.signIn': ['attendance'],
  'attendance.signOut': ['attendance'],
  'attendance.void': ['attendance'],
  'attendance.setRules': ['settings'],
  'presence.create': ['presenceCheck'],
  'presence.update': ['presenceCheck'],
  'presence.void': ['presenceCheck'],
  'handover.save': ['handover'],
  'handover.submit': ['handover'],
  'handover.confirm': ['handover'],
  'handover.return': ['handover'],
  'handover.acknowledge': ['handover'],
  'handover.setSettings': ['settings'],
  'todo.add': ['todo'],
  'todo.close': ['todo'],
  'dailyReport.draft': ['dailyReport'],
  'dailyReport.update': ['dailyReport'],
  'dailyReport.review': ['dailyReport'],
  'dailyReport.send': ['dailyReport'],
  'dailyReport.void': ['dailyReport'],
  'dailyReport.setRules': ['settings'],
  'leader.instruct': ['instruction'],
  'instruction.followUp': ['instruction'],
  'uplink.enrol': ['uplink'],
  'uplink.unenrol': ['uplink'],
  'uplink.setTls': ['uplink', 'settings'],
  'uplink.ackNotice': ['hubMessage'],
  'uplink.answerCheck': ['hubMessage'],
  // Applying goes through the calendar's own import.
  'uplink.applyHoliday': ['hubMessage', 'calendar_year'],
  'uplink.declineHoliday': ['hubMessage'],
  'uplink.applyReportRules': ['hubMessage', 'settings'],
  'uplink.declineReportRules': ['hubMessage'],
} as const satisfies Record<MutationMethod, readonly Entity[]>;

const knownEntities: ReadonlySet<string> = new Set<string>(entities);
const readsOf = (key: unknown): Reads => (Object.hasOwn(queryReads, key as string) ? queryReads[key as QueryMethod] : everything);

/** Whether a cached query with this key must refetch when these entities changed. */
export function isAffected(queryKey: readonly unknown[], changed: readonly string[]): boolean {
  const reads = readsOf(queryKey[0]);
  if (reads === everything) return true;
  return changed.some((e) => (reads as readonly string[]).includes(e));
}

/** Invalidates (and refetches, where on screen) the queries reading any of `changed`; see the module comment for what refreshes everything. */
export function refreshEntities(qc: QueryClient, changed: readonly string[]): Promise<void> {
  if (changed.length === 0) return Promise.resolve();
  if (changed.some((e) => wholeStore.has(e) || (e !== now && !knownEntities.has(e)))) return qc.invalidateQueries();
  return qc.invalidateQueries({ predicate: (q) => isAffected(q.queryKey, changed) });
}

/** What a push event changed: its entities, or the clock for `due` and `clock`. */
export function changedBy(e: PushEvent): readonly string[] {
  switch (e.type) {
    case 'changed':
      return e.entities;
    case 'due':
    case 'clock':
      return [now];
    // The outbox moved: connected / offline, rows acknowledged (no audit row of its own).
    case 'uplink':
      return ['uplink'];
  }
}

export const isMutation = (method: string): method is MutationMethod => Object.hasOwn(mutationWrites, method);

/** After a mutation's own success: refreshes what it writes, so its screen shows the result before the push arrives. */
export const refreshAfterMutation = (qc: QueryClient, method: MutationMethod): Promise<void> => refreshEntities(qc, mutationWrites[method]);
