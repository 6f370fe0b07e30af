/**
 * npm run seed:demo -- [--years 10] [--data-dir DIR] [--people 36] [--seed N]
 *
 * Fills an empty data folder with a deterministic demo desk.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { seedDemo, demoAdmin } from '../electron/core/seed';
import { defaultDataDir } from '../electron/host/data-dir';
import { dbFileName } from '../electron/core/store/connection';

const { values } = parseArgs({
  options: {
    years: { type: 'string', default: '1' },
    'data-dir': { type: 'string' },
    people: { type: 'string' },
    seed: { type: 'string' },
  },
});
const dataDir = path.resolve(values['data-dir'] ?? defaultDataDir());
if (fs.existsSync(path.join(dataDir, dbFileName))) {
  console.error(`数据目录已有数据库，未写入任何内容：${dataDir}\n(the data folder already holds a database; choose an empty --data-dir)`);
  process.exit(1);
}
const t0 = Date.now();
const { core } = await seedDemo({
  dataDir,
  years: Number(values.years),
  ...(values.people ? { people: Number(values.people) } : {}),
  ...(values.seed ? { seed: Number(values.seed) } : {}),
  log: (m) => console.log(`  ${m}`),
});
core.close();
console.log(`演示数据已生成 / demo desk ready: ${dataDir} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
console.log(`登录 / login: ${demoAdmin.login} / ${demoAdmin.password}`);
