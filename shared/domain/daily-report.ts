/**
 * The daily report (值班日报) and the zero report (零报告): period, deadline and
 * the rule that decides between them.
 *
 * "日报告、零报告" (DOMAIN §6): every day by a set hour (17:00 in most offices,
 * 15:00 in some — a setting) the desk reports the last 24 hours to the higher
 * duty office: "每日17时前将日报表汇总上报". A desk may instead report each duty
 * day at its handover. When nothing reportable happened, it files a zero
 * report in the standard wording — "有事报事，无事报平安" — still signed and sent.
 */
import { addDays, localDate, localInstant } from '../time';
import { dutyDayBounds } from './duty-day';

export const dailyReportModes = ['clock', 'handover'] as const;
export type DailyReportMode = (typeof dailyReportModes)[number];

export interface DailyReportRules {
  /** `clock`: the 24 hours up to the cutoff, due at the cutoff; `handover`: the duty day, due at its handover. */
  mode: DailyReportMode;
  /** The cutoff (and deadline) in minutes after local midnight: 17:00 = 1020. */
  cutoffMinutes: number;
  /** The higher office the report goes to (default recipient). */
  recipient: string;
  /**
   * The zero report's wording when a superior office prescribes one
   * (`{时段}` stands for the period); absent or null: the standard wording.
   */
  zeroWording?: string | null;
}

export const defaultDailyReportRules: DailyReportRules = { mode: 'clock', cutoffMinutes: 17 * 60, recipient: '上级值班室' };

/** The period [start, end) a report date covers and when its report is due, epoch ms. */
export function dailyReportWindow(
  date: string,
  rules: Pick<DailyReportRules, 'mode' | 'cutoffMinutes'>,
  tz: string,
  handoverMinutes: number,
): { start: number; end: number; dueAt: number } {
  if (rules.mode === 'handover') {
    const b = dutyDayBounds(date, tz, handoverMinutes);
    return { start: b.start, end: b.end, dueAt: b.end };
  }
  const end = localInstant(date, rules.cutoffMinutes, tz);
  return { start: localInstant(addDays(date, -1), rules.cutoffMinutes, tz), end, dueAt: end };
}

/** The report date whose period contains `ms` (the report that is being gathered now). */
export function reportDateOf(ms: number, rules: Pick<DailyReportRules, 'mode' | 'cutoffMinutes'>, tz: string, handoverMinutes: number): string {
  const guess = localDate(ms, tz);
  for (const d of [addDays(guess, -1), guess, addDays(guess, 1)]) {
    const w = dailyReportWindow(d, rules, tz, handoverMinutes);
    if (ms >= w.start && ms < w.end) return d;
  }
  return guess;
}

/** What a report period held, counted; the sections of other domains add their own. */
export interface ReportableCounts {
  /** Incidents learned of in the period (not voided). */
  incidents: number;
  /** Incident reports (首报/续报/终报) filed in the period. */
  incidentReports: number;
  /** Escalations started in the period. */
  escalations: number;
  /** Reportable items contributed by other domains' sections (petitions, supervised items …). */
  sectionItems: number;
}

/**
 * Whether the period calls for a zero report.
 *
 * Reportable: an incident learned of, an incident report filed or an
 * escalation started in the period, or any item a domain's section marks
 * reportable (a petition batch, an overdue supervised item). Routine duty —
 * calls, notices, incoming documents, presence checks, attendance, the
 * handover — is counted in the report's tables but does not by itself make
 * a day "有事".
 */
export const isZeroReport = (c: ReportableCounts): boolean =>
  c.incidents === 0 && c.incidentReports === 0 && c.escalations === 0 && c.sectionItems === 0;

/** `2026年11月25日17时` in the desk's zone, for the zero report's wording. */
export function chineseHour(parts: { year: number; month: number; day: number; hour: number }): string {
  return `${parts.year}年${parts.month}月${parts.day}日${parts.hour}时`;
}

/**
 * How an incident stands in the report: 有迟报 (a report late, or a deadline passed unmet), 待报 (a deadline still
 * open), 按时报告 (every deadline met in time). Where no deadline ever applied (the level's rule sets none) it did not
 * meet one "on time": 无时限 when reported, 未报告（无时限） when not.
 */
export function incidentReportState(c: {
  reports: number;
  lateReports: number;
  /** Deadline states of the incident's deadlines in force (met, metLate, pending, overdue). */
  deadlines: readonly ('met' | 'metLate' | 'pending' | 'overdue')[];
}): 'onTime' | 'late' | 'pending' | 'noDeadline' | 'notReported' {
  if (c.lateReports > 0 || c.deadlines.some((d) => d === 'overdue' || d === 'metLate')) return 'late';
  if (c.deadlines.some((d) => d === 'pending')) return 'pending';
  if (c.deadlines.length > 0) return 'onTime';
  return c.reports > 0 ? 'noDeadline' : 'notReported';
}
