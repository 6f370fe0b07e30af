/**
 * Demo data of the roster domain.
 */
import type { SeedCtx } from './types';

export function seedRoster(_ctx: SeedCtx): void {
  // Filled by the roster work.
}
