/** The hub console's status and signed-in user, for every page. */
import { createContext, useContext, type ReactNode } from 'react';
import type { HubStatus, HubUser } from '../../../shared/hub-console';
import { localDate } from '../../../shared/time';

export interface HubState {
  status: HubStatus;
  user: HubUser | null;
  /** The hub clock minus this browser's, as the status answer told it. */
  clockOffset: number;
}

const Ctx = createContext<HubState | null>(null);

export function HubStatusProvider({ value, children }: { value: HubState; children: ReactNode }) {
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export function useHub(): HubState & { tz: string; today: string; canSend: boolean; isAdmin: boolean } {
  const v = useContext(Ctx);
  if (!v) throw new Error('useHub outside HubStatusProvider');
  const tz = v.status.timeZone;
  // The hub's date, from its clock as it last answered.
  const today = localDate(Date.parse(v.status.now), tz);
  return { ...v, tz, today, canSend: v.user?.role === 'admin' || v.user?.role === 'officer', isAdmin: v.user?.role === 'admin' };
}
