/** The daily report (值班日报) and the zero report (零报告): gathered from the period's record, drafted, reviewed by the leader, sent — on time or late, kept forever — and rolled up by week and month. */
import type { DueItem } from '../../../shared/contract/escalation';
import {
  dailyReportRulesSchema,
  type DailyReport,
  type DailyReportDay,
  type DailyReportRollup,
  type DailyReportStats,
  type DailyReportView,
  type ReportSection,
} from '../../../shared/contract/reports';
import type { ReportMethod } from '../../../shared/domain/incident';
import {
  chineseHour,
  dailyReportWindow,
  defaultDailyReportRules,
  incidentReportState,
  isZeroReport,
  reportDateOf,
  type DailyReportRules,
} from '../../../shared/domain/daily-report';
import type { LogKind } from '../../../shared/domain/log';
import type { AttendanceState } from '../../../shared/domain/attendance';
import { DomainError } from '../../../shared/errors';
import { translate } from '../../../shared/i18n';
import { addDays, datesBetween, localParts } from '../../../shared/time';
import { attendanceLines, countStates } from '../attendance/service';
import type { ReadCtx, WriteCtx } from '../context';
import { actorName, deskTimeZone, iso, toUtc } from '../context';
import { getDesk } from '../desk/db';
import { deskDutyDayBounds, deskHandoverMinutes } from '../duty/day';
import { handoversIn } from '../handover/service';
import { listIncidents } from '../incidents/db';
import { activeDeadlines } from '../incidents/deadlines-db';
import { instructionsWithFollowUp } from '../incidents/records-db';
import { listLogEntries } from '../log/db';
import { checksInPeriod } from '../presence/db';
import type { Db } from '../store/connection';
import { defineSetting, readSetting, writeSetting } from '../store/settings';
import {
  escalationsIn,
  getDailyReport,
  incidentReportsIn,
  insertDailyReport,
  liveReportOf,
  reportsBetween,
  updateDailyReport,
  voidDailyReport,
  voidedReportsOf,
} from './db';
import { reportSections } from './sections';

export const dailyReportRulesSetting = defineSetting<DailyReportRules>('dailyReport.rules', dailyReportRulesSchema, defaultDailyReportRules);
export const getDailyReportRules = (db: Db): DailyReportRules => readSetting(db, dailyReportRulesSetting);

export function setDailyReportRules(ctx: WriteCtx, rules: DailyReportRules): DailyReportRules {
  const { before, after } = writeSetting(ctx.db, dailyReportRulesSetting, rules);
  ctx.audit({ action: 'settings.update', entity: 'settings', entityId: 'dailyReport.rules', before, after });
  return after;
}

/** The period and deadline of a report date at this desk. */
export function reportWindow(db: Db, date: string): { start: number; end: number; dueAt: number } {
  return dailyReportWindow(date, getDailyReportRules(db), deskTimeZone(db), deskHandoverMinutes(db));
}

/** The report date being gathered at `ms` (its period contains `ms`). */
export const currentReportDate = (db: Db, ms: number): string => reportDateOf(ms, getDailyReportRules(db), deskTimeZone(db), deskHandoverMinutes(db));

/** Duty days whose handover falls in (start, end]: the days whose attendance and handover a period reports. */
function dutyDaysEndingIn(db: Db, start: number, end: number): string[] {
  const tz = deskTimeZone(db);
  const last = localParts(end, tz).date;
  return [addDays(last, -2), addDays(last, -1), last].filter((d) => {
    const b = deskDutyDayBounds(db, d);
    return b.end > start && b.end <= end;
  });
}

