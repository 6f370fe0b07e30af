/**
 * npm run seed:demo -- [--years 10] [--data-dir DIR] [--people 36] [--seed N] [--now ISO]
 *
 * Fills an empty data folder with a deterministic demo desk whose history ends
 * today (or at `--now`). A failure leaves the folder as it was (nothing
 * half-seeded that a rerun would refuse) and prints the translated reason, not
 * a stack trace.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { seedDemoFolder, demoAdmin } from '../electron/core/seed';
import { defaultDataDir } from '../electron/host/data-dir';
import { dbFileName } from '../electron/core/store/connection';

const { values } = parseArgs({
  options: {
    years: { type: 'string', default: '1' },
    'data-dir': { type: 'string' },
    people: { type: 'string' },
    seed: { type: 'string' },
    now: { type: 'string' },
  },
});
const fail = (zh: string, en: string): never => {
  console.error(`${zh}\n(${en})`);
  process.exit(1);
};
const years = Number(values.years);
if (!Number.isInteger(years) || years < 1 || years > 20) fail('--years 须为 1 到 20 之间的整数', '--years must be a whole number from 1 to 20');
const people = values.people === undefined ? undefined : Number(values.people);
if (people !== undefined && (!Number.isInteger(people) || people < 3 || people > 1000)) fail('--people 须为 3 到 1000 之间的整数', '--people must be a whole number from 3 to 1000');
const clockNow = values.now === undefined ? undefined : Date.parse(values.now);
if (clockNow !== undefined && !Number.isFinite(clockNow)) fail('--now 须为时间，如 2026-12-01T09:00:00+08:00', '--now must be an instant, e.g. 2026-12-01T09:00:00+08:00');

const dataDir = path.resolve(values['data-dir'] ?? defaultDataDir());
if (fs.existsSync(path.join(dataDir, dbFileName))) {
  fail(`数据目录已有数据库，未写入任何内容：${dataDir}`, 'the data folder already holds a database; choose an empty --data-dir');
}
const t0 = Date.now();
const r = await seedDemoFolder({
  dataDir,
  years,
  ...(people !== undefined ? { people } : {}),
  ...(values.seed ? { seed: Number(values.seed) } : {}),
  ...(clockNow !== undefined ? { clockNow } : {}),
  log: (m) => console.log(`  ${m}`),
});
if (!r.ok) {
  console.error(`演示数据未生成，数据目录保持原样：${dataDir}\n(demo desk not created, the data folder is unchanged)`);
  console.error(r.message);
  process.exit(1);
}
console.log(`演示数据已生成 / demo desk ready: ${dataDir} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
console.log(`登录 / login: ${demoAdmin.login} / ${demoAdmin.password}`);
