/**
 * Handlers: desk, people, contacts, users, settings.
 */
import { DomainError } from '../../../shared/errors';
import type { directoryMethods } from '../../../shared/contract/directory';
import type { Handlers } from '../context';
import { getContact, insertContact, listContacts, updateContact } from './contacts-db';
import { directoryXlsx } from './export';
import { getPerson, insertPerson, listPeople, updatePerson } from './people-db';

export const iso = (ms: number): string => new Date(ms).toISOString();

export function mustPerson(db: Parameters<typeof getPerson>[0], id: number) {
  const p = getPerson(db, id);
  if (!p) throw new DomainError('NOT_FOUND', 'errors.NOT_FOUND', { entity: 'person', id });
  return p;
}

export const directoryHandlers: Handlers<keyof typeof directoryMethods> = {
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
  }
};
