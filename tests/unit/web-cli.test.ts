/**
 * `npm run web` can be found again (issue 11 item 2): `--open` where there is
 * a display, and the link printed once, on its own line, with what it is.
 */
import { describe, expect, it } from 'vitest';
import { banner, freshLinkLine, openCommand, openInBrowser } from '../../electron/host/open-browser';

describe('--open', () => {
  it('uses the platform opener where there is a display, and nothing on a headless Linux', () => {
    expect(openCommand('linux', { DISPLAY: ':0' })?.cmd).toBe('xdg-open');
    expect(openCommand('linux', { WAYLAND_DISPLAY: 'wayland-0' })?.cmd).toBe('xdg-open');
    expect(openCommand('linux', {})).toBeNull();
    expect(openCommand('darwin', {})?.args('http://x/?token=a')).toEqual(['http://x/?token=a']);
    // cmd's start needs the & of a query escaped, or it cuts the URL.
    expect(openCommand('win32', {})?.args('http://x/?a=1&token=b')).toEqual(['/c', 'start', '""', 'http://x/?a=1^&token=b']);
  });

  it('does not fail where there is no display (the link is printed anyway)', async () => {
    expect(await openInBrowser('http://127.0.0.1:1/?token=x', 'linux', {})).toBe(false);
  });
});

describe('the banner', () => {
  const url = 'http://127.0.0.1:8123/?ticket=abc';
  it('prints the link once, alone on its line, and says the token is part of it', () => {
    const text = banner({ openUrl: url, dataDir: '/data', opened: null });
    const lines = text.split('\n');
    expect(lines.filter((l) => l.includes(url))).toEqual([`    ${url}`]);
    const at = lines.indexOf(`    ${url}`);
    expect(lines[at - 1]).toBe('');
    expect(lines[at + 1]).toBe('');
    expect(text).toContain('一次性链接');
    expect(text).toContain('按回车');
    expect(text).toContain('/data');
  });

  it('says whether the browser was opened', () => {
    expect(banner({ openUrl: url, dataDir: '/d', opened: true })).toContain('已在默认浏览器中打开');
    expect(banner({ openUrl: url, dataDir: '/d', opened: false })).toContain('未能自动打开浏览器');
  });
});

describe('a new link on Enter', () => {
  it('prints the fresh one-time link alone on its line', () => {
    const lines = freshLinkLine('http://127.0.0.1:8123/?ticket=new').split('\n');
    expect(lines).toContain('    http://127.0.0.1:8123/?ticket=new');
  });
});
