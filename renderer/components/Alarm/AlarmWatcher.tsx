/**
 * The alarm on every page, not only the console: while any unsilenced event
 * needs attention the beep repeats, each event raises one desktop
 * notification, and pages other than the console show a red bar that leads
 * back to it. Mounted once by the shell.
 */
import { useEffect } from 'react';
import { Alert, Anchor } from '@mantine/core';
import { IconAlarm } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { notifyOnce, setAlarm } from './alarm';
import { useAlarm } from './useAlarm';
import { dueLabel, dueSubject } from '../../lib/due-text';

export function AlarmWatcher() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const { ringing } = useAlarm();
  const ids = ringing.map((i) => i.id).join(',');
  useEffect(() => {
    setAlarm(ringing.length > 0);
    for (const i of ringing) notifyOnce(i.id, t('due.notifyTitle'), `${dueLabel(t, i)} · ${dueSubject(t, i)}`);
  }, [ids, t]);
  useEffect(() => () => setAlarm(false), []);
  if (ringing.length === 0 || pathname.startsWith('/console')) return null;
  return (
    <Alert color="red.9" variant="filled" mb="md" icon={<IconAlarm size={20} />} data-testid="alarm-bar" role="alert">
      {t('due.alarmBar', { n: ringing.length, first: dueSubject(t, ringing[0]!) })}{' '}
      <Anchor component={Link} to="/console" c="white" fw={700} underline="always">
        {t('due.backToConsole')}
      </Anchor>
    </Alert>
  );
}
