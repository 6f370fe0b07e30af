/**
 * Report deadlines: rules per level with national defaults, and their states.
 *
 * National defaults (国务院应急办 notice of 2015-07-31): for 重大 (Ⅱ) and
 * 特别重大 (Ⅰ) events, a phone report within 30 minutes and a written report
 * within 1 hour of learning of the event. Desks may apply the same to 较大
 * or tighten it (one county: 20 / 40 minutes), so every figure is a setting.
 *
 * Work-safety accidents of every grade (生产安全事故报告和调查处理条例,
 * 国务院令第493号): the unit's head reports to the county-level authority
 * within 1 hour of the accident (Art. 9); each level passes it up within
 * 2 hours (Art. 11). A desk is either a government/department duty office
 * (it passes the report up: 2 h from learning of it) or the accident unit's
 * own (1 h from the accident). The first-report deadline is the tighter of
 * the level rule and the accident rule, and records which rule set it.
 *
 * 补报 (Art. 13): within 30 days of the accident a change in casualty
 * figures is reported again; road traffic and fire accidents within 7 days.
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

/** Which duty office this desk is, for the accident rule (Art. 9 or Art. 11). */
export const accidentRoles = ['government', 'unit'] as const;
export type AccidentRole = (typeof accidentRoles)[number];

export interface AccidentRule {
  role: AccidentRole;
  /** Art. 9: the accident unit reports within this many minutes of the accident (60); null = off. */
  unitMinutes: number | null;
  /** Art. 11: each level passes the report up within this many minutes of learning of it (120); null = off. */
  levelMinutes: number | null;
}

export interface ReportRules {
  levels: LevelRule[];
  /** Work-safety accidents of every grade (Order 493 Art. 9 / Art. 11). */
  accident: AccidentRule;
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

export const nationalAccidentRule: AccidentRule = { role: 'government', unitMinutes: 60, levelMinutes: 120 };

export const nationalReportRules: ReportRules = {
  levels: [
    { level: 1, phoneMinutes: 30, writtenMinutes: 60 },
    { level: 2, phoneMinutes: 30, writtenMinutes: 60 },
    { level: 3, phoneMinutes: null, writtenMinutes: null },
    { level: 4, phoneMinutes: null, writtenMinutes: null },
  ],
  accident: nationalAccidentRule,
  supplementDays: 30,
  supplementDaysRoadFire: 7,
  supplementDueMinutes: 120,
};

export const deadlineKinds = ['phone', 'written', 'supplement'] as const;
export type DeadlineKind = (typeof deadlineKinds)[number];

/** The rule that set a deadline, shown beside it as its source. */
export const deadlineBases = ['levelRule', 'order493Art9', 'order493Art11', 'order493Art13'] as const;
export type DeadlineBasis = (typeof deadlineBases)[number];

export interface DeadlineSpec {
  kind: DeadlineKind;
  /** Epoch ms. */
  dueAt: number;
  basis: DeadlineBasis;
}

/** What an incident's deadlines depend on. */
export interface DeadlineSubject {
  level: IncidentLevel;
  category: IncidentCategory;
  subType: IncidentSubType;
  /** Epoch ms. */
  occurredAt: number;
  /** Epoch ms. */
  learnedAt: number;
}

const minute = 60_000;
const day = 86_400_000;

export function ruleFor(rules: ReportRules, level: IncidentLevel): LevelRule {
  return rules.levels.find((r) => r.level === level) ?? { level, phoneMinutes: null, writtenMinutes: null };
}

/**
 * The first-report ("phone": any report meets it) and written deadlines of an incident.
 *
 * Level rule: minutes after learned-at. A work-safety accident of any grade
 * also has the Order 493 deadline (Art. 11 from learned-at on a government
 * desk, Art. 9 from the accident on the unit's own); the first-report
 * deadline is the earlier of the two, labelled with the rule that set it.
 */
export function reportDeadlines(subject: DeadlineSubject, rules: ReportRules): DeadlineSpec[] {
  const r = ruleFor(rules, subject.level);
  const out: DeadlineSpec[] = [];
  let first: DeadlineSpec | null = r.phoneMinutes !== null ? { kind: 'phone', dueAt: subject.learnedAt + r.phoneMinutes * minute, basis: 'levelRule' } : null;
  const acc = accidentDeadline(subject, rules.accident);
  if (acc && (!first || acc.dueAt < first.dueAt)) first = acc;
  if (first) out.push(first);
  if (r.writtenMinutes !== null) out.push({ kind: 'written', dueAt: subject.learnedAt + r.writtenMinutes * minute, basis: 'levelRule' });
  return out;
}

/** The Order 493 first-report deadline of a work-safety accident, or null. */
export function accidentDeadline(subject: DeadlineSubject, rule: AccidentRule): DeadlineSpec | null {
  if (!isWorkSafetyGraded(subject.category, subject.subType)) return null;
  if (rule.role === 'unit') {
    return rule.unitMinutes === null ? null : { kind: 'phone', dueAt: subject.occurredAt + rule.unitMinutes * minute, basis: 'order493Art9' };
  }
  return rule.levelMinutes === null ? null : { kind: 'phone', dueAt: subject.learnedAt + rule.levelMinutes * minute, basis: 'order493Art11' };
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
