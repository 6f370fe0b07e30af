/** Accounts and sessions: first-run setup, login with its delays, lock and unlock, passwords, user accounts. */
import type { AppStatus, SessionInfo, User } from '../../../shared/contract';
import { defaultHandoverMinutes } from '../../../shared/domain/duty-day';
import { DomainError } from '../../../shared/errors';
import type { UserRole } from '../../../shared/roles';
import type { WriteCtx } from '../context';
import { iso } from '../context';
import { appVersion } from '../core';
import { getDesk } from '../desk/db';
import { createDesk } from '../desk/service';
import { createPerson, mustPerson } from '../directory/service';
import { deskHandoverMinutes } from '../duty/day';
import type { Session } from '../sessions';
import { activeUserIdsOfPerson, countOtherActiveAdmins, findUserByLogin, getUserRow, insertUser, recordLoginAttempt, rowToUser, updateUser } from './db';
import { hashPassword, verifyPassword } from './passwords';

import type { In, ReadCtx } from '../context';

/** Failed logins before a delay starts; the delay doubles, capped, and never locks anyone out for good. */
export const freeAttempts = 5;
const maxDelayMs = 15 * 60_000;
export const lockoutDelayMs = (failures: number): number =>
  failures < freeAttempts ? 0 : Math.min(maxDelayMs, 30_000 * 2 ** (failures - freeAttempts));

export const toInfo = (s: Session): SessionInfo => ({
  sessionId: s.id,
  userId: s.userId,
  login: s.login,
  displayName: s.displayName,
  roles: s.roles,
  personId: s.personId,
  locked: s.locked,
});

export function startSession(ctx: WriteCtx, userId: number): Session {
  const u = getUserRow(ctx.db, userId)!;
  const s = ctx.core.sessions.create({
    userId: u.id,
    login: u.login,
    displayName: u.display_name,
    roles: JSON.parse(u.roles) as UserRole[],
    personId: u.person_id,
  });
  ctx.conn.sessionId = s.id;
  ctx.session = s;
  return s;
}

export function appStatus(ctx: ReadCtx): AppStatus {
  let desk: ReturnType<typeof getDesk>;
  try {
    desk = getDesk(ctx.db);
  } catch {
    // A malformed store must still answer, so the damaged-store screen can offer a restore.
    desk = null;
  }
  let handoverMinutes = defaultHandoverMinutes;
  try {
    handoverMinutes = deskHandoverMinutes(ctx.db);
  } catch {
    // As above: an unreadable store still answers with the default.
  }
  return {
    setUp: desk !== null || ctx.core.readOnly,
    deskName: desk?.unitName ?? null,
    readOnly: ctx.core.readOnly,
    readOnlyReasonKey: ctx.core.store.readOnlyReasonKey,
    readOnlyReasonParams: ctx.core.store.readOnlyReasonParams ?? null,
    schemaVersion: ctx.core.schemaVersion,
    appVersion,
    now: new Date(ctx.now).toISOString(),
    timeZone: desk?.timeZone ?? 'Asia/Shanghai',
    handoverMinutes,
    latestBackup: ctx.core.readOnly ? ctx.core.latestBackup() : null,
  };
}

export function setUpDesk(ctx: WriteCtx, input: In<'app.setup'>): SessionInfo {
  if (getDesk(ctx.db)) throw new DomainError('ALREADY_SET_UP');
  const at = new Date(ctx.now).toISOString();
  createDesk(ctx, { unitName: input.deskName, dutyPhone: input.dutyPhone, fax: input.fax, timeZone: input.timeZone });
  const person = createPerson(ctx, {
    name: input.adminName,
    department: input.adminDepartment,
    title: null,
    officePhone: null,
    mobile: input.adminMobile,
    roles: ['admin'],
    sortOrder: 0,
  });
  const user = insertUser(
    ctx.db,
    {
      login: input.adminLogin,
      passwordHash: hashPassword(input.adminPassword),
      personId: person.id,
      displayName: input.adminName,
      roles: ['admin'],
    },
    at,
  );
  ctx.audit({ action: 'user.create', entity: 'user', entityId: user.id, after: user });
  const s = startSession(ctx, user.id);
  recordLoginAttempt(ctx.db, user.id, true, at, null);
  ctx.audit({ action: 'auth.login', entity: 'user', entityId: user.id });
  return toInfo(s);
}

