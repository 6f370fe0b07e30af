/**
 * npm run bench [-- --only foundation,roster]
 * npm run bench -- --only trust:reconcile   (one part of a module: module:part, comma-separated)
 *
 * Runs every benchmark module and writes bench/results.json (merged: figures
 * not measured in this run keep their last value).
 */
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { Bench, workDir, type BenchModule } from './lib';
import { foundationBench } from './foundation.bench';
import { rosterBench } from './roster.bench';
import { incidentsBench } from './incidents.bench';
import { trustBench } from './trust.bench';
import { hubBench } from './hub.bench';
import { uplinkBench } from './uplink.bench';
import { describeCliError } from '../electron/core/cli-error';

const modules: BenchModule[] = [foundationBench, rosterBench, incidentsBench, trustBench, hubBench, uplinkBench];

const { values } = parseArgs({ options: { only: { type: 'string' } } });
const only = values.only?.split(',');
fs.mkdirSync(workDir, { recursive: true });
const bench = new Bench();
for (const m of modules) {
  const mine = only?.filter((o) => o === m.name || o.startsWith(`${m.name}:`));
  if (only && !mine?.length) continue;
  const parts = mine?.filter((o) => o.includes(':')).map((o) => o.slice(m.name.length + 1)) ?? [];
  bench.parts = parts.length && !mine?.includes(m.name) ? new Set(parts) : null;
  console.log(`\n[${m.name}]`);
  try {
    await m.run(bench);
  } catch (err) {
    // A domain error (e.g. no holiday data) says what to do; the figures measured so far are kept.
    console.error(`[${m.name}] stopped: ${describeCliError(err)}`);
    bench.save();
    process.exit(1);
  }
}
bench.save();
console.log('\nresults → bench/results.json');
