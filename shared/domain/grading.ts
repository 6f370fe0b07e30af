/**
 * Work-safety accident grading (生产安全事故报告和调查处理条例, 国务院令第493号, Art. 3).
 *
 * A grade is reached by any one criterion; the gravest criterion wins.
 * Art. 3 (last paragraph): "以上"包括本数，"以下"不包括本数 — so 30 deaths is
 * 特别重大 and 29 is 重大; 10,000,000 yuan is 较大 and 9,999,999 is 一般.
 */
import type { IncidentCategory, IncidentLevel, IncidentSubType } from './incident';

export interface GradingInput {
  deaths: number;
  /**
   * Missing persons count with the dead for grading (生产安全事故统计调查制度:
   * 死亡（含失踪）人数; Art. 12 lists 伤亡人数 including the missing).
   */
  missing: number;
  /** 重伤 including acute industrial poisoning (Art. 3: 包括急性工业中毒). */
  seriousInjuries: number;
  /** Estimated direct economic loss in yuan. */
  directLossYuan: number;
}

export type GradingBasis = 'deaths' | 'seriousInjuries' | 'directLoss';

export interface GradeSuggestion {
  level: IncidentLevel;
  /** The criteria that reached this level (empty for 一般 reached by none). */
  basis: GradingBasis[];
}

/** Lower bounds ("以上", inclusive) of levels Ⅰ, Ⅱ, Ⅲ per criterion. Art. 3 (一)(二)(三). */
export const gradingThresholds: Record<GradingBasis, [number, number, number]> = {
  deaths: [30, 10, 3],
  seriousInjuries: [100, 50, 10],
  directLoss: [100_000_000, 50_000_000, 10_000_000],
};

function levelFor(value: number, bounds: [number, number, number]): IncidentLevel {
  if (value >= bounds[0]) return 1;
  if (value >= bounds[1]) return 2;
  if (value >= bounds[2]) return 3;
  return 4;
}

const clean = (n: number): number => (Number.isFinite(n) && n > 0 ? n : 0);

/** Suggests the grade of a work-safety accident from casualties and loss. */
export function gradeWorkSafety(input: GradingInput): GradeSuggestion {
  const values: Record<GradingBasis, number> = {
    deaths: clean(input.deaths) + clean(input.missing),
    seriousInjuries: clean(input.seriousInjuries),
    directLoss: clean(input.directLossYuan),
  };
  const per = (Object.keys(values) as GradingBasis[]).map((k) => ({ k, level: levelFor(values[k], gradingThresholds[k]) }));
  const level = Math.min(...per.map((p) => p.level)) as IncidentLevel;
  const basis = level === 4 ? [] : per.filter((p) => p.level === level).map((p) => p.k);
  return { level, basis };
}

/**
 * Whether Order 493's grading applies to an incident of this kind.
 *
 * Production-safety accidents: industrial/mining/commerce, road traffic and
 * other transport, fire, public facilities. Environmental pollution is graded
 * by its own plan; natural disasters, health and social events are not
 * graded by casualty counts here.
 */
export function isWorkSafetyGraded(category: IncidentCategory, subType: IncidentSubType): boolean {
  return category === 'accident' && subType !== 'environment';
}
