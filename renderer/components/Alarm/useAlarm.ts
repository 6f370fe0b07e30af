/**
 * What is ringing: the due list (shared with the console's list through the
 * query cache), which items call for attention now, and which were silenced.
 */
import { useEffect, useState } from 'react';
import { useApiQuery } from '../../api';
import type { DueItem, RegisterDueItem } from '../../../shared/contract';
import { useNow } from '../../lib/desk-context';
import { onSilencedChange, silenced } from './alarm';
import { isAcknowledged, isEscalating } from '../../lib/due-text';

/**
 * Escalations (incidents' and unaccepted handovers') and deadlines that have passed call for attention; register
 * deadlines show red, they do not ring, nor does a handover whose escalation the leader on duty acknowledged.
 */
export const alarming = (i: DueItem, now: number): i is Exclude<DueItem, RegisterDueItem> =>
  i.kind !== 'register' && !isAcknowledged(i) && (isEscalating(i) || i.overdue || Date.parse(i.dueAt) <= now);

export function useAlarm() {
  const now = useNow(1000);
  const q = useApiQuery('due.list', {}, { refetchInterval: 60_000, staleTime: 0 });
  const [muted, setMuted] = useState<Set<string>>(() => silenced());
  useEffect(() => onSilencedChange(() => setMuted(silenced())), []);
  const items = q.data?.items ?? [];
  const ringing = items.filter((i): i is Exclude<DueItem, RegisterDueItem> => alarming(i, now) && !muted.has(i.id));
  return { query: q, now, items, muted, ringing };
}
