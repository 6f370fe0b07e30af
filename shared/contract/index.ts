/**
 * The DutyDesk API contract: every method of every domain, in one map.
 *
 * Add a domain by writing `shared/contract/<domain>.ts` and spreading its map here.
 */
import { authMethods } from './auth';
import { directoryMethods } from './directory';
import { rosterMethods } from './roster';
import { incidentsMethods } from './incidents';
import { trustMethods } from './trust';
import type { InputOf, MethodSpec, OutputOf } from './define';

export const contract = {
  ...authMethods,
  ...directoryMethods,
  ...rosterMethods,
  ...incidentsMethods,
  ...trustMethods,
} as const satisfies Record<string, MethodSpec>;

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export type Input<M extends MethodName> = InputOf<Contract[M]>;
export type Output<M extends MethodName> = OutputOf<Contract[M]>;

export const methodNames = Object.keys(contract) as MethodName[];
export const isMethodName = (name: string): name is MethodName => Object.hasOwn(contract, name);

export * from './define';
export type { ExportedFile } from './common';
export * from './auth';
export * from './directory';
export * from './roster';
export * from './incidents';
export * from './trust';
