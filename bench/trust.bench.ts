/**
 * Benchmarks of the trust domain (ids named in its issue).
 */
import type { BenchModule } from './lib';

export const trustBench: BenchModule = {
  name: 'trust',
  run: async () => {
    console.log('  (no figures yet)');
  },
};
