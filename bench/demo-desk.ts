/**
 * The 10-year demo desk shared by the benchmarks, seeded once per checkout
 * into bench/.work/ (delete that folder to reseed).
 */
import fs from 'node:fs';
import path from 'node:path';
import { seedDemo } from '../electron/core/seed';
import { latestVersion } from '../electron/core/store/migrations';
import { workDir } from './lib';

export const demoNow = Date.parse('2026-11-25T13:40:00Z');

export async function ensureDemoDesk(years = 10): Promise<string> {
  const dir = path.join(workDir, `demo-${years}y`);
  const marker = path.join(dir, '.seeded');
  const expected = `schema ${latestVersion}`;
  if (fs.existsSync(marker) && fs.readFileSync(marker, 'utf8') === expected) return dir;
  fs.rmSync(dir, { recursive: true, force: true });
  const t = performance.now();
  console.log(`  seeding the ${years}-year demo desk in ${path.relative(process.cwd(), dir)} …`);
  const { core } = await seedDemo({ dataDir: dir, years, clockNow: demoNow, toDate: '2026-11-25', log: (m) => console.log(`    ${m}`) });
  core.db.pragma('wal_checkpoint(TRUNCATE)');
  core.close();
  fs.writeFileSync(marker, expected);
  console.log(`  seeded in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  return dir;
}

/** Copies the demo desk so a benchmark can write to it without spoiling the cache. */
export function copyDemoDesk(src: string, name: string): string {
  const dst = path.join(workDir, name);
  fs.rmSync(dst, { recursive: true, force: true });
  fs.cpSync(src, dst, { recursive: true });
  return dst;
}
