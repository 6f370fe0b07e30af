/**
 * 0020 — schema of the roster domain.
 */
import type { Migration } from './index';

export const m0020Roster: Migration = {
  version: 20,
  name: '0020-roster',
  up(_db) {
    // Filled by the roster work; left empty until then.
  },
};