/** The login delay still running for a user (shared by login and unlock), as the error to answer. */
function delayRunning(ctx: WriteCtx, lockedUntil: string | null): DomainError | null {
  if (!lockedUntil || Date.parse(lockedUntil) <= ctx.now) return null;
  return new DomainError('RATE_LIMITED', 'errors.RATE_LIMITED', { seconds: Math.ceil((Date.parse(lockedUntil) - ctx.now) / 1000) });
}

export function login(ctx: WriteCtx, input: In<'auth.login'>): SessionInfo {
  // Before first-run setup there is nobody to log in (and no desk to audit in).
  if (ctx.core.deskId() === null) throw new DomainError('SETUP_REQUIRED');
  const at = new Date(ctx.now).toISOString();
  const row = findUserByLogin(ctx.db, input.login);
  const waiting = delayRunning(ctx, row?.locked_until ?? null);
  if (waiting) throw waiting;
  // Verify even for unknown logins so the answer takes the same time.
  const ok = verifyPassword(
    input.password,
    row?.password_hash ?? 'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=',
  );
  const canWrite = !ctx.core.readOnly;
  if (!row || !ok || row.active !== 1) {
    if (!canWrite) throw new DomainError('BAD_CREDENTIALS');
    if (row) {
      const delay = lockoutDelayMs(row.failed_attempts + 1);
      recordLoginAttempt(ctx.db, row.id, false, at, delay > 0 ? new Date(ctx.now + delay).toISOString() : null);
    }
    ctx.audit({ action: 'auth.loginFailed', entity: 'user', entityId: row?.id ?? null, after: { login: input.login } });
    return ctx.reject(new DomainError('BAD_CREDENTIALS'));
  }
  if (canWrite) recordLoginAttempt(ctx.db, row.id, true, at, null);
  const s = startSession(ctx, row.id);
  // A read-only store (damaged file) still lets people in, to read and restore; nothing is written then.
  if (canWrite) ctx.audit({ action: 'auth.login', entity: 'user', entityId: row.id });
  return toInfo(s);
}

export function logout(ctx: WriteCtx): null {
  const s = ctx.core.sessions.get(ctx.conn.sessionId);
  if (!s) throw new DomainError('UNAUTHENTICATED');
  ctx.session = s;
  if (!ctx.core.readOnly) ctx.audit({ action: 'auth.logout', entity: 'user', entityId: s.userId });
  ctx.core.sessions.delete(s.id);
  ctx.conn.sessionId = null;
  return null;
}

export function currentSession(ctx: ReadCtx): SessionInfo | null {
  const s = ctx.core.sessions.get(ctx.conn.sessionId);
  return s ? toInfo(s) : null;
}

export function lock(ctx: WriteCtx): null {
  const s = ctx.session!;
  s.locked = true;
  if (!ctx.core.readOnly) ctx.audit({ action: 'auth.lock', entity: 'user', entityId: s.userId });
  return null;
}

/**
 * Unlocking a locked session: the same delay as the login (5 free attempts,
 * then 30 s doubling up to 15 min), counted on the same user row, so a locked
 * console is no softer target than the login screen.
 */
export function unlock(ctx: WriteCtx, input: In<'auth.unlock'>): SessionInfo {
  if (ctx.core.deskId() === null) throw new DomainError('SETUP_REQUIRED');
  const s = ctx.core.sessions.get(ctx.conn.sessionId);
  if (!s) throw new DomainError('UNAUTHENTICATED');
  const row = getUserRow(ctx.db, s.userId);
  ctx.session = s;
  const waiting = delayRunning(ctx, row?.locked_until ?? null);
  if (waiting) throw waiting;
  const canWrite = !ctx.core.readOnly;
  const at = iso(ctx.now);
  if (!row || row.active !== 1 || !verifyPassword(input.password, row.password_hash)) {
    if (!canWrite) throw new DomainError('BAD_CREDENTIALS');
    if (row) {
      const delay = lockoutDelayMs(row.failed_attempts + 1);
      recordLoginAttempt(ctx.db, row.id, false, at, delay > 0 ? new Date(ctx.now + delay).toISOString() : null);
    }
    ctx.audit({ action: 'auth.unlockFailed', entity: 'user', entityId: s.userId });
    return ctx.reject(new DomainError('BAD_CREDENTIALS'));
  }
  if (canWrite) recordLoginAttempt(ctx.db, row.id, true, at, null);
  ctx.core.sessions.unlock(s);
  if (canWrite) ctx.audit({ action: 'auth.unlock', entity: 'user', entityId: s.userId });
  return toInfo(s);
}

