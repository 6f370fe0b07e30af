/**
 * npm start — builds and starts the Electron app.
 *
 * Where the Electron binary is missing (as on machines that cannot download
 * it), says so in one line and starts the browser mode instead.
 */
import { spawnSync, spawn } from 'node:child_process';
import { findElectronBinary } from './lib/electron-binary.mjs';

const electronPath = findElectronBinary();
if (!electronPath) {
  console.error('未找到 Electron 可执行文件，现改用浏览器模式 npm run web (Electron binary not found — starting the browser mode, npm run web)');
  if (process.argv.includes('--no-fallback')) process.exit(1);
  const web = spawn('npm', ['run', 'web'], { stdio: 'inherit', shell: process.platform === 'win32' });
  web.on('exit', (code) => process.exit(code ?? 0));
} else {
  const built = spawnSync('npx', ['electron-vite', 'build'], { stdio: 'inherit', shell: process.platform === 'win32' });
  if (built.status !== 0) process.exit(built.status ?? 1);
  const child = spawn(electronPath, ['.'], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
}
