/**
 * Handlers of the roster domain.
 */
import type { rosterMethods } from '../../../shared/contract/roster';
import type { Handlers } from './types';

export const rosterHandlers: Handlers<keyof typeof rosterMethods> = {};
