import type { BackupReason } from "../../../shared/contract/backup";
import { localDate } from '../../../shared/time';

export interface RetentionPolicy {
  keepHourly: number;
  keepDaily: number;
  /** IANA time zone of the desk, for day boundaries. */
  timeZone: string;
}

export interface RetentionItem {
  fileName: string;
  reason: BackupReason;
  /** Epoch ms. */
  createdAt: number;
}

const rotating: ReadonlySet<BackupReason> = new Set(['hourly', 'handover']);

/** The local date of an instant (the one time engine's). */
export const localDay = localDate;

/** The file names to delete under `policy`. */
export function backupsToDelete(items: readonly RetentionItem[], policy: RetentionPolicy): string[] {
  const candidates = items.filter((i) => rotating.has(i.reason)).sort((a, b) => b.createdAt - a.createdAt || (a.fileName < b.fileName ? 1 : -1));
  const keep = new Set<string>(candidates.slice(0, policy.keepHourly).map((i) => i.fileName));
  const days = new Set<string>();
  for (const i of candidates) {
    const day = localDay(i.createdAt, policy.timeZone);
    if (days.has(day)) continue;
    if (days.size >= policy.keepDaily) break;
    days.add(day);
    keep.add(i.fileName);
  }
  return candidates.filter((i) => !keep.has(i.fileName)).map((i) => i.fileName);
}