/** Everything a report period held, counted. */
export function gatherStats(ctx: ReadCtx, start: number, end: number): DailyReportStats {
  const db = ctx.db;
  const fromIso = iso(start);
  const toIso = iso(end);
  const tz = deskTimeZone(db);
  // Log entries by instant: the duty days around the period, filtered to it.
  const entries = listLogEntries(db, {
    fromDate: addDays(localParts(start, tz).date, -1),
    toDate: localParts(end, tz).date,
    includeVoided: false,
    limit: 100_000,
  }).filter((e) => e.occurredAt >= fromIso && e.occurredAt < toIso);
  const logCounts: Partial<Record<LogKind, number>> = {};
  for (const e of entries) logCounts[e.kind] = (logCounts[e.kind] ?? 0) + 1;

  const incidents = listIncidents(db, { fromIso, toIso, limit: 1000 }, ctx.now)
    .reverse()
    .map((i) => ({
      id: i.id,
      no: i.no,
      title: i.title,
      level: i.level,
      status: i.status,
      learnedAt: i.learnedAt,
      reports: i.reportCount,
      lateReports: i.lateCount,
      openDeadlines: i.nextDeadline ? 1 : 0,
      reportState: incidentReportState({
        reports: i.reportCount,
        lateReports: i.lateCount,
        deadlines: activeDeadlines(db, i.id, ctx.now).map((x) => x.state),
      }),
    }));
  const incidentReports = incidentReportsIn(db, fromIso, toIso);
  const escalations = escalationsIn(db, fromIso, toIso);

  const checks = checksInPeriod(db, fromIso, toIso);
  const made = checks.filter((c) => c.direction === 'made');
  const presence = {
    received: checks.length - made.length,
    made: made.length,
    answered: made.filter((c) => c.answered).length,
    missed: made.filter((c) => c.postState === 'missed').length,
    left: made.filter((c) => c.postState === 'left').length,
  };

  const days = dutyDaysEndingIn(db, start, end);
  const attendance: Partial<Record<AttendanceState, number>> = days.length
    ? countStates(attendanceLines(db, days[0]!, days.at(-1)!, ctx.now))
    : {};
  // Every shift change handing over in the period: one per duty day by default, each 白班/夜班 change otherwise.
  const handovers = handoversIn(db, start, end);

  // Instructions given in the period, and every one still open (待落实 / 落实中).
  const given = instructionsWithFollowUp(db, { fromIso, toIso });
  const open = instructionsWithFollowUp(db).filter((i) => !given.some((g) => g.id === i.id));
  const items = [...given, ...open];
  const instructions = {
    total: given.length,
    pending: items.filter((i) => i.state === 'pending').length,
    inProgress: items.filter((i) => i.state === 'inProgress').length,
    done: given.filter((i) => i.state === 'done').length,
    items,
  };

  const sections = reportSections.map((s) => s(ctx, { start, end, dutyDate: days.at(-1) ?? null })).filter((s): s is ReportSection => s !== null);
  const zero = isZeroReport({
    incidents: incidents.length,
    incidentReports,
    escalations: escalations.started,
    sectionItems: sections.reduce((n, s) => n + s.reportable, 0),
  });
  return {
    periodStart: fromIso,
    periodEnd: toIso,
    logCounts,
    logTotal: entries.length,
    incidents,
    incidentReports,
    escalations,
    presence,
    attendance,
    handovers,
    instructions,
    sections,
    zero,
  };
}

/** "2026年11月24日17时至25日17时": the second instant drops what it shares with the first. */
export function periodWords(start: number, end: number, tz: string): string {
  const a = localParts(start, tz);
  const b = localParts(end, tz);
  const second = a.year !== b.year ? chineseHour(b) : a.month !== b.month ? `${b.month}月${b.day}日${b.hour}时` : `${b.day}日${b.hour}时`;
  return `${chineseHour(a)}至${second}`;
}

/**
 * The report's default text: the zero-report wording (the standard one, or
 * the one the desk's rules carry — a superior office may prescribe it, with
 * `{时段}` for the period), or a summary of what the period held.
 */
