/**
 * The petition statistics table (信访情况统计表) as rows: the same rows on
 * screen, on the printed A4 page and in the Excel sheet. Words come from the
 * caller (`label`, `count`, `change`), so each side speaks its language.
 */
import type { PetitionStats, PetitionStatsBlock } from '../contract/petitions';
import { petitionForms, isVisitForm, type Count } from './petition';

export interface StatsRow {
  key: string;
  label: string;
  /** Indent level: 0 a heading row, 1 a row under it. */
  depth: 0 | 1;
  current: string;
  previous: string;
  /** 环比 */
  mom: string;
  lastYear: string;
  /** 同比 */
  yoy: string;
}

export interface StatsWords {
  label: (key: string, params?: Record<string, string>) => string;
  /** "3批25人次" */
  count: (c: Count) => string;
  /** "5件" for forms counted in pieces. */
  pieces: (c: Count) => string;
  /** "上升50%" / "持平" … */
  change: (current: number, earlier: number) => string;
}

type Pick = (b: PetitionStatsBlock) => Count;

export function statsRows(s: PetitionStats, w: StatsWords): StatsRow[] {
  const rows: StatsRow[] = [];
  const add = (key: string, label: string, depth: 0 | 1, pick: Pick, asPieces = false): void => {
    const [c, p, y] = [pick(s.current), pick(s.previous), pick(s.lastYear)];
    const fmt = asPieces ? w.pieces : w.count;
    // One word when batches and person-times moved alike (持平, —); both figures otherwise.
    const change = (a: Count, b: Count): string => {
      const byBatch = w.change(a.batches, b.batches);
      const byPerson = w.change(a.personTimes, b.personTimes);
      if (asPieces || byBatch === byPerson) return byBatch;
      return `${w.label('batches')}${byBatch}，${w.label('personTimes')}${byPerson}`;
    };
    rows.push({ key, label, depth, current: fmt(c), previous: fmt(p), mom: change(c, p), lastYear: fmt(y), yoy: change(c, y) });
  };
  add('visits', w.label('visitsTotal'), 0, (b) => b.visits);
  for (const l of [...s.levels].reverse()) add(`level.${l}`, w.label(`level.${l}`), 1, (b) => b.byLevel[l]);
  add('group', w.label('group'), 1, (b) => b.group);
  add('abnormal', w.label('abnormal'), 1, (b) => b.abnormal);
  add('repeat', w.label('repeat'), 1, (b) => b.repeat);
  add('total', w.label('allForms'), 0, (b) => b.total);
  for (const f of petitionForms) add(`form.${f}`, w.label(`form.${f}`), 1, (b) => b.byForm[f], !isVisitForm(f));
  const cats = [...new Set([...s.categories, ...Object.keys(s.current.byCategory)])];
  rows.push({ key: 'categories', label: w.label('byCategory'), depth: 0, current: '', previous: '', mom: '', lastYear: '', yoy: '' });
  const ofCat = (c: string) => (b: PetitionStatsBlock): Count => b.byCategory[c] ?? { batches: 0, personTimes: 0 };
  // Categories with nothing in any of the three periods would only lengthen the page.
  for (const c of cats) if ([s.current, s.previous, s.lastYear].some((b) => ofCat(c)(b).batches > 0)) add(`category.${c}`, c, 1, ofCat(c));
  return rows;
}
