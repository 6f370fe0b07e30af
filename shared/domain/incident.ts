/**
 * Incident vocabulary: categories, sub-types, levels, statuses, report kinds.
 *
 * Categories and sub-types follow 突发事件应对法 (2024 rev.) Art. 2 and the
 * national overall emergency plan; levels Ⅰ–Ⅳ follow Art. 3. Pure data and
 * helpers, used by the core and the renderer alike.
 */

export const incidentCategories = ['natural', 'accident', 'health', 'social'] as const;
export type IncidentCategory = (typeof incidentCategories)[number];

/** Sub-types per category (national overall plan); `other` is always allowed. */
export const incidentSubTypes = {
  natural: ['flood_drought', 'meteorological', 'earthquake', 'geological', 'marine', 'biological', 'forest_fire', 'other'],
  accident: ['industrial', 'road_traffic', 'other_transport', 'fire', 'facility', 'environment', 'other'],
  health: ['epidemic', 'unexplained_illness', 'food_occupational', 'animal_epidemic', 'other'],
  social: ['terrorism', 'economic', 'foreign', 'mass', 'other'],
} as const satisfies Record<IncidentCategory, readonly string[]>;
export type IncidentSubType = (typeof incidentSubTypes)[IncidentCategory][number];
export const allSubTypes: readonly IncidentSubType[] = [...new Set(Object.values(incidentSubTypes).flat())];

export const isSubTypeOf = (category: IncidentCategory, subType: string): boolean =>
  (incidentSubTypes[category] as readonly string[]).includes(subType);

/** Ⅰ = 特别重大 … Ⅳ = 一般; the smaller the number the graver the event. */
export const incidentLevels = [1, 2, 3, 4] as const;
export type IncidentLevel = (typeof incidentLevels)[number];

export const levelRoman: Record<IncidentLevel, string> = { 1: 'Ⅰ', 2: 'Ⅱ', 3: 'Ⅲ', 4: 'Ⅳ' };
/** Official colours (UX: never colour alone, always with the word). */
export const levelColor: Record<IncidentLevel, 'red' | 'orange' | 'yellow' | 'blue'> = { 1: 'red', 2: 'orange', 3: 'yellow', 4: 'blue' };

export const incidentStatuses = ['open', 'handling', 'closed'] as const;
export type IncidentStatus = (typeof incidentStatuses)[number];

/** Allowed status moves: open → handling → closed; a closed incident may be reopened (to handling) with a reason. */
export function canMoveStatus(from: IncidentStatus, to: IncidentStatus): boolean {
  if (from === to) return false;
  if (from === 'open') return to === 'handling' || to === 'closed';
  if (from === 'handling') return to === 'closed';
  return to === 'handling';
}

export const reportKinds = ['first', 'followup', 'final'] as const;
export type ReportKind = (typeof reportKinds)[number];

export const reportMethods = ['phone', 'written', 'fax', 'system'] as const;
export type ReportMethod = (typeof reportMethods)[number];
/** A written report (书面报告) is anything that leaves a document: written, fax or system. */
export const isWrittenMethod = (m: ReportMethod): boolean => m !== 'phone';

const cnDigits = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1 → 一, 10 → 十, 12 → 十二, 21 → 二十一, 100+ → Arabic digits. */
export function chineseNumber(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n >= 100) return String(n);
  if (n < 10) return cnDigits[n]!;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : cnDigits[tens]!}十${ones === 0 ? '' : cnDigits[ones]!}`;
}

/** The title of a report in the chain: 首报, 续报一, 续报二 …, 终报. */
export function reportTitle(kind: ReportKind, followupNo: number | null): string {
  if (kind === 'first') return '首报';
  if (kind === 'final') return '终报';
  return `续报${chineseNumber(followupNo ?? 1)}`;
}

/** English title of a report in the chain. */
export function reportTitleEn(kind: ReportKind, followupNo: number | null): string {
  if (kind === 'first') return 'First report';
  if (kind === 'final') return 'Final report';
  return `Follow-up ${followupNo ?? 1}`;
}

/**
 * Which report kinds may be filed next.
 *
 * 首报 first and only once; then 续报 any number of times; 终报 closes the
 * chain (nothing after it).
 */
export function nextReportKinds(filed: { kind: ReportKind }[]): ReportKind[] {
  if (filed.length === 0 || !filed.some((r) => r.kind === 'first')) return ['first'];
  if (filed.some((r) => r.kind === 'final')) return [];
  return ['followup', 'final'];
}
