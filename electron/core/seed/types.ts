/**
 * What a domain seeder receives.
 */
import type { Core } from '../core';
import type { Session } from '../sessions';
import type { WriteCtx } from '../context';
import type { Person } from '../../../shared/contract';
import type { Rng } from './rng';

export interface SeedCtx {
  core: Core;
  rng: Rng;
  years: number;
  /** First and last duty day of the demo history, `YYYY-MM-DD` (local dates). */
  fromDate: string;
  toDate: string;
  /** The admin's session; writes are audited as the admin. */
  session: Session;
  people: Person[];
  /** One audited transaction (batch many rows per call: a day or a month). */
  write<T>(fn: (ctx: WriteCtx) => T): T;
  log(msg: string): void;
}

export type Seeder = (ctx: SeedCtx) => void;
