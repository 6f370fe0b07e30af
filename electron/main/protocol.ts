/**
 * The privileged `app://dutydesk/` protocol that serves the built renderer
 * (never `file://`), with the strict CSP header on every response.
 */
import { net, protocol } from 'electron';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { appScheme } from '../../shared/ipc';
import { contentSecurityPolicy } from '../../shared/security';

/** Must run before `app.ready`. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: appScheme, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
  ]);
}

/** Maps an app:// URL to a file inside `root`, or null when it would escape it. */
export function resolveAppPath(root: string, url: string): string | null {
  const { pathname } = new URL(url);
  const rel = decodeURIComponent(pathname === '/' ? '/index.html' : pathname);
  const file = path.resolve(root, `.${rel}`);
  return file.startsWith(path.resolve(root) + path.sep) ? file : null;
}

export function handleAppProtocol(root: string): void {
  protocol.handle(appScheme, async (request) => {
    const file = resolveAppPath(root, request.url);
    if (!file) return new Response('not found', { status: 404 });
    const res = await net.fetch(pathToFileURL(file).toString());
    const headers = new Headers(res.headers);
    headers.set('Content-Security-Policy', contentSecurityPolicy);
    headers.set('X-Content-Type-Options', 'nosniff');
    return new Response(res.body, { status: res.status, headers });
  });
}
