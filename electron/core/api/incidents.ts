/**
 * Handlers of the incidents domain.
 */
import type { incidentsMethods } from '../../../shared/contract/incidents';
import type { Handlers } from './types';

export const incidentsHandlers: Handlers<keyof typeof incidentsMethods> = {};
