/**
 * The one start-up sequence, for the Electron shell and the browser host.
 *
 * Opens the store safely (a fault becomes a message and, where the records
 * can still be read, a read-only core — trust/open.ts; migrations run inside
 * the store's opening), starts the schedulers (chain-head record, hourly
 * backups and the nightly check, the due scheduler, the hub outbox) and builds the API.
 * `stop()` undoes it in reverse order and closes the store.
 */
import { createApi, type Api } from './api/dispatch';
import type { Clock } from './clock';
import type { Core } from './core';
import { startTrustScheduler } from './backup/schedule';
import { startDueScheduler } from './escalation/due-schedule';
import { openCoreSafely, trackChainHead } from './trust/open';
import { startOutbox } from './uplink/outbox';
import { type StoreFault } from './store/faults';
import { startRecovery, type RecoveryApi } from './trust/recovery';

export interface Booted {
  core: Core;
  api: Api;
  /** Why the store opened read-only, or null when all is well. */
  fault: StoreFault | null;
  /** Stops the schedulers (recording the newest chain head) and closes the store. */
  stop(): void;
}

export type BootResult = Booted | { core: null; fault: StoreFault };

/**
 * Boots the desk, or — when its data file cannot be opened at all — the
 * recovery API (trust/recovery.ts), which lists the backups, restores one
 * and then boots the real desk in the same process.
 */
export function bootOrRecover(opts: { dataDir: string; clock?: Clock }): Booted | { core: null; fault: StoreFault; recovery: RecoveryApi } {
  const b = boot(opts);
  if (b.core) return b;
  return {
    core: null,
    fault: b.fault,
    recovery: startRecovery({ dataDir: opts.dataDir, fault: b.fault, ...(opts.clock ? { clock: opts.clock } : {}), boot }),
  };
}

export function boot(opts: { dataDir: string; clock?: Clock }): BootResult {
  const { core, fault } = openCoreSafely({ dataDir: opts.dataDir, ...(opts.clock ? { clock: opts.clock } : {}) });
  if (!core) return { core: null, fault: fault! };
  const stopHead = trackChainHead(core);
  const stopTrust = startTrustScheduler(core);
  const due = startDueScheduler(core);
  // The desk's outbox to its hub (when enrolled): in the background, never in the way of a write.
  const outbox = startOutbox(core);
  const api = createApi(core);
  let stopped = false;
  return {
    core,
    api,
    fault,
    stop() {
      if (stopped) return;
      stopped = true;
      outbox.stop();
      due.stop();
      stopTrust();
      stopHead();
      core.close();
    },
  };
}
