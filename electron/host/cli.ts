/**
 * npm run web — DutyDesk in a browser.
 *
 * Opens the store in the data folder (DUTYDESK_DATA_DIR or the app's own),
 * serves the built renderer and the API on 127.0.0.1, prints the URL with its
 * access token once, set apart; `--open` opens the default browser where there
 * is a display.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { ManualClock } from '../core/clock';
import { bootOrRecover } from '../core/boot';
import { translate } from '../../shared/i18n';
import { startHost } from './server';
import { defaultDataDir } from './data-dir';
import { banner, freshLinkLine, openInBrowser } from './open-browser';

const { values } = parseArgs({
  options: {
    port: { type: 'string' },
    'data-dir': { type: 'string' },
    'test-clock': { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
    open: { type: 'boolean', default: false },
  },
});

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const staticDir = path.join(root, 'out', 'renderer');
if (!fs.existsSync(path.join(staticDir, 'index.html'))) {
  console.error('找不到已构建的界面，请先运行 npm run build:renderer (renderer not built: run npm run build:renderer)');
  process.exit(1);
}
const dataDir = path.resolve(values['data-dir'] ?? defaultDataDir());

const booted = bootOrRecover({ dataDir, ...(values['test-clock'] ? { clock: new ManualClock() } : {}) });
const { fault } = booted;
if (fault) {
  const params = fault.params ?? {};
  console.error(`${translate('zh-CN', fault.messageKey, params)}\n(${translate('en', fault.messageKey, params)})`);
}
// A data file that cannot be opened at all: the recovery screen (list the backups, restore one), not an exit.
if (!booted.core) console.error(`${translate('zh-CN', 'recovery.hostNotice')}\n(${translate('en', 'recovery.hostNotice')})`);
const host = await startHost({
  api: booted.core ? booted.api : booted.recovery,
  staticDir,
  ...(values.port ? { port: Number(values.port) } : {}),
  testClock: values['test-clock'],
});

if (values.json) {
  console.log(JSON.stringify({ url: host.url, openUrl: host.openUrl, token: host.token, dataDir, recovery: !booted.core }));
} else {
  const opened = values.open ? await openInBrowser(host.openUrl) : null;
  console.log(banner({ openUrl: host.openUrl, dataDir, opened }));
  // The link works once: Enter in this terminal prints a fresh one (a closed tab, another browser).
  if (process.stdin.isTTY) {
    process.stdin.setEncoding('utf8');
    process.stdin.on('data', (chunk: string) => {
      if (chunk.includes('\n') || chunk.includes('\r')) console.log(freshLinkLine(host.openUrl));
    });
  }
}

const stop = async () => {
  await host.close();
  if (booted.core) booted.stop();
  else booted.recovery.stop();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
