/**
 * Add or edit a person.
 */
import { Button, Checkbox, Group, Modal, NumberInput, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { useState } from 'react';
import { call, queryClient } from '../../api';
import { personRoles, type PersonRole } from '../../../shared/roles';
import type { Person } from '../../../shared/contract';
import { errorText, fieldErrors, notifySaved } from '../../lib/errors';

export function PersonForm({ person, onClose }: { person: Person | null; onClose: () => void }) {
  const { t } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  const form = useForm({
    initialValues: {
      name: person?.name ?? '',
      department: person?.department ?? '',
      title: person?.title ?? '',
      officePhone: person?.officePhone ?? '',
      mobile: person?.mobile ?? '',
      roles: (person?.roles ?? ['officer']) as PersonRole[],
      sortOrder: person?.sortOrder ?? 0,
    },
  });
  const submit = form.onSubmit(async (v) => {
    setError(null);
    try {
      if (person) await call('people.update', { id: person.id, ...v });
      else await call('people.create', v);
      await queryClient.invalidateQueries();
      notifySaved();
      onClose();
    } catch (e) {
      form.setErrors(fieldErrors(t, e));
      setError(errorText(t, e));
    }
  });
  return (
    <Modal opened onClose={onClose} title={person ? t('people.edit') : t('people.add')} size="lg">
      <form onSubmit={submit}>
        <Stack>
          <SimpleGrid cols={2}>
            <TextInput label={t('people.name')} required data-autofocus {...form.getInputProps('name')} />
            <TextInput label={t('people.department')} {...form.getInputProps('department')} />
            <TextInput label={t('people.title')} {...form.getInputProps('title')} />
            <NumberInput label={t('people.sortOrder')} min={0} {...form.getInputProps('sortOrder')} />
            <TextInput label={t('people.mobile')} {...form.getInputProps('mobile')} />
            <TextInput label={t('people.officePhone')} {...form.getInputProps('officePhone')} />
          </SimpleGrid>
          <Checkbox.Group label={t('people.roles')} {...form.getInputProps('roles')}>
            <Group mt="xs">
              {personRoles.map((r) => (
                <Checkbox key={r} value={r} label={t(`roles.${r}`)} />
              ))}
            </Group>
          </Checkbox.Group>
          {error && (
            <Text c="red" role="alert">
              {error}
            </Text>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={form.submitting}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
