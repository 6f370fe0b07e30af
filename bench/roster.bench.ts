/**
 * Benchmarks of the roster domain (ids named in its issue).
 */
import type { BenchModule } from './lib';

export const rosterBench: BenchModule = {
  name: 'roster',
  run: async () => {
    console.log('  (no figures yet)');
  },
};
