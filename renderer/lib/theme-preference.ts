/**
 * The colour scheme the user picked on this machine: light, dark or auto.
 */
import { useSyncExternalStore } from 'react';

export type ThemePreference = 'light' | 'dark' | 'auto';
const key = 'dutydesk.theme';
const listeners = new Set<() => void>();

export const themePreference = {
  get: (): ThemePreference => {
    const v = typeof localStorage !== 'undefined' ? localStorage.getItem(key) : null;
    return v === 'light' || v === 'dark' ? v : 'auto';
  },
  set: (v: ThemePreference): void => {
    localStorage.setItem(key, v);
    for (const l of listeners) l();
  },
};

export function useThemePreference(): ThemePreference {
  return useSyncExternalStore(
    (cb) => {
      listeners.add(cb);
      return () => listeners.delete(cb);
    },
    themePreference.get,
    themePreference.get,
  );
}
