/**
 * Handlers of presence checks (presence.*).
 */
import type { presenceMethods } from '../../../shared/contract/presence';
import type { Handlers } from '../context';
import { checkHistory, listChecks } from './db';
import { presenceXlsx } from './export';
import { createCheck, mustCheck, presenceStats, updatePresence, voidPresence } from './service';

export const presenceHandlers: Handlers<keyof typeof presenceMethods> = {
  'presence.create': (ctx, input) => createCheck(ctx, input),
  'presence.update': (ctx, input) => updatePresence(ctx, input),
  'presence.void': (ctx, input) => voidPresence(ctx, input.id, input.reason),
  'presence.list': (ctx, input) => listChecks(ctx.db, { from: input.from, to: input.to, ...(input.direction ? { direction: input.direction } : {}) }),
  'presence.history': (ctx, input) => {
    mustCheck(ctx, input.id);
    return checkHistory(ctx.db, input.id);
  },
  'presence.stats': (ctx, input) => presenceStats(ctx, input.month),
  'presence.exportXlsx': (ctx, input) => presenceXlsx(presenceStats(ctx, input.month)),
};
