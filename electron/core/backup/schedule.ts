/**
 * The trust timers: hourly backups and the nightly integrity check.
 *
 * `trustTick` is idempotent — call it as often as you like; it does what is
 * due. `startTrustScheduler` calls it every minute on a timer that does not
 * keep the process alive. The Electron main process and the browser host
 * start it once after opening the core.
 */
import type { Core } from '../core';
import { localDay } from './retention';
import { scheduledBackup } from './service';
import { latestIntegrity, runIntegrityCheck } from '../trust/integrity';
import { getDesk } from '../desk/db';
import { localParts } from '../../../shared/time';

/** The nightly check runs from this local hour on (when the desk is quiet, after midnight). */
export const nightlyHour = 3;

const running = new WeakSet<Core>();

export async function trustTick(core: Core): Promise<{ backup: boolean; integrity: boolean }> {
  if (running.has(core) || !core.db.open) return { backup: false, integrity: false };
  running.add(core);
  try {
    const now = core.clock.now();
    let backup = false;
    let integrity = false;
    try {
      backup = (await scheduledBackup(core)) !== null;
    } catch (e) {
      console.error('[dutydesk] scheduled backup failed:', (e as Error).message);
    }
    const tz = (core.readOnly ? null : getDesk(core.db)?.timeZone) ?? 'Asia/Shanghai';
    const hour = localParts(now, tz).hour;
    const last = latestIntegrity(core.dataDir);
    const ranToday = last !== null && last.kind === 'nightly' && localDay(Date.parse(last.at), tz) === localDay(now, tz);
    if (hour >= nightlyHour && !ranToday && (last === null || now - Date.parse(last.at) > 12 * 3600_000 || last.kind !== 'nightly')) {
      await runIntegrityCheck(core, 'nightly');
      integrity = true;
    }
    return { backup, integrity };
  } finally {
    running.delete(core);
  }
}

export function startTrustScheduler(core: Core, intervalMs = 60_000): () => void {
  const timer = setInterval(() => void trustTick(core), intervalMs);
  timer.unref?.();
  return () => clearInterval(timer);
}
