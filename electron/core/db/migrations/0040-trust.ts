/**
 * 0040 — schema of the trust domain.
 */
import type { Migration } from './index';

export const m0040Trust: Migration = {
  version: 40,
  name: '0040-trust',
  up(_db) {
    // Filled by the trust work; left empty until then.
  },
};
