/**
 * The Electron security rules, as small functions that tests can call under
 * Node with `electron` mocked.
 *
 * contextIsolation + sandbox + no nodeIntegration; content only from our
 * `app://` origin; navigation, new windows, webviews and permission requests
 * denied; IPC accepted only from our main frame.
 */
import type { BrowserWindowConstructorOptions, Session, WebContents, WebFrameMain } from 'electron';
import { appOrigin } from '../../shared/ipc';

/** Only pages of our own origin may load in a window. */
export function isAllowedUrl(raw: string): boolean {
  try {
    const u = new URL(raw);
    return `${u.protocol}//${u.host}` === appOrigin;
  } catch {
    return false;
  }
}

export function mainWindowOptions(preload: string, bounds: { x?: number; y?: number; width: number; height: number }): BrowserWindowConstructorOptions {
  return {
    ...bounds,
    minWidth: 1024,
    minHeight: 680,
    show: false,
    title: 'DutyDesk 值守台',
    backgroundColor: '#212428',
    autoHideMenuBar: false,
    webPreferences: {
      preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      spellcheck: false,
    },
  };
}

/** IPC is answered only for our main frame on our origin (not sub-frames, not other origins). */
export function isTrustedSender(frame: WebFrameMain | null | undefined): boolean {
  if (!frame) return false;
  if (frame.parent !== null) return false;
  return isAllowedUrl(frame.url);
}

/**
 * Denies every permission request (camera, microphone, geolocation …) except
 * desktop notifications for our own pages: pending escalations must reach the
 * officer even when the window is in the background.
 */
export function isPermissionAllowed(permission: string, requestingUrl: string): boolean {
  return permission === 'notifications' && isAllowedUrl(requestingUrl);
}

export function hardenSession(session: Session): void {
  session.setPermissionRequestHandler((_wc, permission, callback, details) => callback(isPermissionAllowed(permission, details.requestingUrl)));
  session.setPermissionCheckHandler((_wc, permission, requestingOrigin) => isPermissionAllowed(permission, requestingOrigin));
}

/** Blocks navigation away from our origin, new windows and webviews. */
export function hardenWebContents(contents: WebContents): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAllowedUrl(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAllowedUrl(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}