export function changePassword(ctx: WriteCtx, input: In<'auth.changePassword'>): null {
  const s = ctx.session!;
  const row = getUserRow(ctx.db, s.userId)!;
  if (!verifyPassword(input.current, row.password_hash)) throw new DomainError('BAD_CREDENTIALS', 'errors.WRONG_PASSWORD');
  const user = updateUser(ctx.db, s.userId, { passwordHash: hashPassword(input.next) }, new Date(ctx.now).toISOString());
  // Whoever knew the old password is signed out everywhere else; this session stays.
  ctx.core.sessions.retain((o) => o.userId !== user.id || o.id === s.id);
  ctx.audit({ action: 'user.changePassword', entity: 'user', entityId: user.id, after: { passwordChanged: true } });
  return null;
}

export function createUser(ctx: WriteCtx, input: In<'users.create'>): User {
  if (findUserByLogin(ctx.db, input.login)) throw new DomainError('CONFLICT', 'errors.LOGIN_DUPLICATE');
  if (input.personId !== null) mustPerson(ctx.db, input.personId);
  const u = insertUser(
    ctx.db,
    {
      login: input.login,
      passwordHash: hashPassword(input.password),
      personId: input.personId,
      displayName: input.displayName,
      roles: input.roles,
    },
    iso(ctx.now),
  );
  ctx.audit({ action: 'user.create', entity: 'user', entityId: u.id, after: u });
  return u;
}

export function updateUserAccount(ctx: WriteCtx, input: In<'users.update'>): User {
  const row = getUserRow(ctx.db, input.id);
  if (!row) throw new DomainError('NOT_FOUND');
  const before = rowToUser(row);
  const losesAdmin = (input.active === false || (input.roles && !input.roles.includes('admin'))) && before.roles.includes('admin');
  if (losesAdmin && countOtherActiveAdmins(ctx.db, input.id) === 0) throw new DomainError('CONFLICT', 'errors.LAST_ADMIN');
  if (input.personId) mustPerson(ctx.db, input.personId);
  const { id, ...patch } = input;
  const after = updateUser(ctx.db, id, patch, iso(ctx.now));
  if (input.active === false || input.roles) ctx.core.sessions.deleteUser(id);
  ctx.audit({ action: 'user.update', entity: 'user', entityId: id, before, after });
  return after;
}

export function resetPassword(ctx: WriteCtx, input: In<'users.resetPassword'>): null {
  if (!getUserRow(ctx.db, input.id)) throw new DomainError('NOT_FOUND');
  updateUser(ctx.db, input.id, { passwordHash: hashPassword(input.password) }, iso(ctx.now));
  ctx.core.sessions.deleteUser(input.id);
  ctx.audit({ action: 'user.resetPassword', entity: 'user', entityId: input.id, after: { passwordChanged: true } });
  return null;
}

/**
 * A person left the directory (deactivated): the logins linked to them stop
 * too, each with its own audit row and its sessions ended — unless that
 * would leave the desk without an active admin.
 */
export function disableLoginsOfPerson(ctx: WriteCtx, personId: number, reason: string | null): User[] {
  const out: User[] = [];
  for (const id of activeUserIdsOfPerson(ctx.db, personId)) {
    const before = rowToUser(getUserRow(ctx.db, id)!);
    if (before.roles.includes('admin') && countOtherActiveAdmins(ctx.db, id) === 0) throw new DomainError('CONFLICT', 'errors.LAST_ADMIN');
    const after = updateUser(ctx.db, id, { active: false }, iso(ctx.now));
    ctx.core.sessions.deleteUser(id);
    ctx.audit({ action: 'user.update', entity: 'user', entityId: id, before, after, reason: reason ?? '人员已停用 / person deactivated' });
    out.push(after);
  }
  return out;
}
