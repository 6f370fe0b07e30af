/**
 * Add or edit an external contact.
 */
import { NumberInput, Select, SimpleGrid, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { call } from '../../api';
import { contactKinds, type Contact, type ContactKind } from '../../../shared/contract';
import { FormModal } from '../../components/FormModal/FormModal';

export function ContactForm({ contact, onClose }: { contact: Contact | null; onClose: () => void }) {
  const { t } = useTranslation();
  const form = useForm({
    initialValues: {
      kind: (contact?.kind ?? 'superior') as ContactKind,
      name: contact?.name ?? '',
      unit: contact?.unit ?? '',
      phone: contact?.phone ?? '',
      mobile: contact?.mobile ?? '',
      fax: contact?.fax ?? '',
      note: contact?.note ?? '',
      sortOrder: contact?.sortOrder ?? 0,
    },
  });
  return (
    <FormModal
      title={contact ? t('contacts.edit') : t('contacts.add')}
      form={form}
      onClose={onClose}
      save={(v) => (contact ? call('contacts.update', { id: contact.id, ...v }) : call('contacts.create', v))}
    >
      <SimpleGrid cols={2}>
        <Select
          label={t('contacts.kind')}
          data={contactKinds.map((k) => ({ value: k, label: t(`contacts.kinds.${k}`) }))}
          allowDeselect={false}
          {...form.getInputProps('kind')}
        />
        <TextInput label={t('contacts.name')} required data-autofocus {...form.getInputProps('name')} />
        <TextInput label={t('contacts.unit')} {...form.getInputProps('unit')} />
        <TextInput label={t('contacts.phone')} {...form.getInputProps('phone')} />
        <TextInput label={t('people.mobile')} {...form.getInputProps('mobile')} />
        <TextInput label={t('desk.fax')} {...form.getInputProps('fax')} />
        <NumberInput label={t('people.sortOrder')} min={0} {...form.getInputProps('sortOrder')} />
      </SimpleGrid>
      <Textarea label={t('contacts.note')} autosize minRows={2} {...form.getInputProps('note')} />
    </FormModal>
  );
}
