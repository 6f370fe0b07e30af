/**
 * Finding audit rows by time without an index on `audit_log.at`.
 *
 * The chain is ordered by `seq`, and `at` follows the desk's clock, so it
 * only ever goes down where the clock was set back. `appendAudit` records
 * each such row in `audit_time_breaks` (same transaction as the row). Between
 * two breaks `at` never decreases, so the rows of a time range are one
 * contiguous run of seqs per segment, found by binary search on the table's
 * own key: a few dozen point reads instead of an index page written and
 * fsync'd with every change the desk makes.
 */
import type { Db } from '../store/connection';

/** More segments than this (a desk whose clock was set back very often): plain scan instead. */
const maxRanges = 64;

type SeqRange = readonly [from: number, to: number];

const hasBreakList = (db: Db): boolean =>
  db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'audit_time_breaks'").get() !== undefined;

function lookups(db: Db) {
  return {
    // The first existing row at or after `seq` (rows are never deleted, but a damaged chain may have gaps).
    atFrom: db.prepare('SELECT seq, at FROM audit_log WHERE seq >= ? ORDER BY seq LIMIT 1'),
    last: db.prepare('SELECT seq FROM audit_log ORDER BY seq DESC LIMIT 1'),
    breaks: db.prepare('SELECT seq FROM audit_time_breaks ORDER BY seq'),
  };
}

/** First seq in [lo, hi) whose row's `at` ≥ `t` (hi when none); `at` is non-decreasing there. */
function lowerBound(atFrom: ReturnType<typeof lookups>['atFrom'], lo: number, hi: number, t: string): number {
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    const row = atFrom.get(mid) as { seq: number; at: string } | undefined;
    if (!row || row.seq >= hi || row.at >= t) hi = mid;
    else lo = row.seq + 1;
  }
  return lo;
}

/**
 * The seq ranges `[from, to)` holding exactly the rows with `start ≤ at < end`,
 * merged and ascending; `null` when there are too many clock breaks to be
 * worth it, or no break list (an unmigrated read-only file): the caller
 * then filters by `at` alone.
 */
export function seqRangesForTime(db: Db, start: string, end: string): SeqRange[] | null {
  // A damaged store opens read-only without migrating: an older file has no break list to trust.
  if (!hasBreakList(db)) return null;
  const q = lookups(db);
  const last = (q.last.get() as { seq: number } | undefined)?.seq;
  if (last === undefined) return [];
  const breaks = (q.breaks.all() as { seq: number }[]).map((b) => b.seq).filter((s) => s > 1 && s <= last);
  if (breaks.length + 1 > maxRanges) return null;
  const bounds = [1, ...breaks, last + 1];
  const out: [number, number][] = [];
  for (let i = 0; i + 1 < bounds.length; i += 1) {
    const lo = bounds[i]!;
    const hi = bounds[i + 1]!;
    const from = lowerBound(q.atFrom, lo, hi, start);
    const to = lowerBound(q.atFrom, from, hi, end);
    if (from >= to) continue;
    const prev = out[out.length - 1];
    if (prev && prev[1] === from) prev[1] = to;
    else out.push([from, to]);
  }
  return out;
}

/** SQL for "at in [start, end)" that the planner answers by rowid ranges, with its parameters. */
export function timeClause(db: Db, start: string, end: string): { sql: string; params: (string | number)[] } {
  const ranges = seqRangesForTime(db, start, end);
  // The `at` test stays, so the ranges only have to cover the answer, not match it.
  const atTest = { sql: 'at >= ? AND at < ?', params: [start, end] };
  if (ranges === null) return atTest;
  if (ranges.length === 0) return { sql: '0', params: [] };
  const seqSql = ranges.map(() => '(seq >= ? AND seq < ?)').join(' OR ');
  return { sql: `(${seqSql}) AND ${atTest.sql}`, params: [...ranges.flat(), ...atTest.params] };
}
