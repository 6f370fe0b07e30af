/**
 * Reading the audit chain for people: a filtered page, and a CSV export for
 * inspectors by local date range.
 */
import type { Db } from '../store/connection';
import type { AuditEvent } from '../../../shared/audit';
import { rowToAuditEvent } from './chain';
import { timeClause } from './time';
import { addDays, localDateTime, localInstant } from '../../../shared/time';

/** `[from 00:00, to + 1 day 00:00)` as ISO strings comparable with `audit_log.at`. */
export function dateRangeToInstants(from: string, to: string, timeZone: string): { start: string; end: string } {
  return { start: new Date(localInstant(from, 0, timeZone)).toISOString(), end: new Date(localInstant(addDays(to, 1), 0, timeZone)).toISOString() };
}

export interface AuditFilter {
  start: string;
  end: string;
  entity?: string | undefined;
  actor?: string | undefined;
  beforeSeq?: number | undefined;
}

function where(db: Db, f: AuditFilter): { sql: string; params: (string | number)[] } {
  const time = timeClause(db, f.start, f.end);
  const clauses = [time.sql];
  const params: (string | number)[] = [...time.params];
  if (f.entity) {
    clauses.push('entity = ?');
    params.push(f.entity);
  }
  if (f.actor) {
    clauses.push('actor = ?');
    params.push(f.actor);
  }
  return { sql: clauses.join(' AND '), params };
}

/** A page of rows, newest first. */
export function listAudit(db: Db, f: AuditFilter, limit: number): { rows: AuditEvent[]; total: number } {
  const w = where(db, f);
  const total = (db.prepare(`SELECT count(*) AS n FROM audit_log WHERE ${w.sql}`).get(...w.params) as { n: number }).n;
  const page = f.beforeSeq ? `${w.sql} AND seq < ?` : w.sql;
  const params = f.beforeSeq ? [...w.params, f.beforeSeq] : w.params;
  const rows = db.prepare(`SELECT * FROM audit_log WHERE ${page} ORDER BY seq DESC LIMIT ?`).all(...params, limit) as Parameters<typeof rowToAuditEvent>[0][];
  return { rows: rows.map(rowToAuditEvent), total };
}

/**
 * One CSV cell: quoted, quotes doubled, and a leading = + - @ tab or CR
 * neutralised with an apostrophe so spreadsheets never run it as a formula
 * (OWASP "CSV injection").
 */
export function csvCell(v: unknown): string {
  let s = v === null || v === undefined ? '' : String(v);
  if (/^[=+\-@\t\r]/u.test(s)) s = `'${s}`;
  return `"${s.replace(/"/gu, '""')}"`;
}

export const auditCsvHeader = ['序号 seq', '时间 time', '操作人 actor', '操作 action', '对象 entity', '对象编号 entity id', '原因 reason', '变更前 before', '变更后 after', '前一哈希 prev hash', '哈希 hash'];

/** The rows of a date range as CSV (oldest first), with a BOM so Excel reads UTF-8. */
export function auditCsv(db: Db, f: AuditFilter, formatTime: (iso: string) => string): { content: string; rows: number } {
  const w = where(db, f);
  const lines = [auditCsvHeader.map(csvCell).join(',')];
  let n = 0;
  for (const r of db.prepare(`SELECT * FROM audit_log WHERE ${w.sql} ORDER BY seq`).iterate(...w.params) as IterableIterator<Parameters<typeof rowToAuditEvent>[0]>) {
    const e = rowToAuditEvent(r);
    lines.push([e.seq, formatTime(e.at), e.actor, e.action, e.entity, e.entityId, e.reason, e.before, e.after, e.prevHash, e.hash].map(csvCell).join(','));
    n += 1;
  }
  return { content: `\uFEFF${lines.join('\r\n')}\r\n`, rows: n };
}

/** `2026-11-25 21:40:05` in the desk's zone. */
export const formatLocalTime = (iso: string, timeZone: string): string => localDateTime(Date.parse(iso), timeZone);
