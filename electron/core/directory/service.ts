/** The directory (通讯录): the unit's people and outside contacts — created, edited, deactivated with a reason, never deleted. */
import { DomainError } from '../../../shared/errors';
import type { Contact, Person } from '../../../shared/contract';
import { iso, type In, type WriteCtx } from '../context';
import type { Db } from '../store/connection';
import { getContact, insertContact, updateContact } from './contacts-db';
import { getPerson, insertPerson, updatePerson } from './people-db';

export function mustPerson(db: Db, id: number): Person {
  const p = getPerson(db, id);
  if (!p) throw new DomainError('NOT_FOUND', 'errors.NOT_FOUND', { entity: 'person', id });
  return p;
}

/** Adds a person; `reason` says where they came from when not typed in (an import). */
export function createPerson(ctx: WriteCtx, input: In<'people.create'>, reason: string | null = null): Person {
  const p = insertPerson(ctx.db, input, iso(ctx.now));
  ctx.audit({ action: 'person.create', entity: 'person', entityId: p.id, after: p, ...(reason ? { reason } : {}) });
  return p;
}

export function updatePersonFields(ctx: WriteCtx, input: In<'people.update'>): Person {
  const before = mustPerson(ctx.db, input.id);
  const { id, ...fields } = input;
  const after = updatePerson(ctx.db, id, fields, iso(ctx.now));
  ctx.audit({ action: 'person.update', entity: 'person', entityId: id, before, after });
  return after;
}

export function setPersonActive(ctx: WriteCtx, input: In<'people.setActive'>): Person {
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
}

export function createContact(ctx: WriteCtx, input: In<'contacts.create'>): Contact {
  const c = insertContact(ctx.db, input, iso(ctx.now));
  ctx.audit({ action: 'contact.create', entity: 'contact', entityId: c.id, after: c });
  return c;
}

export function updateContactFields(ctx: WriteCtx, input: In<'contacts.update'>): Contact {
  const before = getContact(ctx.db, input.id);
  if (!before) throw new DomainError('NOT_FOUND');
  const { id, ...fields } = input;
  const after = updateContact(ctx.db, id, fields, iso(ctx.now));
  ctx.audit({ action: 'contact.update', entity: 'contact', entityId: id, before, after });
  return after;
}

export function setContactActive(ctx: WriteCtx, input: In<'contacts.setActive'>): Contact {
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
