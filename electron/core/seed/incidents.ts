/**
 * Demo data of the incidents domain.
 */
import type { SeedCtx } from './types';

export function seedIncidents(_ctx: SeedCtx): void {
  // Filled by the incidents work.
}
