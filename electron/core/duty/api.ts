/**
 * Handlers of who is on duty (duty.*).
 */
import type { dutyMethods } from '../../../shared/contract/duty';

import { DomainError } from '../../../shared/errors';
import { iso, type Handlers } from '../context';

import { deskDutyDate } from './day';
import { getNoticeOwner, markNoticeRead } from './db';
import { dutyDays, dutyNow, myDuty } from './service';

export const dutyHandlers: Handlers<keyof typeof dutyMethods> = {
  'duty.now': (ctx) => dutyNow(ctx.db, ctx.now),
  'duty.week': (ctx, input) => dutyDays(ctx.db, input.from ?? deskDutyDate(ctx.db, ctx.now), input.days ?? 7),
  'duty.mine': (ctx) => myDuty(ctx.db, ctx.session?.personId ?? null, ctx.now),
  'duty.ackNotice': (ctx, input) => {
    const owner = getNoticeOwner(ctx.db, input.id);
    if (owner === null) throw new DomainError('NOT_FOUND');
    if (owner !== ctx.session?.personId) throw new DomainError('FORBIDDEN');
    markNoticeRead(ctx.db, input.id, iso(ctx.now));
    ctx.audit({ action: 'notice.read', entity: 'roster_notice', entityId: input.id });
    return null;
  },
};
