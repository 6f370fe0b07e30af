/**
 * Foundation benchmarks: startup_10y_ms, api_call_vs_direct_ratio, audited_write_vs_raw_ratio.
 */
import type { BenchModule } from './lib';

export const foundationBench: BenchModule = {
  name: 'foundation',
  run: async () => {
    console.log('  (pending)');
  },
};
