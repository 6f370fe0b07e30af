/**
 * npm run bench [-- --only foundation,roster]
 *
 * Runs every benchmark module and writes bench/results.json.
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

const modules: BenchModule[] = [foundationBench, rosterBench, incidentsBench, trustBench, hubBench, uplinkBench];

const { values } = parseArgs({ options: { only: { type: 'string' } } });
const only = values.only?.split(',');
fs.mkdirSync(workDir, { recursive: true });
const bench = new Bench();
for (const m of modules) {
  if (only && !only.includes(m.name)) continue;
  console.log(`\n[${m.name}]`);
  await m.run(bench);
}
bench.save();
console.log('\nresults → bench/results.json');
