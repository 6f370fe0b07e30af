/**
 * Every domain's handler map, merged into one.
 *
 * The merge refuses a method name that two domains both handle (at start-up,
 * naming it) and a handler for a method the contract does not declare; the
 * type below proves at compile time that every contract method has exactly
 * one handler with the right input and output types.
 */
import { methodNames, type MethodName } from '../../shared/contract';
import { authHandlers, usersHandlers } from './auth/api';
import { deskHandlers } from './desk/api';
import { directoryHandlers } from './directory/api';
import { calendarHandlers } from './calendar/api';
import { rosterHandlers } from './roster/api';
import { dutyHandlers } from './duty/api';
import { logHandlers } from './log/api';
import { incidentsHandlers } from './incidents/api';
import { escalationHandlers } from './escalation/api';
import { trustHandlers } from './trust/api';
import { backupHandlers } from './backup/api';
import { petitionsHandlers } from './petitions/api';
import { ledgerHandlers } from './ledger/api';
import { documentsHandlers } from './documents/api';
import { attendanceHandlers } from './attendance/api';
import { presenceHandlers } from './presence/api';
import { handoverHandlers } from './handover/api';
import { dailyReportHandlers } from './reports/api';
import { leaderHandlers } from './leader/api';
import { uplinkHandlers } from './uplink/api';
import type { HandlerFor } from './context';

export type AllHandlers = { [M in MethodName]: HandlerFor<M> };

/** The domains' handler maps, in the order of `shared/contract/index.ts`. */
export const handlerParts = [
  authHandlers,
  usersHandlers,
  deskHandlers,
  directoryHandlers,
  calendarHandlers,
  rosterHandlers,
  dutyHandlers,
  logHandlers,
  incidentsHandlers,
  escalationHandlers,
  trustHandlers,
  backupHandlers,
  petitionsHandlers,
  ledgerHandlers,
  documentsHandlers,
  attendanceHandlers,
  presenceHandlers,
  handoverHandlers,
  dailyReportHandlers,
  leaderHandlers,
  uplinkHandlers,
] as const;

/** Merges handler maps; throws on a name handled twice, an unknown name, or a contract method left without a handler. */
export function mergeHandlers(parts: readonly object[], names: readonly string[] = methodNames): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const part of parts) {
    for (const [name, handler] of Object.entries(part)) {
      if (Object.hasOwn(out, name)) throw new Error(`handlers: ${name} is handled twice`);
      if (!names.includes(name)) throw new Error(`handlers: ${name} is not a contract method`);
      out[name] = handler;
    }
  }
  const missing = names.filter((n) => !Object.hasOwn(out, n));
  if (missing.length) throw new Error(`handlers: no handler for ${missing.join(', ')}`);
  return out;
}

// Compile-time proof of coverage and types (a spread is fine here: the runtime merge below refuses duplicates).
const _typed = {
  ...authHandlers,
  ...usersHandlers,
  ...deskHandlers,
  ...directoryHandlers,
  ...calendarHandlers,
  ...rosterHandlers,
  ...dutyHandlers,
  ...logHandlers,
  ...incidentsHandlers,
  ...escalationHandlers,
  ...trustHandlers,
  ...backupHandlers,
  ...petitionsHandlers,
  ...ledgerHandlers,
  ...documentsHandlers,
  ...attendanceHandlers,
  ...presenceHandlers,
  ...handoverHandlers,
  ...dailyReportHandlers,
  ...leaderHandlers,
  ...uplinkHandlers,
} satisfies AllHandlers;

export const allHandlers: AllHandlers = mergeHandlers(handlerParts) as typeof _typed;
