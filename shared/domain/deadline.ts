/**
 * Report deadlines: rules per level with national defaults, and their states.
 *
 * National defaults (国务院应急办 notice of 2015-07-31): for 重大 (Ⅱ) and
 * 特别重大 (Ⅰ) events, a phone report within 30 minutes and a written report
 * within 1 hour of learning of the event. Desks may apply the same to 较大
 * or tighten it (one county: 20 / 40 minutes), so every figure is a setting.
 *
 * 补报 (生产安全事故报告和调查处理条例 Art. 13): within 30 days of the
 * accident a change in casualty figures is reported again; road traffic and
 * fire accidents within 7 days.
 */
import type { IncidentCategory, IncidentLevel, IncidentSubType, ReportMethod } from './incident';
import { isWrittenMethod } from './incident';
import { isWorkSafetyGraded } from './grading';

export interface LevelRule {
  level: IncidentLevel;
  /** Minutes after learned-at for the first (phone) report; null = no fixed deadline. */
  phoneMinutes: number | null;
  /** Minutes after learned-at for the written report; null = no fixed deadline. */
  writtenMinutes: number | null;
}

export interface ReportRules {
  levels: LevelRule[];
  /** 补报 window after the accident, days (Art. 13: 30). */
  supplementDays: number;
  /** 补报 window for road traffic and fire accidents, days (Art. 13: 7). */
  supplementDaysRoadFire: number;
  /**
   * Minutes to report a change of casualty figures found inside the window.
   * Art. 13 says "及时"; the default follows Art. 11's 2 hours per level.
   */
  supplementDueMinutes: number;
}

export const nationalReportRules: ReportRules = {
  levels: [
    { level: 1, phoneMinutes: 30, writtenMinutes: 60 },
    { level: 2, phoneMinutes: 30, writtenMinutes: 60 },
    { level: 3, phoneMinutes: null, writtenMinutes: null },
    { level: 4, phoneMinutes: null, writtenMinutes: null },
  ],
  supplementDays: 30,
  supplementDaysRoadFire: 7,
  supplementDueMinutes: 120,
};

export const deadlineKinds = ['phone', 'written', 'supplement'] as const;
export type DeadlineKind = (typeof deadlineKinds)[number];

export interface DeadlineSpec {
  kind: DeadlineKind;
  /** Epoch ms. */
  dueAt: number;
}

const minute = 60_000;
const day = 86_400_000;

export function ruleFor(rules: ReportRules, level: IncidentLevel): LevelRule {
  return rules.levels.find((r) => r.level === level) ?? { level, phoneMinutes: null, writtenMinutes: null };
}

/** The phone and written deadlines of an incident of this level learned at `learnedAt`. */
export function reportDeadlines(level: IncidentLevel, learnedAt: number, rules: ReportRules): DeadlineSpec[] {
  const r = ruleFor(rules, level);
  const out: DeadlineSpec[] = [];
  if (r.phoneMinutes !== null) out.push({ kind: 'phone', dueAt: learnedAt + r.phoneMinutes * minute });
  if (r.writtenMinutes !== null) out.push({ kind: 'written', dueAt: learnedAt + r.writtenMinutes * minute });
  return out;
}

/** End of the 补报 window (epoch ms), or null when Art. 13 does not apply. */
export function supplementWindowEnd(
  category: IncidentCategory,
  subType: IncidentSubType,
  occurredAt: number,
  rules: ReportRules,
): number | null {
  if (!isWorkSafetyGraded(category, subType)) return null;
  const days = subType === 'road_traffic' || subType === 'fire' ? rules.supplementDaysRoadFire : rules.supplementDays;
  return occurredAt + days * day;
}

/**
 * The 补报 deadline for a casualty change made at `changedAt`, or null when
 * the change falls outside the window (or the window does not apply).
 */
export function supplementDeadline(windowEnd: number | null, changedAt: number, rules: ReportRules): number | null {
  if (windowEnd === null || changedAt > windowEnd) return null;
  return changedAt + rules.supplementDueMinutes * minute;
}

/** Whether a report sent by this method meets a deadline of this kind. */
export function meetsDeadline(kind: DeadlineKind, method: ReportMethod): boolean {
  // Any report, a phone call included, is the fast first report; the written deadline needs a document.
  return kind === 'written' ? isWrittenMethod(method) : true;
}

export type DeadlineState = 'pending' | 'overdue' | 'met' | 'metLate';

/**
 * The state of one deadline. Lateness is a fact about two instants and is
 * never recomputed away: a deadline met after it fell due is `metLate` forever.
 */
export function deadlineState(dueAt: number, metAt: number | null, now: number): DeadlineState {
  if (metAt !== null) return metAt > dueAt ? 'metLate' : 'met';
  return now > dueAt ? 'overdue' : 'pending';
}

/** Milliseconds left (negative when overdue). */
export const remainingMs = (dueAt: number, now: number): number => dueAt - now;

/** "剩 12:34" / "超时 01:02:03" style countdown text parts: sign and h:mm:ss. */
export function countdownParts(ms: number): { overdue: boolean; text: string } {
  const overdue = ms < 0;
  let s = Math.floor(Math.abs(ms) / 1000);
  const h = Math.floor(s / 3600);
  s -= h * 3600;
  const m = Math.floor(s / 60);
  s -= m * 60;
  const pad = (n: number) => String(n).padStart(2, '0');
  return { overdue, text: h > 0 ? `${h}:${pad(m)}:${pad(s)}` : `${pad(m)}:${pad(s)}` };
}
