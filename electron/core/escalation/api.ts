/**
 * Handlers of escalation (escalation.*) and the due list (due.*).
 */
import type { escalationMethods } from '../../../shared/contract/escalation';
import { DomainError } from '../../../shared/errors';
import { type Handlers } from '../context';
import { getContact } from '../directory/contacts-db';
import { getPerson } from '../directory/people-db';
import { dueList } from '../escalation/due';
import { acknowledge, acknowledgeMine, cancel, myEscalations, recordContact, startEscalation } from '../escalation/service';
import { getEscalationSettings, setEscalationSettings } from '../incidents/settings';

export const escalationHandlers: Handlers<keyof typeof escalationMethods> = {
  // ── escalation
  'escalation.start': (ctx, input) => startEscalation(ctx, input.incidentId),
  'escalation.contact': (ctx, input) => recordContact(ctx, input),
  'escalation.acknowledge': (ctx, input) => acknowledge(ctx, input),
  'escalation.acknowledgeMine': (ctx, input) => acknowledgeMine(ctx, input),
  'escalation.mine': (ctx) => myEscalations(ctx),
  'escalation.cancel': (ctx, input) => cancel(ctx, input.escalationId, input.reason),
  'escalation.settings': (ctx) => getEscalationSettings(ctx.db),
  'escalation.setSettings': (ctx, input) => {
    if (input.principalPersonId !== null && !getPerson(ctx.db, input.principalPersonId))
      throw new DomainError('NOT_FOUND', 'incidents.errors.personNotFound');
    if (input.superiorContactId !== null && !getContact(ctx.db, input.superiorContactId))
      throw new DomainError('NOT_FOUND', 'incidents.errors.contactNotFound');
    const { before, after } = setEscalationSettings(ctx.db, input);
    ctx.audit({ action: 'settings.escalation', entity: 'settings', entityId: 'incidents.escalation', before, after });
    return after;
  },
  // ── due next
  'due.list': (ctx) => dueList(ctx),
  // Public: the lock and login screens keep the alarm going; only ids and times leave the core.
  'due.pending': (ctx) =>
    ctx.core.deskId() === null
      ? { items: [] }
      : { items: dueList(ctx).items.map((i) => ({ id: i.id, kind: i.kind, dueAt: i.dueAt, overdue: i.overdue })) },
};
