/**
 * Handlers of who is on duty (duty.*).
 */
import type { dutyMethods } from '../../../shared/contract/duty';
import type { Handlers } from '../context';
import { deskDutyDate } from './day';
import { ackNotice, dutyDays, dutyNow, myDuty } from './service';

export const dutyHandlers: Handlers<keyof typeof dutyMethods> = {
  'duty.now': (ctx) => dutyNow(ctx.db, ctx.now),
  'duty.week': (ctx, input) => dutyDays(ctx.db, input.from ?? deskDutyDate(ctx.db, ctx.now), input.days ?? 7),
  'duty.mine': (ctx) => myDuty(ctx.db, ctx.session?.personId ?? null, ctx.now),
  'duty.ackNotice': (ctx, input) => ackNotice(ctx, input.id),
};
