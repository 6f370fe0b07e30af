/**
 * `npm run web -- --open`: the default browser, where there is a display; and
 * the banner the terminal shows once the host is up.
 */
import { spawn } from 'node:child_process';

/** The command that opens a URL in the default browser, or null where there is no display to open it on. */
export function openCommand(platform: NodeJS.Platform, env: NodeJS.ProcessEnv): { cmd: string; args: (url: string) => string[] } | null {
  if (platform === 'darwin') return { cmd: 'open', args: (u) => [u] };
  if (platform === 'win32') return { cmd: 'cmd', args: (u) => ['/c', 'start', '""', u.replace(/&/gu, '^&')] };
  // Linux and the BSDs: only with a graphical session (an SSH shell or a server has none).
  if (!env.DISPLAY && !env.WAYLAND_DISPLAY) return null;
  return { cmd: 'xdg-open', args: (u) => [u] };
}

/** Opens the URL; resolves whether a browser was started (never throws: the link is printed anyway). */
export function openInBrowser(url: string, platform = process.platform, env = process.env): Promise<boolean> {
  const c = openCommand(platform, env);
  if (!c) return Promise.resolve(false);
  return new Promise((resolve) => {
    try {
      const child = spawn(c.cmd, c.args(url), { stdio: 'ignore', detached: true });
      child.once('error', () => resolve(false));
      child.once('spawn', () => {
        child.unref();
        resolve(true);
      });
    } catch {
      resolve(false);
    }
  });
}

/**
 * What the terminal shows once: the access link on a line of its own, set
 * apart from everything else, and what to do with it.
 */
export function banner(v: { openUrl: string; dataDir: string; opened: boolean | null }): string {
  const lines = [
    '',
    'DutyDesk 值守台 — 浏览器模式 / browser mode',
    `  数据目录 / data: ${v.dataDir}`,
    '',
    '  打开这个链接 / open this link:',
    '',
    `    ${v.openUrl}`,
    '',
    '  这是一次性链接，打开一次后即失效：书签或新标签页里的地址不能再用。需要新链接时，在此终端按回车。',
    '  (a one-time link: once opened it is used up, so a bookmark or a new tab will not work; press Enter here for a new one)',
  ];
  if (v.opened === true) lines.push('  已在默认浏览器中打开 / opened in the default browser');
  if (v.opened === false) lines.push('  没有可用的图形界面，未能自动打开浏览器 / no display here: open the link yourself');
  lines.push('  仅本机可访问，按 Ctrl+C 停止 / loopback only, Ctrl+C to stop', '');
  return lines.join('\n');
}

/** The line printed when Enter is pressed in the terminal: a fresh one-time link. */
export function freshLinkLine(openUrl: string): string {
  return `\n  新的一次性链接 / a new one-time link:\n\n    ${openUrl}\n`;
}