export function suggestedSummary(stats: DailyReportStats, start: number, end: number, tz: string, zeroWording?: string | null): string {
  const period = periodWords(start, end, tz);
  if (stats.zero && zeroWording) return zeroWording.replaceAll('{时段}', period);
  if (stats.zero) return `${period}，我单位未发生需要报告的突发事件和重要情况，值班秩序正常。特此报告。`;
  const kinds = (Object.entries(stats.logCounts) as [LogKind, number][])
    .map(([k, n]) => `${translate('zh-CN', `log.kind.${k}`)}${n}件`)
    .join('、');
  const parts = [`${period}，我单位值班室共登记值班事项${stats.logTotal}件${kinds ? `（${kinds}）` : ''}`];
  if (stats.incidents.length) {
    parts.push(
      `接报突发事件${stats.incidents.length}起：${stats.incidents
        .map((i) => `${i.no}${i.title}（${translate('zh-CN', `incidents.level.${i.level}`)}，${translate('zh-CN', `reports.reportState.${i.reportState}`)}）`)
        .join('；')}`,
    );
  }
  if (stats.incidentReports) parts.push(`报送信息${stats.incidentReports}份`);
  if (stats.presence.received || stats.presence.made) parts.push(`接受上级查岗${stats.presence.received}次，对下级单位查岗${stats.presence.made}次`);
  if (stats.instructions.total) parts.push(`领导批示${stats.instructions.total}件`);
  return `${parts.join('；')}。特此报告。`;
}

export function dailyReportView(ctx: ReadCtx, date?: string): DailyReportView {
  const d = date ?? currentReportDate(ctx.db, ctx.now);
  const w = reportWindow(ctx.db, d);
  const tz = deskTimeZone(ctx.db);
  // Gather up to now for a period still running.
  const live = gatherStats(ctx, w.start, Math.min(w.end, Math.max(w.start, ctx.now)));
  const record = liveReportOf(ctx.db, d);
  return {
    now: iso(ctx.now),
    date: d,
    periodStart: iso(w.start),
    periodEnd: iso(w.end),
    dueAt: iso(w.dueAt),
    overdue: record?.state !== 'sent' && ctx.now >= w.dueAt,
    record,
    voided: voidedReportsOf(ctx.db, d),
    live,
    suggestedSummary: suggestedSummary(live, w.start, w.end, tz, getDailyReportRules(ctx.db).zeroWording),
    rules: getDailyReportRules(ctx.db),
    unitName: getDesk(ctx.db)?.unitName ?? '',
    timeZone: tz,
  };
}

function mustReport(ctx: ReadCtx, id: number, expectedVersion?: number): DailyReport {
  const r = getDailyReport(ctx.db, id);
  if (!r) throw new DomainError('NOT_FOUND', 'reports.errors.notFound', { id });
  if (r.voided) throw new DomainError('CONFLICT', 'reports.errors.voided');
  if (expectedVersion !== undefined && r.version !== expectedVersion) throw new DomainError('CONFLICT', 'incidents.errors.versionConflict', { current: r.version });
  return r;
}

/** 拟稿: a report for a date from its record so far; a zero report when nothing reportable happened. */
export function draftReport(ctx: WriteCtx, date: string, summary: string | null): DailyReport {
  const w = reportWindow(ctx.db, date);
  if (ctx.now < w.start) throw new DomainError('VALIDATION', 'reports.errors.periodNotStarted');
  if (liveReportOf(ctx.db, date)) throw new DomainError('CONFLICT', 'reports.errors.exists');
  const stats = gatherStats(ctx, w.start, Math.min(w.end, ctx.now));
  const r = insertDailyReport(
    ctx.db,
    {
      reportDate: date,
      kind: stats.zero ? 'zero' : 'daily',
      periodStart: iso(w.start),
      periodEnd: iso(w.end),
      dueAt: iso(w.dueAt),
      summary: summary ?? suggestedSummary(stats, w.start, w.end, deskTimeZone(ctx.db), getDailyReportRules(ctx.db).zeroWording),
      stats,
    },
    actorName(ctx),
    iso(ctx.now),
  );
  ctx.audit({ action: 'dailyReport.draft', entity: 'dailyReport', entityId: r.id, after: { reportDate: date, kind: r.kind, summary: r.summary } });
  return r;
}

