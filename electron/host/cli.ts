/**
 * npm run web — DutyDesk in a browser.
 *
 * Opens the store in the data folder (DUTYDESK_DATA_DIR or the app's own),
 * serves the built renderer and the API on 127.0.0.1, prints the URL with its
 * access token.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { Core } from '../core/core';
import { ManualClock } from '../core/clock';
import { createApi } from '../core/api/dispatch';
import { NewerSchemaError } from '../core/db/connection';
import { startHost } from './server';
import { defaultDataDir } from './data-dir';

const { values } = parseArgs({
  options: {
    port: { type: 'string' },
    'data-dir': { type: 'string' },
    'test-clock': { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
  },
});

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const staticDir = path.join(root, 'out', 'renderer');
if (!fs.existsSync(path.join(staticDir, 'index.html'))) {
  console.error('找不到已构建的界面，请先运行 npm run build:renderer (renderer not built: run npm run build:renderer)');
  process.exit(1);
}
const dataDir = path.resolve(values['data-dir'] ?? defaultDataDir());

let core: Core;
try {
  core = new Core({ dataDir, ...(values['test-clock'] ? { clock: new ManualClock() } : {}) });
} catch (e) {
  if (e instanceof NewerSchemaError) {
    console.error(e.message);
    process.exit(2);
  }
  throw e;
}
const host = await startHost({
  api: createApi(core),
  staticDir,
  ...(values.port ? { port: Number(values.port) } : {}),
  testClock: values['test-clock'],
});

if (values.json) {
  console.log(JSON.stringify({ url: host.url, openUrl: host.openUrl, token: host.token, dataDir }));
} else {
  console.log(`DutyDesk 值守台 — 浏览器模式 / browser mode`);
  console.log(`  数据目录 / data: ${dataDir}`);
  console.log(`  打开 / open:     ${host.openUrl}`);
  console.log(`  (仅本机可访问，按 Ctrl+C 停止 / loopback only, Ctrl+C to stop)`);
}

const stop = async () => {
  await host.close();
  core.close();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
