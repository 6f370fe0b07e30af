/**
 * Change one's own password.
 */
import { useState } from 'react';
import { Button, Paper, PasswordInput, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { call } from '../../api';
import { errorText, fieldErrors, notifySaved } from '../../lib/errors';

export function AccountSettings() {
  const { t } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  const form = useForm({
    initialValues: { current: '', next: '', again: '' },
    validate: { again: (v, all) => (v === all.next ? null : t('setup.passwordMismatch')) },
  });
  const submit = form.onSubmit(async ({ current, next }) => {
    setError(null);
    try {
      await call('auth.changePassword', { current, next });
      form.reset();
      notifySaved(t('settings.passwordChanged'));
    } catch (e) {
      form.setErrors(fieldErrors(t, e));
      setError(errorText(t, e));
    }
  });
  return (
    <Paper withBorder p="lg" maw={420} component="form" onSubmit={submit}>
      <Stack>
        <PasswordInput label={t('settings.currentPassword')} required {...form.getInputProps('current')} />
        <PasswordInput label={t('users.newPassword')} description={t('validation.passwordWeak')} required {...form.getInputProps('next')} />
        <PasswordInput label={t('setup.passwordAgain')} required {...form.getInputProps('again')} />
        {error && <Text c="red">{error}</Text>}
        <Button type="submit" w="fit-content">
          {t('settings.changePassword')}
        </Button>
      </Stack>
    </Paper>
  );
}
