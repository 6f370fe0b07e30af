/**
 * Add or edit a person.
 */
import { Checkbox, Group, NumberInput, SimpleGrid, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { call } from '../../api';
import { personRoles, type PersonRole } from '../../../shared/roles';
import type { Person } from '../../../shared/contract';
import { FormModal } from '../../components/FormModal/FormModal';

export function PersonForm({ person, onClose }: { person: Person | null; onClose: () => void }) {
  const { t } = useTranslation();
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
  return (
    <FormModal
      title={person ? t('people.edit') : t('people.add')}
      form={form}
      onClose={onClose}
      save={(v) => (person ? call('people.update', { id: person.id, ...v }) : call('people.create', v))}
    >
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
    </FormModal>
  );
}
