/**
 * Login with a password. Used at shift start and to switch user at handover.
 */
import { useState } from 'react';
import { Button, Center, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { call, refreshForSession, session } from '../../api';
import { useDesk } from '../../lib/desk-context';
import { errorText } from '../../lib/errors';
import { LockedAlarm } from '../../components/Alarm/LockedAlarm';

export function LoginPage() {
  const { t } = useTranslation();
  const { status } = useDesk();
  const [error, setError] = useState<string | null>(null);
  const form = useForm({ initialValues: { login: '', password: '' } });
  const submit = form.onSubmit(async (values) => {
    setError(null);
    try {
      const s = await call('auth.login', values);
      // A login is a new person at the desk (the next shift, a leader): they start on the console, not on the screen the last one left open.
      if (window.location.hash.replace(/^#\/?/u, '') !== '') window.location.hash = '#/';
      session.set(s.sessionId);
      await refreshForSession();
    } catch (e) {
      setError(errorText(t, e));
      form.setFieldValue('password', '');
    }
  });
  return (
    <Center component="main" h="100vh" p="md">
      <Paper withBorder p="xl" w={380} component="form" onSubmit={submit}>
        <Stack>
          <div>
            <Title order={1}>{t('app.name')}</Title>
            <Text c="dimmed" className="dd-wrap">
              {status.deskName}
            </Text>
          </div>
          <LockedAlarm />
          <TextInput label={t('users.login')} autoFocus autoComplete="username" required {...form.getInputProps('login')} />
          <PasswordInput label={t('users.password')} autoComplete="current-password" required {...form.getInputProps('password')} />
          {error && (
            <Text c="red" role="alert">
              {error}
            </Text>
          )}
          <Button type="submit" loading={form.submitting}>
            {t('login.submit')}
          </Button>
        </Stack>
      </Paper>
    </Center>
  );
}
