/**
 * Handlers of the desk (desk.*) and its preferences (settings.*).
 */
import type { deskMethods } from '../../../shared/contract/desk';
import type { Handlers } from '../context';
import { getDesk, updateDesk } from '../desk/db';
import { iso } from '../directory/api';
import { getSettings, writeSettings } from '../store/settings';

export const deskHandlers: Handlers<keyof typeof deskMethods> = {
  'desk.get': (ctx) => getDesk(ctx.db)!,
  'desk.update': (ctx, input) => {
    const before = getDesk(ctx.db)!;
    const after = updateDesk(ctx.db, input, iso(ctx.now));
    ctx.audit({ action: 'desk.update', entity: 'desk', entityId: after.deskId, before, after });
    return after;
  },
  'settings.get': (ctx) => getSettings(ctx.db),
  'settings.update': (ctx, input) => {
    const { before, after } = writeSettings(ctx.db, input);
    ctx.audit({ action: 'settings.update', entity: 'settings', before, after });
    return after;
  },
};
