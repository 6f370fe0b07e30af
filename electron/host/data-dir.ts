/**
 * Where the browser host and the scripts keep data when not told otherwise.
 *
 * `DUTYDESK_DATA_DIR` wins; otherwise the same folder Electron's `userData`
 * would be on this platform, so the app and the browser mode share data.
 */
import os from 'node:os';
import path from 'node:path';

export const appFolderName = 'DutyDesk';

export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.DUTYDESK_DATA_DIR) return path.resolve(env.DUTYDESK_DATA_DIR);
  const home = os.homedir();
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), appFolderName);
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', appFolderName);
  return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), appFolderName);
}
