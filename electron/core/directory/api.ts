/**
 * Handlers of the directory (people.*, contacts.*, directory.*).
 */
import { createUser, disableLoginsOfPerson } from '../auth/service';
import type { directoryMethods } from '../../../shared/contract/directory';
import type { Handlers } from '../context';
import { listContacts } from './contacts-db';
import { directoryXlsx } from './export';
import { listPeople } from './people-db';
import { createContact, createPerson, mustPerson, setContactActive, setPersonActive, updateContactFields, updatePersonFields } from './service';

export const directoryHandlers: Handlers<keyof typeof directoryMethods> = {
  'people.list': (ctx, input) => listPeople(ctx.db, input),
  'people.get': (ctx, input) => mustPerson(ctx.db, input.id),
  'people.create': (ctx, input) => {
    const { account, ...fields } = input;
    const p = createPerson(ctx, fields);
    // The login in the same transaction: a refused login (a taken name …) rolls the person back too.
    if (account) createUser(ctx, { ...account, personId: p.id, displayName: p.name });
    return p;
  },
  'people.update': (ctx, input) => updatePersonFields(ctx, input),
  'people.setActive': (ctx, input) => {
    const p = setPersonActive(ctx, input);
    // A deactivated person cannot log in any more (issue 12 §4): their linked logins are disabled too.
    if (!input.active) disableLoginsOfPerson(ctx, input.id, input.reason ?? null);
    return p;
  },

  'contacts.list': (ctx, input) => listContacts(ctx.db, input),
  'directory.exportXlsx': (ctx, input) => directoryXlsx(ctx, input),
  'contacts.create': (ctx, input) => createContact(ctx, input),
  'contacts.update': (ctx, input) => updateContactFields(ctx, input),
  'contacts.setActive': (ctx, input) => setContactActive(ctx, input)
};