/** Edits the text (and, with `refresh`, gathers the period again); a reviewed report goes back to draft for review. */
export function updateReport(ctx: WriteCtx, input: { id: number; expectedVersion: number; summary: string; refresh?: boolean | undefined; reason: string | null }): DailyReport {
  const cur = mustReport(ctx, input.id, input.expectedVersion);
  if (cur.state === 'sent') throw new DomainError('CONFLICT', 'reports.errors.sent');
  const w = { start: Date.parse(cur.periodStart), end: Date.parse(cur.periodEnd) };
  const stats = input.refresh ? gatherStats(ctx, w.start, Math.min(w.end, ctx.now)) : cur.stats;
  const after = updateDailyReport(
    ctx.db,
    cur,
    { summary: input.summary, stats, kind: stats.zero ? 'zero' : 'daily', state: 'draft', reviewedBy: null, reviewedAt: null, reviewNote: null },
    input.reason,
    actorName(ctx),
    iso(ctx.now),
  );
  ctx.audit({ action: 'dailyReport.update', entity: 'dailyReport', entityId: cur.id, before: { summary: cur.summary, kind: cur.kind, state: cur.state, reviewNote: cur.reviewNote }, after: { summary: after.summary, kind: after.kind, state: 'draft', reviewNote: null }, reason: input.reason });
  return after;
}

/** 审核: the leader reviews the draft. */
export function reviewReport(ctx: WriteCtx, id: number, expectedVersion: number, note: string | null): DailyReport {
  const cur = mustReport(ctx, id, expectedVersion);
  if (cur.state !== 'draft') throw new DomainError('CONFLICT', 'reports.errors.notDraft');
  const after = updateDailyReport(ctx.db, cur, { state: 'reviewed', reviewedBy: actorName(ctx), reviewedAt: iso(ctx.now), reviewNote: note }, null, actorName(ctx), iso(ctx.now));
  ctx.audit({ action: 'dailyReport.review', entity: 'dailyReport', entityId: id, before: { state: cur.state }, after: { state: 'reviewed', note } });
  return after;
}

/** 报送: recipient, method and time; after the deadline it is late, for good. */
export function sendReport(ctx: WriteCtx, input: { id: number; expectedVersion: number; recipient: string; method: ReportMethod; sentAt?: string | undefined }): DailyReport {
  const cur = mustReport(ctx, input.id, input.expectedVersion);
  if (cur.state === 'sent') throw new DomainError('CONFLICT', 'reports.errors.sent');
  if (cur.state !== 'reviewed') throw new DomainError('CONFLICT', 'reports.errors.notReviewed');
  const sentAt = input.sentAt ? toUtc(input.sentAt) : iso(ctx.now);
  if (Date.parse(sentAt) > ctx.now + 60_000) throw new DomainError('VALIDATION', 'incidents.errors.sentInFuture');
  const late = Date.parse(sentAt) > Date.parse(cur.dueAt);
  const after = updateDailyReport(ctx.db, cur, { state: 'sent', recipient: input.recipient, method: input.method, sentAt, sentBy: actorName(ctx), late }, null, actorName(ctx), iso(ctx.now));
  ctx.audit({ action: 'dailyReport.send', entity: 'dailyReport', entityId: cur.id, after: { recipient: input.recipient, method: input.method, sentAt, late } });
  return after;
}

export function voidReport(ctx: WriteCtx, id: number, reason: string): DailyReport {
  const cur = mustReport(ctx, id);
  const after = voidDailyReport(ctx.db, id, reason, actorName(ctx), iso(ctx.now));
  ctx.audit({ action: 'dailyReport.void', entity: 'dailyReport', entityId: id, before: { state: cur.state, kind: cur.kind, late: cur.late }, reason });
  return after;
}

/** The report dates of [from, to] with the state of each one's report. */
export function reportDays(ctx: Pick<ReadCtx, 'db' | 'now'>, from: string, to: string): DailyReportDay[] {
  const recs = new Map(reportsBetween(ctx.db, from, to).map((r) => [r.reportDate, r]));
  return datesBetween(from, to).map((date) => {
    const r = recs.get(date);
    const { dueAt } = reportWindow(ctx.db, date);
    return {
      date,
      dueAt: iso(dueAt),
      state: r?.state ?? 'none',
      kind: r?.kind ?? null,
      sentAt: r?.sentAt ?? null,
      late: r?.late ?? null,
      overdue: r?.state !== 'sent' && ctx.now >= dueAt,
    };
  });
}

