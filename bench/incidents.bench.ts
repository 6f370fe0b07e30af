/**
 * Benchmarks of the incidents domain (ids named in its issue).
 */
import type { BenchModule } from './lib';

export const incidentsBench: BenchModule = {
  name: 'incidents',
  run: async () => {
    console.log('  (no figures yet)');
  },
};
