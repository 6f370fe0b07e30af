/**
 * People (通讯录): the unit's own staff, who can be rostered and can log in.
 *
 * People are never deleted: they are deactivated, so old rosters and log
 * entries keep pointing at a real row.
 */
import { defined, stmt } from '../store/stmt';
import type { Db } from '../store/connection';
import type { Person } from '../../../shared/contract';
import type { PersonRole } from '../../../shared/roles';
import { initialsOf, matchesQuery } from './search-text';

interface PersonRow {
  id: number;
  name: string;
  department: string | null;
  title: string | null;
  office_phone: string | null;
  mobile: string | null;
  roles: string;
  active: number;
  sort_order: number;
  initials: string;
  updated_at: string;
}

export const rowToPerson = (r: PersonRow): Person => ({
  id: r.id,
  name: r.name,
  department: r.department,
  title: r.title,
  officePhone: r.office_phone,
  mobile: r.mobile,
  roles: JSON.parse(r.roles) as PersonRole[],
  active: r.active === 1,
  sortOrder: r.sort_order,
  initials: r.initials,
  updatedAt: r.updated_at,
});

export type PersonFields = Omit<Person, 'id' | 'active' | 'initials' | 'updatedAt'>;

export function getPerson(db: Db, id: number): Person | null {
  const r = stmt(db, 'SELECT * FROM people WHERE id = ?').get(id) as PersonRow | undefined;
  return r ? rowToPerson(r) : null;
}

export function listPeople(db: Db, opts: { query?: string; includeInactive?: boolean } = {}): Person[] {
  const rows = stmt(
    db,
    `SELECT * FROM people ${opts.includeInactive ? '' : 'WHERE active = 1'} ORDER BY active DESC, sort_order, id`,
  ).all() as PersonRow[];
  const people = rows.map(rowToPerson);
  const q = opts.query?.trim();
  if (!q) return people;
  return people.filter((p) => matchesQuery(q, [p.name, p.department, p.title, p.officePhone, p.mobile], p.initials));
}

export function insertPerson(db: Db, f: PersonFields, at: string): Person {
  const info = stmt(
    db,
    `INSERT INTO people (name, department, title, office_phone, mobile, roles, active, sort_order, initials, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?)`,
  ).run(f.name, f.department, f.title, f.officePhone, f.mobile, JSON.stringify(f.roles), f.sortOrder, initialsOf(f.name), at, at);
  return getPerson(db, Number(info.lastInsertRowid))!;
}

export function updatePerson(db: Db, id: number, f: Partial<PersonFields> & { active?: boolean }, at: string): Person {
  const cur = getPerson(db, id)!;
  const n = { ...cur, ...defined(f) };
  stmt(
    db,
    `UPDATE people SET name = ?, department = ?, title = ?, office_phone = ?, mobile = ?, roles = ?, active = ?,
       sort_order = ?, initials = ?, updated_at = ? WHERE id = ?`,
  ).run(
    n.name,
    n.department,
    n.title,
    n.officePhone,
    n.mobile,
    JSON.stringify(n.roles),
    n.active ? 1 : 0,
    n.sortOrder,
    initialsOf(n.name),
    at,
    id,
  );
  return getPerson(db, id)!;
}
