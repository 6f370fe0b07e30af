/**
 * First run: create the desk and the first administrator. Nothing else opens before this.
 */
import { Button, Container, Paper, PasswordInput, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { call, refreshForSession, session } from '../../api';
import { timeZones } from '../../../shared/contract';
import { errorText, fieldErrors } from '../../lib/errors';
import { useState } from 'react';

export function SetupPage() {
  const { t } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  const form = useForm({
    initialValues: {
      deskName: '',
      dutyPhone: '',
      fax: '',
      timeZone: 'Asia/Shanghai' as (typeof timeZones)[number],
      adminName: '',
      adminLogin: 'admin',
      adminPassword: '',
      adminPasswordAgain: '',
      adminMobile: '',
      adminDepartment: '',
    },
    validate: {
      adminPasswordAgain: (v, all) => (v === all.adminPassword ? null : t('setup.passwordMismatch')),
    },
  });

  const submit = form.onSubmit(async ({ adminPasswordAgain: _again, ...values }) => {
    setError(null);
    try {
      const s = await call('app.setup', values);
      session.set(s.sessionId);
      await refreshForSession();
    } catch (e) {
      form.setErrors(fieldErrors(t, e));
      setError(errorText(t, e));
    }
  });

  return (
    <Container component="main" size={640} py="xl">
      <Title order={1} mb="xs">
        {t('setup.title')}
      </Title>
      <Text c="dimmed" mb="lg">
        {t('setup.intro')}
      </Text>
      <Paper withBorder p="lg" component="form" onSubmit={submit}>
        <Stack>
          <Title order={2} size="h4">{t('setup.deskSection')}</Title>
          <TextInput label={t('desk.unitName')} placeholder={t('setup.deskNamePlaceholder')} required {...form.getInputProps('deskName')} />
          <SimpleGrid cols={2}>
            <TextInput label={t('desk.dutyPhone')} {...form.getInputProps('dutyPhone')} />
            <TextInput label={t('desk.fax')} {...form.getInputProps('fax')} />
          </SimpleGrid>
          <Select label={t('desk.timeZone')} data={timeZones.map((z) => ({ value: z, label: z }))} allowDeselect={false} {...form.getInputProps('timeZone')} />
          <Title order={2} size="h4" mt="md">
            {t('setup.adminSection')}
          </Title>
          <SimpleGrid cols={2}>
            <TextInput label={t('people.name')} required {...form.getInputProps('adminName')} />
            <TextInput label={t('people.department')} {...form.getInputProps('adminDepartment')} />
            <TextInput label={t('users.login')} required {...form.getInputProps('adminLogin')} />
            <TextInput label={t('people.mobile')} {...form.getInputProps('adminMobile')} />
            <PasswordInput label={t('users.password')} description={t('validation.passwordWeak')} required {...form.getInputProps('adminPassword')} />
            <PasswordInput label={t('setup.passwordAgain')} required {...form.getInputProps('adminPasswordAgain')} />
          </SimpleGrid>
          {error && (
            <Text c="red" role="alert">
              {error}
            </Text>
          )}
          <Button type="submit" size="md" loading={form.submitting}>
            {t('setup.submit')}
          </Button>
        </Stack>
      </Paper>
    </Container>
  );
}
