/**
 * Handlers: desk, people, contacts, users, settings.
 */
import { DomainError } from '../../../shared/errors';
import { getDesk, updateDesk } from '../desk/db';
import { getPerson, insertPerson, listPeople, updatePerson } from './people-db';
import { getContact, insertContact, listContacts, updateContact } from './contacts-db';
import { countOtherActiveAdmins, findUserByLogin, getUserRow, insertUser, listUsers, rowToUser, updateUser } from '../auth/db';
import { hashPassword } from '../auth/passwords';
import { getSettings, writeSettings } from '../store/settings';
import { directoryXlsx } from './export';
import type { Handlers } from '../context';

const iso = (ms: number): string => new Date(ms).toISOString();

function mustPerson(db: Parameters<typeof getPerson>[0], id: number) {
  const p = getPerson(db, id);
  if (!p) throw new DomainError('NOT_FOUND', 'errors.NOT_FOUND', { entity: 'person', id });
  return p;
}

export const directoryHandlers: Handlers<
  | 'desk.get'
  | 'desk.update'
  | 'people.list'
  | 'people.get'
  | 'people.create'
  | 'people.update'
  | 'people.setActive'
  | 'contacts.list'
  | 'directory.exportXlsx'
  | 'contacts.create'
  | 'contacts.update'
  | 'contacts.setActive'
  | 'users.list'
  | 'users.create'
  | 'users.update'
  | 'users.resetPassword'
  | 'settings.get'
  | 'settings.update'
> = {
  'desk.get': (ctx) => getDesk(ctx.db)!,
  'desk.update': (ctx, input) => {
    const before = getDesk(ctx.db)!;
    const after = updateDesk(ctx.db, input, iso(ctx.now));
    ctx.audit({ action: 'desk.update', entity: 'desk', entityId: after.deskId, before, after });
    return after;
  },

  'people.list': (ctx, input) => listPeople(ctx.db, input),
  'people.get': (ctx, input) => mustPerson(ctx.db, input.id),
  'people.create': (ctx, input) => {
    const p = insertPerson(ctx.db, input, iso(ctx.now));
    ctx.audit({ action: 'person.create', entity: 'person', entityId: p.id, after: p });
    return p;
  },
  'people.update': (ctx, input) => {
    const before = mustPerson(ctx.db, input.id);
    const { id, ...fields } = input;
    const after = updatePerson(ctx.db, id, fields, iso(ctx.now));
    ctx.audit({ action: 'person.update', entity: 'person', entityId: id, before, after });
    return after;
  },
  'people.setActive': (ctx, input) => {
    const before = mustPerson(ctx.db, input.id);
    const after = updatePerson(ctx.db, input.id, { active: input.active }, iso(ctx.now));
    ctx.audit({
      action: input.active ? 'person.reactivate' : 'person.deactivate',
      entity: 'person',
      entityId: input.id,
      before,
      after,
      reason: input.reason ?? null,
    });
    return after;
  },

  'contacts.list': (ctx, input) => listContacts(ctx.db, input),
  'directory.exportXlsx': (ctx, input) => directoryXlsx(ctx, input),
  'contacts.create': (ctx, input) => {
    const c = insertContact(ctx.db, input, iso(ctx.now));
    ctx.audit({ action: 'contact.create', entity: 'contact', entityId: c.id, after: c });
    return c;
  },
  'contacts.update': (ctx, input) => {
    const before = getContact(ctx.db, input.id);
    if (!before) throw new DomainError('NOT_FOUND');
    const { id, ...fields } = input;
    const after = updateContact(ctx.db, id, fields, iso(ctx.now));
    ctx.audit({ action: 'contact.update', entity: 'contact', entityId: id, before, after });
    return after;
  },
  'contacts.setActive': (ctx, input) => {
    const before = getContact(ctx.db, input.id);
    if (!before) throw new DomainError('NOT_FOUND');
    const after = updateContact(ctx.db, input.id, { active: input.active }, iso(ctx.now));
    ctx.audit({
      action: input.active ? 'contact.reactivate' : 'contact.deactivate',
      entity: 'contact',
      entityId: input.id,
      before,
      after,
      reason: input.reason ?? null,
    });
    return after;
  },

  'users.list': (ctx) => listUsers(ctx.db),
  'users.create': (ctx, input) => {
    if (findUserByLogin(ctx.db, input.login)) throw new DomainError('CONFLICT', 'errors.LOGIN_DUPLICATE');
    if (input.personId !== null) mustPerson(ctx.db, input.personId);
    const u = insertUser(
      ctx.db,
      { login: input.login, passwordHash: hashPassword(input.password), personId: input.personId, displayName: input.displayName, roles: input.roles },
      iso(ctx.now),
    );
    ctx.audit({ action: 'user.create', entity: 'user', entityId: u.id, after: u });
    return u;
  },
  'users.update': (ctx, input) => {
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
  },
  'users.resetPassword': (ctx, input) => {
    if (!getUserRow(ctx.db, input.id)) throw new DomainError('NOT_FOUND');
    updateUser(ctx.db, input.id, { passwordHash: hashPassword(input.password) }, iso(ctx.now));
    ctx.core.sessions.deleteUser(input.id);
    ctx.audit({ action: 'user.resetPassword', entity: 'user', entityId: input.id, after: { passwordChanged: true } });
    return null;
  },

  'settings.get': (ctx) => getSettings(ctx.db),
  'settings.update': (ctx, input) => {
    const { before, after } = writeSettings(ctx.db, input);
    ctx.audit({ action: 'settings.update', entity: 'settings', before, after });
    return after;
  },
};
