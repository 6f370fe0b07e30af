/**
 * The one source of time for the core.
 *
 * Deadlines and escalations are computed against `clock.now()`, so tests and
 * the test host can move time instead of waiting.
 */
export interface Clock {
  /** Epoch milliseconds. */
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

/** A clock that tests (and the test host) can set and advance. */
export class ManualClock implements Clock {
  private offsetMs = 0;
  private frozenAt: number | null;
  constructor(start?: number) {
    this.frozenAt = start ?? null;
  }
  now(): number {
    return this.frozenAt ?? Date.now() + this.offsetMs;
  }
  set(epochMs: number): void {
    if (this.frozenAt !== null) this.frozenAt = epochMs;
    else this.offsetMs = epochMs - Date.now();
  }
  advance(ms: number): void {
    this.set(this.now() + ms);
  }
}

export const isoNow = (clock: Clock): string => new Date(clock.now()).toISOString();
