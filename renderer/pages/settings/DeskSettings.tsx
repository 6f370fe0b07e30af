/**
 * The desk: unit name, duty phone, fax, time zone.
 */
import { useEffect, useState } from 'react';
import { Button, Paper, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { call, useApiQuery } from '../../api';
import { timeZones } from '../../../shared/contract';
import { errorText, fieldErrors, notifySaved } from '../../lib/errors';

export function DeskSettings() {
  const { t } = useTranslation();
  const desk = useApiQuery('desk.get', {});
  const [error, setError] = useState<string | null>(null);
  const form = useForm({ initialValues: { unitName: '', dutyPhone: '', fax: '', timeZone: 'Asia/Shanghai' as (typeof timeZones)[number] } });
  useEffect(() => {
    if (desk.data)
      form.setValues({
        unitName: desk.data.unitName,
        dutyPhone: desk.data.dutyPhone ?? '',
        fax: desk.data.fax ?? '',
        timeZone: desk.data.timeZone as (typeof timeZones)[number],
      });
  }, [desk.data]);
  const submit = form.onSubmit(async (v) => {
    setError(null);
    try {
      await call('desk.update', v);
      notifySaved();
    } catch (e) {
      form.setErrors(fieldErrors(t, e));
      setError(errorText(t, e));
    }
  });
  return (
    <Paper withBorder p="lg" maw={640} component="form" onSubmit={submit}>
      <Stack>
        <TextInput label={t('desk.unitName')} required {...form.getInputProps('unitName')} />
        <SimpleGrid cols={2}>
          <TextInput label={t('desk.dutyPhone')} {...form.getInputProps('dutyPhone')} />
          <TextInput label={t('desk.fax')} {...form.getInputProps('fax')} />
        </SimpleGrid>
        <Select label={t('desk.timeZone')} data={[...timeZones]} allowDeselect={false} {...form.getInputProps('timeZone')} />
        {error && <Text c="red">{error}</Text>}
        <Button type="submit" w="fit-content" loading={form.submitting}>
          {t('common.save')}
        </Button>
      </Stack>
    </Paper>
  );
}
