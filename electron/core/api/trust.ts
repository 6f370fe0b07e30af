/**
 * Handlers of the trust domain.
 */
import type { trustMethods } from '../../../shared/contract/trust';
import type { Handlers } from './types';

export const trustHandlers: Handlers<keyof typeof trustMethods> = {};