const add = <K extends string>(a: Partial<Record<K, number>>, b: Partial<Record<K, number>>): Partial<Record<K, number>> => {
  const out = { ...a };
  for (const [k, v] of Object.entries(b) as [K, number][]) out[k] = (out[k] ?? 0) + v;
  return out;
};

/** 值班周报 / 月报: the same tables summed over [from, to] (gathered from the record, sent or not), and each day's report state. */
export function rollup(ctx: ReadCtx, from: string, to: string): DailyReportRollup {
  const start = reportWindow(ctx.db, from).start;
  const end = Math.min(reportWindow(ctx.db, to).end, Math.max(start, ctx.now));
  const stats = gatherStats(ctx, start, end);
  // Attendance and sections summed day by day (their own days), the rest counted over the whole range at once.
  let attendance: DailyReportStats['attendance'] = {};
  const sections = new Map<string, ReportSection>();
  for (const d of datesBetween(from, to)) {
    const w = reportWindow(ctx.db, d);
    if (w.start >= end) break;
    const day = gatherStats(ctx, w.start, Math.min(w.end, end));
    attendance = add(attendance, day.attendance);
    for (const s of day.sections) {
      const acc = sections.get(s.key);
      if (!acc) sections.set(s.key, { ...s, rows: s.rows.map((r) => ({ ...r })) });
      else {
        acc.reportable += s.reportable;
        if (acc.count !== undefined || s.count !== undefined) acc.count = (acc.count ?? 0) + (s.count ?? 0);
        for (const r of s.rows) {
          const row = acc.rows.find((x) => x.labelKey === r.labelKey);
          if (row && typeof row.value === 'number' && typeof r.value === 'number') row.value += r.value;
          else if (row && typeof row.value === 'object' && typeof r.value === 'object' && row.value.key === r.value.key) {
            const sum: Record<string, number> = { ...row.value.params };
            for (const [k, n] of Object.entries(r.value.params)) sum[k] = (sum[k] ?? 0) + n;
            row.value = { key: row.value.key, params: sum };
          }
          else if (!row) acc.rows.push({ ...r });
        }
      }
    }
  }
  return {
    from,
    to,
    unitName: getDesk(ctx.db)?.unitName ?? '',
    timeZone: deskTimeZone(ctx.db),
    stats: { ...stats, attendance, sections: [...sections.values()] },
    days: reportDays(ctx, from, to),
  };
}

const hour = 3_600_000;
/** How long before its deadline the day's report appears in "Due next". */
const dueLeadMs = 3 * hour;
/** How many past dates an unsent report stays in "Due next" (the reports page lists every one, late for good). */
const duePastDays = 7;

/**
 * The daily reports for "Due next": the current date's from three hours
 * before its deadline, and every unsent earlier date of the last week since
 * the desk was set up (a date whose deadline passed before set-up is owed by nobody).
 */
export function dailyReportDueItems(ctx: Pick<ReadCtx, 'db' | 'now'>): DueItem[] {
  const desk = getDesk(ctx.db);
  if (!desk) return [];
  const setUpAt = Date.parse(desk.createdAt);
  const today = currentReportDate(ctx.db, ctx.now);
  const items: DueItem[] = [];
  for (const date of datesBetween(addDays(today, -duePastDays), today)) {
    const { dueAt } = reportWindow(ctx.db, date);
    if (dueAt <= setUpAt) continue;
    if (date === today && ctx.now < dueAt - dueLeadMs) continue;
    const r = liveReportOf(ctx.db, date);
    if (r?.state === 'sent') continue;
    items.push({ kind: 'dailyReport', id: `daily-${date}`, reportDate: date, state: r?.state ?? 'none', dueAt: iso(dueAt), overdue: ctx.now >= dueAt });
  }
  return items;
}
