/**
 * Users: login accounts, linked to a person where there is one.
 */
import { stmt } from '../store/stmt';
import type { Db } from '../store/connection';
import type { User } from '../../../shared/contract';
import type { UserRole } from '../../../shared/roles';

export interface UserRow {
  id: number;
  login: string;
  password_hash: string;
  person_id: number | null;
  display_name: string;
  roles: string;
  active: number;
  failed_attempts: number;
  locked_until: string | null;
  last_login_at: string | null;
}

export const rowToUser = (r: UserRow): User => ({
  id: r.id,
  login: r.login,
  personId: r.person_id,
  displayName: r.display_name,
  roles: JSON.parse(r.roles) as UserRole[],
  active: r.active === 1,
  lastLoginAt: r.last_login_at,
});

export const getUserRow = (db: Db, id: number): UserRow | null =>
  (stmt(db, 'SELECT * FROM users WHERE id = ?').get(id) as UserRow | undefined) ?? null;

export const findUserByLogin = (db: Db, login: string): UserRow | null =>
  (stmt(db, 'SELECT * FROM users WHERE login = ?').get(login) as UserRow | undefined) ?? null;

export const listUsers = (db: Db): User[] => (stmt(db, 'SELECT * FROM users ORDER BY id').all() as UserRow[]).map(rowToUser);

export function insertUser(
  db: Db,
  u: { login: string; passwordHash: string; personId: number | null; displayName: string; roles: UserRole[] },
  at: string,
): User {
  const info = stmt(
    db,
    `INSERT INTO users (login, password_hash, person_id, display_name, roles, active, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, 1, ?, ?)`,
  ).run(u.login, u.passwordHash, u.personId, u.displayName, JSON.stringify(u.roles), at, at);
  return rowToUser(getUserRow(db, Number(info.lastInsertRowid))!);
}

export function updateUser(
  db: Db,
  id: number,
  patch: Partial<{ personId: number | null; displayName: string; roles: UserRole[]; active: boolean; passwordHash: string }>,
  at: string,
): User {
  const cur = getUserRow(db, id)!;
  stmt(db, `UPDATE users SET person_id = ?, display_name = ?, roles = ?, active = ?, password_hash = ?, updated_at = ? WHERE id = ?`).run(
    patch.personId !== undefined ? patch.personId : cur.person_id,
    patch.displayName ?? cur.display_name,
    patch.roles ? JSON.stringify(patch.roles) : cur.roles,
    patch.active === undefined ? cur.active : patch.active ? 1 : 0,
    patch.passwordHash ?? cur.password_hash,
    at,
    id,
  );
  return rowToUser(getUserRow(db, id)!);
}

export function recordLoginAttempt(db: Db, id: number, ok: boolean, at: string, lockedUntil: string | null): void {
  if (ok) stmt(db, 'UPDATE users SET failed_attempts = 0, locked_until = NULL, last_login_at = ? WHERE id = ?').run(at, id);
  else stmt(db, 'UPDATE users SET failed_attempts = failed_attempts + 1, locked_until = ? WHERE id = ?').run(lockedUntil, id);
}

/** Active admins other than `exceptId`. */
export const countOtherActiveAdmins = (db: Db, exceptId: number): number =>
  (
    stmt(
      db,
      `SELECT count(*) AS n FROM users WHERE active = 1 AND id != ? AND EXISTS (SELECT 1 FROM json_each(users.roles) WHERE value = 'admin')`,
    ).get(exceptId) as { n: number }
  ).n;

/** Active logins linked to a person of the directory. */
export const activeUserIdsOfPerson = (db: Db, personId: number): number[] =>
  (stmt(db, 'SELECT id FROM users WHERE person_id = ? AND active = 1 ORDER BY id').all(personId) as { id: number }[]).map((r) => r.id);
