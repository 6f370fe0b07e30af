/**
 * The petition statistics table in the user's language, and the periods a
 * user picks: a month, a sensitive period (两会, 国庆 …) or any range.
 */
import type { TFunction } from 'i18next';
import type { PetitionStats } from '../../../shared/contract';
import { changePercent, type Count } from '../../../shared/domain/petition';
import { statsRows, type StatsRow } from '../../../shared/domain/petition-table';
import { monthRange } from '../../../shared/time';

/** English plurals for the counts (1 batch, 2 batches). */
const en = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

export function statsTable(s: PetitionStats, t: TFunction, lang: string): StatsRow[] {
  const zh = lang.startsWith('zh');
  return statsRows(s, {
    label: (k) => t(`petitions.stats.${k}`),
    count: (c: Count) => (zh ? `${c.batches}批${c.personTimes}人次` : `${en(c.batches, 'batch', 'batches')}, ${en(c.personTimes, 'person-time', 'person-times')}`),
    pieces: (c: Count) => (zh ? `${c.batches}件` : en(c.batches, 'piece', 'pieces')),
    change: (a, b) => {
      const p = changePercent(a, b);
      if (p === null) return a === 0 ? t('petitions.stats.flat') : t('petitions.stats.noBase');
      if (p === 0) return t('petitions.stats.flat');
      return p > 0 ? t('petitions.stats.up', { p }) : t('petitions.stats.down', { p: -p });
    },
  });
}

/** "2026年11月1日至2026年11月30日" / "2026-11-01 – 2026-11-30". */
export function periodLabel(from: string, to: string, lang: string): string {
  if (!lang.startsWith('zh')) return from === to ? from : `${from} – ${to}`;
  const cn = (d: string) => `${Number(d.slice(0, 4))}年${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`;
  return from === to ? cn(from) : `${cn(from)}至${cn(to)}`;
}

export const monthPeriod = (month: string): { from: string; to: string } => monthRange(month);
