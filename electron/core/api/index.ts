/**
 * Every domain's handler map, merged. `satisfies` proves the map covers the
 * whole contract with the right types.
 */
import type { MethodName } from '../../../shared/contract';
import { authHandlers } from './auth';
import { directoryHandlers } from './directory';
import { rosterHandlers } from './roster';
import { incidentsHandlers } from './incidents';
import { trustHandlers } from './trust';
import type { HandlerFor } from './types';

export const allHandlers = {
  ...authHandlers,
  ...directoryHandlers,
  ...rosterHandlers,
  ...incidentsHandlers,
  ...trustHandlers,
} satisfies { [M in MethodName]: HandlerFor<M> };
