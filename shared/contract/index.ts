/**
 * The DutyDesk API contract: every method of every domain, in one map.
 *
 * Add a domain by writing `shared/contract/<domain>.ts` and listing its map in
 * `parts`. The merge refuses a method name declared twice (at import time, so
 * the app cannot start with one silently shadowing another).
 */
import { authMethods, usersMethods } from './auth';
import { deskMethods } from './desk';
import { directoryMethods } from './directory';
import { calendarMethods } from './calendar';
import { rosterMethods } from './roster';
import { dutyMethods } from './duty';
import { logMethods } from './log';
import { incidentsMethods } from './incidents';
import { escalationMethods } from './escalation';
import { trustMethods } from './trust';
import { backupMethods } from './backup';
import { petitionsMethods } from './petitions';
import { ledgerMethods } from './ledger';
import { documentsMethods } from './documents';
import { attendanceMethods } from './attendance';
import { presenceMethods } from './presence';
import { handoverMethods } from './handover';
import { dailyReportMethods } from './reports';
import { leaderMethods } from './leader';
import { uplinkMethods } from './uplink';
import { mergeMethodMaps, type InputOf, type MethodSpec, type OutputOf } from './define';

/** Every domain's method map; `contract` is their union. */
export const contractParts = {
  auth: authMethods,
  users: usersMethods,
  desk: deskMethods,
  directory: directoryMethods,
  calendar: calendarMethods,
  roster: rosterMethods,
  duty: dutyMethods,
  log: logMethods,
  incidents: incidentsMethods,
  escalation: escalationMethods,
  trust: trustMethods,
  backup: backupMethods,
  petitions: petitionsMethods,
  ledger: ledgerMethods,
  documents: documentsMethods,
  attendance: attendanceMethods,
  presence: presenceMethods,
  handover: handoverMethods,
  reports: dailyReportMethods,
  leader: leaderMethods,
  uplink: uplinkMethods,
} as const;

type Parts = typeof contractParts;
type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;
type Merged = UnionToIntersection<Parts[keyof Parts]>;

export const contract: Merged = mergeMethodMaps(Object.values(contractParts)) as Merged;
void (contract satisfies Record<string, MethodSpec>);

export type Contract = Merged;
export type MethodName = keyof Contract & string;
export type Input<M extends MethodName> = InputOf<Contract[M]>;
export type Output<M extends MethodName> = OutputOf<Contract[M]>;

export const methodNames = Object.keys(contract) as MethodName[];
export const isMethodName = (name: string): name is MethodName => Object.hasOwn(contract, name);

export * from './define';
export type { ExportedFile } from './common';
export * from './auth';
export * from './desk';
export * from './directory';
export * from './calendar';
export * from './roster';
export * from './duty';
export * from './log';
export * from './incidents';
export * from './escalation';
export * from './trust';
export * from './backup';
export * from './petitions';
export * from './ledger';
export * from './documents';
export * from './attendance';
export * from './presence';
export * from './handover';
export * from './reports';
export * from './leader';
export * from './uplink';
