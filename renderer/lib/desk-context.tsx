/**
 * App-wide state: the core's status (set up? read-only?), the session, the
 * desk's time zone and the core clock (which the test host can move).
 */
import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { AppStatus, SessionInfo } from '../../shared/contract';
import { useApiQuery } from '../api';

export interface DeskState {
  status: AppStatus;
  session: SessionInfo | null;
  tz: string;
  /** The desk's handover minute: its duty day starts here (shared/domain/duty-day.ts). */
  handoverMinutes: number;
  /** Milliseconds to add to `Date.now()` to get the core clock. */
  clockOffset: number;
}

const DeskContext = createContext<DeskState | null>(null);

export function DeskProvider({ value, children }: { value: DeskState; children: ReactNode }) {
  return <DeskContext.Provider value={value}>{children}</DeskContext.Provider>;
}

export function useDesk(): DeskState {
  const v = useContext(DeskContext);
  if (!v) throw new Error('useDesk outside DeskProvider');
  return v;
}

/** Whether the logged-in user holds any of these roles. */
export function useHasRole(...roles: string[]): boolean {
  const { session } = useDesk();
  return !!session && session.roles.some((r) => roles.includes(r));
}

/** The core clock, ticking every `intervalMs`. */
export function useNow(intervalMs = 1000): number {
  const { clockOffset } = useDesk();
  const [now, setNow] = useState(() => Date.now() + clockOffset);
  useEffect(() => {
    setNow(Date.now() + clockOffset);
    const h = setInterval(() => setNow(Date.now() + clockOffset), intervalMs);
    return () => clearInterval(h);
  }, [clockOffset, intervalMs]);
  return now;
}

/** Loads status and session; used once by App. */
export function useDeskState() {
  const status = useApiQuery('app.status', {}, { staleTime: 0 });
  const sessionQ = useApiQuery('auth.session', {}, { staleTime: 0 });
  const clockOffset = useMemo(
    () => (status.data ? Date.parse(status.data.now) - Date.now() : 0),
    [status.data?.now],
  );
  return { status, sessionQ, clockOffset };
}
