/**
 * What the store-fault and recovery tests share: undo steps run after each
 * test (newest first, each on its own so one failure does not skip the rest),
 * and a plain officer to add to a desk.
 */
import { afterEach } from 'vitest';

/** Registers an afterEach that runs the pushed undo steps; returns the list to push to. */
export function cleanupAfterEach(): (() => void)[] {
  const steps: (() => void)[] = [];
  afterEach(() => {
    for (const f of steps.splice(0).reverse()) {
      try {
        f();
      } catch {
        // best effort: a folder already gone, a store already closed
      }
    }
  });
  return steps;
}

/** A person with only the officer role, for people.create. */
export const officerPerson = (name: string) => ({ name, department: null, title: null, officePhone: null, mobile: null, roles: ['officer' as const], sortOrder: 0 });
