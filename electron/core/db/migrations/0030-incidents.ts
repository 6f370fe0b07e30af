/**
 * 0030 — schema of the incidents domain.
 */
import type { Migration } from './index';

export const m0030Incidents: Migration = {
  version: 30,
  name: '0030-incidents',
  up(_db) {
    // Filled by the incidents work; left empty until then.
  },
};
