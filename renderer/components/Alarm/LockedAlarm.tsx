/**
 * The alarm while nobody is logged in or the desk is locked: the core tells
 * the lock and login screens only which countdowns exist and when they fall
 * due (no titles). Anything passed or waiting for acknowledgement, and not
 * silenced before, keeps the beep going and shows a red line — unlock or log
 * in to deal with it.
 */
import { useEffect } from 'react';
import { Alert } from '@mantine/core';
import { IconAlarm } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../api';
import { useNow } from '../../lib/desk-context';
import { setAlarm, silenced } from './alarm';

export function LockedAlarm() {
  const { t } = useTranslation();
  const now = useNow(1000);
  const q = useApiQuery('due.pending', {}, { refetchInterval: 15_000, staleTime: 0 });
  const muted = silenced();
  const ringing = (q.data?.items ?? []).filter((i) => (i.kind === 'escalation' || i.overdue || Date.parse(i.dueAt) <= now) && !muted.has(i.id));
  useEffect(() => {
    setAlarm(ringing.length > 0);
  }, [ringing.length]);
  useEffect(() => () => setAlarm(false), []);
  if (ringing.length === 0) return null;
  return (
    <Alert color="red" variant="filled" icon={<IconAlarm size={20} />} role="alert" data-testid="locked-alarm">
      {t('due.lockedAlarm', { n: ringing.length })}
    </Alert>
  );
}
