/**
 * Every domain's handler map, merged. `satisfies` proves the map covers the
 * whole contract with the right types.
 */
import type { MethodName } from '../../shared/contract';
import { authHandlers } from './auth/api';
import { directoryHandlers } from './directory/api';
import { rosterHandlers } from './roster/api';
import { incidentsHandlers } from './incidents/api';
import { trustHandlers } from './trust/api';
import type { HandlerFor } from './context';

export const allHandlers = {
  ...authHandlers,
  ...directoryHandlers,
  ...rosterHandlers,
  ...incidentsHandlers,
  ...trustHandlers,
} satisfies { [M in MethodName]: HandlerFor<M> };
