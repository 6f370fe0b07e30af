/**
 * The small SQL helpers the registers share (store/stmt.ts): the next number
 * of a year and a text search over several columns.
 */
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { likeAny, nextYearNo } from '../../electron/core/store/stmt';

const db = new Database(':memory:');
db.exec('CREATE TABLE t (no TEXT, a TEXT, b TEXT); CREATE TABLE n (no TEXT)');

describe('nextYearNo', () => {
  it('counts per prefix and year, past the padding width, and starts again each year', () => {
    expect(nextYearNo(db, 't', 'SW', '2026', 4)).toBe('SW2026-0001');
    db.prepare('INSERT INTO t (no) VALUES (?), (?), (?), (?)').run('SW2026-0009', 'SW2026-0010', 'SW2025-0500', 'DB2026-0777');
    expect(nextYearNo(db, 't', 'SW', '2026', 4)).toBe('SW2026-0011');
    expect(nextYearNo(db, 't', 'SW', '2027', 4)).toBe('SW2027-0001');
    db.prepare('INSERT INTO t (no) VALUES (?)').run('DB2026-999');
    expect(nextYearNo(db, 't', 'DB', '2026', 3)).toBe('DB2026-1000');
  });

  it('works without a prefix (incidents: 2026-0001)', () => {
    db.prepare('INSERT INTO n (no) VALUES (?), (?)').run('2026-0041', '2025-0100');
    expect(nextYearNo(db, 'n', '', '2026', 4)).toBe('2026-0042');
  });
});

describe('likeAny', () => {
  it('finds the text in any column and treats %, _ and \\ as themselves', () => {
    db.prepare('INSERT INTO t (no, a, b) VALUES (?, ?, ?), (?, ?, ?), (?, ?, ?)').run('x1', '100%完成', null, 'x2', null, 'a_b', 'x3', '其他', 'c\\d');
    const find = (q: string) => {
      const s = likeAny(['a', 'b'], q);
      return (db.prepare(`SELECT no FROM t WHERE ${s.sql} ORDER BY no`).all(...s.params) as { no: string }[]).map((r) => r.no);
    };
    expect(find('完成')).toEqual(['x1']);
    expect(find('%')).toEqual(['x1']);
    expect(find('_')).toEqual(['x2']);
    expect(find('\\')).toEqual(['x3']);
    expect(find('a_b')).toEqual(['x2']);
    expect(find('不存在')).toEqual([]);
  });
});
