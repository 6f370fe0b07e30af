/**
 * The hub's presence check (上级查岗) on every page: it rings (one source of
 * the shared alarm) while a check is open, raises one desktop notification
 * per check, and off the console a red bar leads back to it. Mounted once by
 * the shell; the console shows the check itself (pages/console/HubPanel.tsx).
 */
import { useEffect } from 'react';
import { Alert } from '@mantine/core';
import { IconAlarm } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { useApiQuery } from '../../api';
import { notifyOnce, setAlarm } from './alarm';

/** The link state, the inbox and its open presence checks. */
export function useOpenChecks() {
  const status = useApiQuery('uplink.status', {}, { refetchInterval: 30_000 });
  const inbox = useApiQuery('uplink.inbox', {}, { enabled: status.data?.enrolled ?? false, refetchInterval: 15_000 });
  const checks = (inbox.data?.open ?? []).filter((i) => i.kind === 'check');
  return { status: status.data, inbox: inbox.data, checks };
}

/** Rings for open presence checks on every page; off the console a red bar leads back to it. Mounted once by the shell. */
export function HubCheckWatcher() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const { checks } = useOpenChecks();
  const ids = checks.map((c) => c.id).join(',');
  useEffect(() => {
    setAlarm(checks.length > 0, 'hubCheck');
    for (const c of checks) notifyOnce(`hubCheck-${c.version}`, t('uplink.inbox.check'), t('uplink.inbox.answerHint'));
  }, [ids, t]);
  useEffect(() => () => setAlarm(false, 'hubCheck'), []);
  if (checks.length === 0 || pathname.startsWith('/console')) return null;
  return (
    <Alert color="red" variant="filled" mb="md" icon={<IconAlarm size={20} />} role="alert" data-testid="hub-check-bar">
      {t('uplink.inbox.check')} — {t('uplink.inbox.answerHint')}{' '}
      <Link to="/console" style={{ color: 'white', fontWeight: 700 }}>
        {t('due.backToConsole')}
      </Link>
    </Alert>
  );
}

