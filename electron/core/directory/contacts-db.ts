/**
 * External contacts: the superior duty office, neighbouring units, emergency services.
 */
import { defined, stmt } from '../store/stmt';
import type { Db } from '../store/connection';
import type { Contact, ContactKind } from '../../../shared/contract';
import { initialsOf, matchesQuery } from './search-text';

interface ContactRow {
  id: number;
  kind: string;
  name: string;
  unit: string | null;
  phone: string | null;
  mobile: string | null;
  fax: string | null;
  note: string | null;
  active: number;
  sort_order: number;
  initials: string;
  updated_at: string;
}

export const rowToContact = (r: ContactRow): Contact => ({
  id: r.id,
  kind: r.kind as ContactKind,
  name: r.name,
  unit: r.unit,
  phone: r.phone,
  mobile: r.mobile,
  fax: r.fax,
  note: r.note,
  active: r.active === 1,
  sortOrder: r.sort_order,
  initials: r.initials,
  updatedAt: r.updated_at,
});

export type ContactFields = Omit<Contact, 'id' | 'active' | 'initials' | 'updatedAt'>;

export function getContact(db: Db, id: number): Contact | null {
  const r = stmt(db, 'SELECT * FROM contacts WHERE id = ?').get(id) as ContactRow | undefined;
  return r ? rowToContact(r) : null;
}

export function listContacts(db: Db, opts: { query?: string; kind?: ContactKind; includeInactive?: boolean } = {}): Contact[] {
  const rows = stmt(
    db,
    `SELECT * FROM contacts ${opts.includeInactive ? '' : 'WHERE active = 1'} ORDER BY active DESC, kind, sort_order, id`,
  ).all() as ContactRow[];
  let out = rows.map(rowToContact);
  if (opts.kind) out = out.filter((c) => c.kind === opts.kind);
  const q = opts.query?.trim();
  if (q) out = out.filter((c) => matchesQuery(q, [c.name, c.unit, c.phone, c.mobile, c.fax, c.note], c.initials));
  return out;
}

export function insertContact(db: Db, f: ContactFields, at: string): Contact {
  const info = stmt(
    db,
    `INSERT INTO contacts (kind, name, unit, phone, mobile, fax, note, active, sort_order, initials, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?)`,
  ).run(f.kind, f.name, f.unit, f.phone, f.mobile, f.fax, f.note, f.sortOrder, initialsOf(f.name), at, at);
  return getContact(db, Number(info.lastInsertRowid))!;
}

export function updateContact(db: Db, id: number, f: Partial<ContactFields> & { active?: boolean }, at: string): Contact {
  const n = { ...getContact(db, id)!, ...defined(f) };
  stmt(
    db,
    `UPDATE contacts SET kind = ?, name = ?, unit = ?, phone = ?, mobile = ?, fax = ?, note = ?, active = ?, sort_order = ?,
       initials = ?, updated_at = ? WHERE id = ?`,
  ).run(n.kind, n.name, n.unit, n.phone, n.mobile, n.fax, n.note, n.active ? 1 : 0, n.sortOrder, initialsOf(n.name), at, id);
  return getContact(db, id)!;
}
