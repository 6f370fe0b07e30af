/** The desk (值班室): its one row — unit name, duty phone, fax, time zone — and its preferences. */
import crypto from 'node:crypto';
import type { Desk, Settings } from '../../../shared/contract';
import { iso, type In, type WriteCtx } from '../context';
import { getSettings, writeSettings } from '../store/settings';
import { getDesk, insertDesk, updateDesk } from './db';

/** First-run setup's desk row, with a new random desk id (the id every audit row and backup carries). */
export function createDesk(ctx: WriteCtx, fields: Pick<Desk, 'unitName' | 'dutyPhone' | 'fax' | 'timeZone'>): Desk {
  const desk = insertDesk(ctx.db, { deskId: crypto.randomUUID(), ...fields }, iso(ctx.now));
  ctx.audit({ action: 'desk.create', entity: 'desk', entityId: desk.deskId, after: desk });
  return desk;
}

export function updateDeskFields(ctx: WriteCtx, input: In<'desk.update'>): Desk {
  const before = getDesk(ctx.db)!;
  const after = updateDesk(ctx.db, input, iso(ctx.now));
  ctx.audit({ action: 'desk.update', entity: 'desk', entityId: after.deskId, before, after });
  return after;
}

export { getSettings };

export function updateSettings(ctx: WriteCtx, input: In<'settings.update'>): Settings {
  const { before, after } = writeSettings(ctx.db, input);
  ctx.audit({ action: 'settings.update', entity: 'settings', before, after });
  return after;
}
