/**
 * Add or edit an external contact.
 */
import { Button, Group, Modal, NumberInput, Select, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { useState } from 'react';
import { call, queryClient } from '../../api';
import { contactKinds, type Contact, type ContactKind } from '../../../shared/contract';
import { errorText, fieldErrors, notifySaved } from '../../lib/errors';

export function ContactForm({ contact, onClose }: { contact: Contact | null; onClose: () => void }) {
  const { t } = useTranslation();
  const [error, setError] = useState<string | null>(null);
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
  const submit = form.onSubmit(async (v) => {
    setError(null);
    try {
      if (contact) await call('contacts.update', { id: contact.id, ...v });
      else await call('contacts.create', v);
      await queryClient.invalidateQueries();
      notifySaved();
      onClose();
    } catch (e) {
      form.setErrors(fieldErrors(t, e));
      setError(errorText(t, e));
    }
  });
  return (
    <Modal opened onClose={onClose} title={contact ? t('contacts.edit') : t('contacts.add')} size="lg">
      <form onSubmit={submit}>
        <Stack>
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
