/**
 * Small helpers of the trust pages: downloads and problem texts.
 */
import type { TFunction } from 'i18next';
import type { AuditProblem } from '../../../shared/domain/audit-verify';
import { addDays, localDate } from '../../../shared/time';

/** Saves text as a file through the browser's download (Electron shows its save dialog). */
export function downloadText(fileName: string, content: string, type: string): void {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** "第 7 条记录被改动…" for a verifier problem. */
export const problemText = (t: TFunction, p: AuditProblem): string => t(`trust.problem.${p.kind}`, { seq: p.seq, ...p.details });

/** Today and 30 days ago as local dates (YYYY-MM-DD) for `now` in `tz`. */
export function defaultRange(now: number, tz: string): { from: string; to: string } {
  const to = localDate(now, tz);
  return { from: addDays(to, -30), to };
}

export const formatBytes = (n: number): string => (n >= 1 << 20 ? `${(n / (1 << 20)).toFixed(1)} MB` : `${Math.max(1, Math.round(n / 1024))} KB`);
