/**
 * Words and links for any "Due next" item: report deadlines, escalations,
 * handover confirmations (escalating past their limit) and daily reports.
 */
import type { TFunction } from 'i18next';
import type { DueItem } from '../../shared/contract';
import type { TargetFallback } from '../../shared/contract/escalation';
import { localDate } from '../../shared/time';
import { formatDateTime, formatTime } from './format';

const registerPaths = { petition: '/petitions', ledger: '/ledger', document: '/documents' } as const;

/** " 白班" after a date: the outgoing shift's name, where the desk names it. */
export const shiftWords = (shiftName: string): string => (shiftName ? ` ${shiftName}` : '');

/** The handover page of one shift change. */
export const handoverLink = (dutyDate: string, shiftId: number): string => `/handover?date=${dutyDate}&shift=${shiftId}`;

/** The item's first line: what is due. */
export function dueLabel(t: TFunction, i: DueItem): string {
  switch (i.kind) {
    case 'report':
      return t('due.report', { kind: t(`incidents.deadline.${i.deadlineKind}`) });
    case 'escalation':
      if (i.inform) return t('due.inform', { target: t(`incidents.target.${i.target}`) });
      return i.exhausted ? t('due.exhausted') : t('due.escalation', { step: i.stepIndex + 1, target: t(`incidents.target.${i.target}`) });
    case 'handover':
      if (!i.escalation) return t('handover.due.waiting', { date: i.dutyDate, shift: shiftWords(i.shiftName) });
      if (i.acknowledged) return t('handover.due.acknowledged', { name: i.acknowledged.byName });
      return i.escalation.exhausted
        ? t('handover.due.exhausted')
        : t('handover.due.escalation', { step: i.escalation.stepIndex + 1, target: t(`incidents.target.${i.escalation.target}`) });
    case 'dailyReport':
      return t('reports.due.label', { kind: t('reports.kind.daily'), date: i.reportDate });
    case 'register':
      return t(`registers.due.${i.what}`);
  }
}

/** What the item is about (incident number and title, the duty day, the report date). */
export function dueSubject(t: TFunction, i: DueItem): string {
  switch (i.kind) {
    case 'report':
    case 'escalation':
      return `${i.incidentNo} ${i.title}`;
    case 'handover':
      return `${t('handover.title')} ${i.dutyDate}${shiftWords(i.shiftName)} · ${t(`handover.state.${i.state}`)}`;
    case 'dailyReport':
      return `${t('reports.kind.daily')} ${i.reportDate} · ${t(`reports.state.${i.state}`)}`;
    case 'register':
      return `${i.no} ${i.title}`;
  }
}

/** Where the item is dealt with. */
export function dueLink(i: DueItem): string {
  switch (i.kind) {
    case 'report':
    case 'escalation':
      return `/incidents/${i.incidentId}`;
    case 'handover':
      return handoverLink(i.dutyDate, i.shiftId);
    case 'dailyReport':
      return `/reports?date=${i.reportDate}`;
    case 'register':
      return `${registerPaths[i.register]}/${i.recordId}`;
  }
}

/** Whom the item's current escalation step calls, if it has one. */
export function dueTarget(i: DueItem): { name: string | null; phone: string | null; fallback: TargetFallback | null } | null {
  if (i.kind === 'escalation') return { name: i.targetName, phone: i.targetPhone, fallback: i.targetFallback };
  if (i.kind === 'handover' && i.escalation) return { name: i.escalation.targetName, phone: i.escalation.targetPhone, fallback: i.escalation.targetFallback };
  return null;
}

/** Escalating and exhausted steps count as escalations for the alarm (a handover's until the leader acknowledged it). */
export const isEscalating = (i: DueItem): boolean => i.kind === 'escalation' || (i.kind === 'handover' && i.escalation !== null && i.acknowledged === null);

/** A handover whose escalation the leader on duty acknowledged (已知悉): listed and red until accepted, no longer ringing. */
export const isAcknowledged = (i: DueItem): boolean => i.kind === 'handover' && i.acknowledged !== null;
export const isExhausted = (i: DueItem): boolean => (i.kind === 'escalation' && i.exhausted) || (i.kind === 'handover' && (i.escalation?.exhausted ?? false));

/** When a deadline falls: its time today, its date and time on another day (an overdue 日报 of last Thursday is not just "17:00"). */
export const dueWhen = (dueAt: string, now: number, tz: string): string =>
  localDate(Date.parse(dueAt), tz) === localDate(now, tz) ? formatTime(dueAt, tz) : formatDateTime(dueAt, tz);
