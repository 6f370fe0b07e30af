/**
 * The lock screen: unlock as the same user, or switch user (handover).
 */
import { useState } from 'react';
import { Button, Center, Group, Paper, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { call, refreshForSession } from '../../api';
import { useDesk, useNow } from '../../lib/desk-context';
import { errorText } from '../../lib/errors';
import { formatClock, type Lang } from '../../lib/format';
import { logout } from '../../lib/session-actions';
import { LockedAlarm } from '../../components/Alarm/LockedAlarm';

export function LockScreen({ onUnlocked }: { onUnlocked: () => void }) {
  const { t, i18n } = useTranslation();
  const { session: s, tz } = useDesk();
  const now = useNow();
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const unlock = async (e: React.FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await call('auth.unlock', { password });
      onUnlocked();
      await refreshForSession();
    } catch (err) {
      setError(errorText(t, err));
      setPassword('');
    } finally {
      setBusy(false);
    }
  };
  return (
    <Center component="main" h="100vh" p="md">
      <Paper withBorder p="xl" w={400} component="form" onSubmit={unlock}>
        <Stack>
          <Group>
            <IconLock size={28} />
            <Title order={1}>{t('lock.title')}</Title>
          </Group>
          <Text size="xl" ff="monospace">
            {formatClock(now, tz, i18n.language as Lang)}
          </Text>
          <Text>{t('lock.lockedBy', { name: s?.displayName ?? '' })}</Text>
          <LockedAlarm />
          <PasswordInput label={t('users.password')} value={password} onChange={(e) => setPassword(e.currentTarget.value)} autoFocus required />
          {error && (
            <Text c="red" role="alert">
              {error}
            </Text>
          )}
          <Group grow>
            <Button type="submit" loading={busy}>
              {t('lock.unlock')}
            </Button>
            <Button variant="default" onClick={() => void logout().then(onUnlocked)}>
              {t('lock.switchUser')}
            </Button>
          </Group>
        </Stack>
      </Paper>
    </Center>
  );
}
