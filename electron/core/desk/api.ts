/**
 * Handlers of the desk (desk.*) and its preferences (settings.*).
 */
import type { deskMethods } from '../../../shared/contract/desk';
import type { Handlers } from '../context';
import { getDesk } from './db';
import { getSettings, updateDeskFields, updateSettings } from './service';

export const deskHandlers: Handlers<keyof typeof deskMethods> = {
  'desk.get': (ctx) => getDesk(ctx.db)!,
  'desk.update': (ctx, input) => updateDeskFields(ctx, input),
  'settings.get': (ctx) => getSettings(ctx.db),
  'settings.update': (ctx, input) => updateSettings(ctx, input),
};
