/**
 * One DutyDesk at a time: a second start focuses the first window and quits.
 *
 * Two instances on one data folder would fight over the SQLite file (one of
 * them locked out mid-shift); the lock makes the second start harmless.
 */
import type { App, BrowserWindow } from 'electron';

/** Takes the single-instance lock; false (and quitting) when another instance holds it. */
export function holdSingleInstance(app: Pick<App, 'requestSingleInstanceLock' | 'quit' | 'on'>, window: () => BrowserWindow | null): boolean {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return false;
  }
  app.on('second-instance', () => {
    const win = window();
    if (!win) return;
    if (win.isMinimized()) win.restore();
    win.focus();
  });
  return true;
}
