/**
 * Editing a petition, always as a new version with a reason: its fields, one
 * petitioner's record, and who the petition names (add a forgotten person,
 * link one who came before — then 重复访 —, take off one entered by mistake).
 */
import { useState } from 'react';
import { ActionIcon, Badge, Button, Checkbox, Group, Modal, NumberInput, Select, SimpleGrid, Stack, Table, Text, TextInput, Textarea } from '@mantine/core';
import { DateTimeField } from '../../components/DateFields/DateFields';
import { useForm } from '@mantine/form';
import { IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { call, useApiQuery } from '../../api';
import type { Input, Petitioner, PetitionDetail, PetitionFields, PetitionSettings } from '../../../shared/contract';
import { abnormalKinds, isGroupVisit, levelsFrom, maxRepresentatives, petitionForms, type AbnormalKind, type PetitionForm, type PetitionLevel } from '../../../shared/domain/petition';
import { FormModal } from '../../components/FormModal/FormModal';
import { useDesk } from '../../lib/desk-context';
import { errorText, fieldErrors, notifySaved } from '../../lib/errors';
import { fromLocalInput, toLocalInput } from '../../lib/local-input';
import { patchOf } from '../../lib/patch';

const orNull = (s: string): string | null => (s.trim() ? s.trim() : null);

const fieldsOf = (x: PetitionFields): PetitionFields => ({
  receivedAt: x.receivedAt,
  form: x.form,
  persons: x.persons,
  level: x.level,
  abnormal: x.abnormal,
  abnormalKind: x.abnormalKind,
  category: x.category,
  summary: x.summary,
  demands: x.demands,
  leader: x.leader,
  unit: x.unit,
  locality: x.locality,
});

/** The petition's own fields; the day received only while it is still just registered (the 15-day count runs from it). */
export function PetitionEditDialog({ p, settings, onClose }: { p: PetitionDetail; settings: PetitionSettings; onClose: () => void }) {
  const { t } = useTranslation();
  const { tz } = useDesk();
  const form = useForm({
    initialValues: {
      receivedAt: toLocalInput(p.receivedAt, tz),
      form: p.form,
      persons: p.persons,
      level: p.level,
      category: p.category,
      abnormal: p.abnormal,
      abnormalKind: p.abnormalKind,
      summary: p.summary,
      demands: p.demands ?? '',
      leader: p.leader ?? '',
      unit: p.unit ?? '',
      locality: p.locality ?? '',
      reason: '',
    },
  });
  const v = form.values;
  // A value the desk has since dropped from its lists stays selectable on the record that carries it.
  const levels = [...new Set([...levelsFrom(settings.deskLevel), p.level])];
  const categories = settings.categories.includes(p.category) ? settings.categories : [...settings.categories, p.category];
  const save = async () => {
    const before: PetitionFields = { ...p, receivedAt: toLocalInput(p.receivedAt, tz) };
    const after: PetitionFields = {
      receivedAt: v.receivedAt,
      form: v.form,
      persons: Number(v.persons) || 1,
      level: v.level,
      abnormal: v.abnormal,
      abnormalKind: v.abnormal ? v.abnormalKind : null,
      category: v.category,
      summary: v.summary.trim(),
      demands: orNull(v.demands),
      leader: orNull(v.leader),
      unit: orNull(v.unit),
      locality: orNull(v.locality),
    };
    const patch = patchOf(fieldsOf(before), after);
    const input: Input<'petitions.update'> = { id: p.id, expectedVersion: p.version, reason: v.reason, ...patch };
    if (patch.receivedAt !== undefined) input.receivedAt = fromLocalInput(patch.receivedAt, tz) ?? undefined;
    await call('petitions.update', input);
  };
  return (
    <FormModal title={`${t('petitions.edit')} ${p.no}`} form={form} save={save} onClose={onClose} size="xl">
      <SimpleGrid cols={3} spacing="xs" data-testid="petition-edit">
        <DateTimeField
          label={t('petitions.receivedAt')}
          disabled={p.state !== 'registered'}
          description={p.state !== 'registered' ? t('petitions.errors.receivedFixed') : undefined}
          {...form.getInputProps('receivedAt')} value={form.values.receivedAt}
        />
        <Select label={t('petitions.formLabel')} data={petitionForms.map((f) => ({ value: f, label: t(`petitions.form.${f}`) }))} allowDeselect={false} {...form.getInputProps('form')} onChange={(x) => x && form.setFieldValue('form', x as PetitionForm)} />
        <NumberInput label={t('petitions.persons')} min={1} {...form.getInputProps('persons')} />
        <Select label={t('petitions.levelLabel')} data={levels.map((l) => ({ value: l, label: t(`petitions.level.${l}`) }))} allowDeselect={false} {...form.getInputProps('level')} onChange={(x) => x && form.setFieldValue('level', x as PetitionLevel)} />
        <Select label={t('petitions.categoryLabel')} data={categories} searchable allowDeselect={false} {...form.getInputProps('category')} onChange={(x) => x && form.setFieldValue('category', x)} />
        <Group align="flex-end" gap="xs">
          <Checkbox label={t('petitions.abnormal')} mb={8} {...form.getInputProps('abnormal', { type: 'checkbox' })} />
          {v.abnormal && (
            <Select
              aria-label={t('petitions.abnormalKindLabel')}
              placeholder={t('petitions.abnormalKindLabel')}
              data={abnormalKinds.map((k) => ({ value: k, label: t(`petitions.abnormalKind.${k}`) }))}
              w={140}
              {...form.getInputProps('abnormalKind')}
              onChange={(x) => form.setFieldValue('abnormalKind', x as AbnormalKind | null)}
            />
          )}
        </Group>
      </SimpleGrid>
      <Textarea label={t('petitions.summary')} autosize minRows={2} {...form.getInputProps('summary')} />
      <Textarea label={t('petitions.demands')} autosize {...form.getInputProps('demands')} />
      <SimpleGrid cols={3} spacing="xs">
        <TextInput label={t('petitions.leader')} {...form.getInputProps('leader')} />
        <TextInput label={t('petitions.unit')} {...form.getInputProps('unit')} />
        <TextInput label={t('petitions.locality')} {...form.getInputProps('locality')} />
      </SimpleGrid>
      <Textarea label={t('petitions.editReason')} required autosize data-autofocus {...form.getInputProps('reason')} />
    </FormModal>
  );
}

/** One petitioner's record (every petition naming them shows the change). ID numbers only by a role that may see them. */
export function PetitionerEditDialog({ x, onClose }: { x: Petitioner; onClose: () => void }) {
  const { t } = useTranslation();
  const form = useForm({
    initialValues: {
      name: x.name,
      phone: x.phone ?? '',
      idNumber: x.idNumberMasked ? '' : (x.idNumber ?? ''),
      address: x.address ?? '',
      keyPerson: x.keyPerson,
      reason: '',
    },
  });
  const v = form.values;
  const save = async () => {
    const before = { name: x.name, phone: x.phone, address: x.address, keyPerson: x.keyPerson, ...(x.idNumberMasked ? {} : { idNumber: x.idNumber }) };
    const after = { name: v.name.trim(), phone: orNull(v.phone), address: orNull(v.address), keyPerson: v.keyPerson, ...(x.idNumberMasked ? {} : { idNumber: orNull(v.idNumber) }) };
    await call('petitioners.update', { id: x.id, expectedVersion: x.version, reason: v.reason, ...patchOf(before, after) });
  };
  return (
    <FormModal title={`${t('petitions.editPetitioner')} ${x.name}`} form={form} save={save} onClose={onClose}>
      <SimpleGrid cols={2} spacing="xs" data-testid="petitioner-edit">
        <TextInput label={t('petitions.petitionerName')} required {...form.getInputProps('name')} />
        <TextInput label={t('petitions.phone')} {...form.getInputProps('phone')} />
        <TextInput
          label={t('petitions.idNumber')}
          disabled={x.idNumberMasked}
          placeholder={x.idNumberMasked ? (x.idNumber ?? '') : undefined}
          description={x.idNumberMasked ? t('petitions.errors.idNumberRole') : undefined}
          {...form.getInputProps('idNumber')}
        />
        <TextInput label={t('petitions.address')} {...form.getInputProps('address')} />
      </SimpleGrid>
      <Checkbox label={t('petitions.keyPerson')} {...form.getInputProps('keyPerson', { type: 'checkbox' })} />
      <Textarea label={t('petitions.editReason')} required autosize data-autofocus {...form.getInputProps('reason')} />
    </FormModal>
  );
}

type Row =
  | { key: number; kind: 'linked'; id: number; name: string; detail: string; representative: boolean }
  | { key: number; kind: 'new'; name: string; phone: string; idNumber: string; address: string; keyPerson: boolean; representative: boolean };

/** Who the petition names. A group visit names its representatives (at most five); otherwise no more people than came. */
export function PetitionersDialog({ p, onClose }: { p: PetitionDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const group = isGroupVisit(p.persons);
  const [rows, setRows] = useState<Row[]>(() =>
    p.petitioners.map((x, i) => ({ key: i + 1, kind: 'linked', id: x.id, name: x.name, detail: [x.phone, x.idNumber].filter(Boolean).join(' '), representative: x.representative })),
  );
  const [search, setSearch] = useState('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const found = useApiQuery('petitioners.search', { query: search.trim() }, { enabled: search.trim().length >= 2 });
  const nextKey = () => Math.max(0, ...rows.map((r) => r.key)) + 1;
  const max = group ? maxRepresentatives : p.persons;
  const patchRow = (key: number, patch: Partial<Row>) => setRows((rs) => rs.map((r) => (r.key === key ? ({ ...r, ...patch } as Row) : r)));
  const save = async () => {
    setError(null);
    setErrors({});
    setBusy(true);
    try {
      await call('petitions.setPetitioners', {
        id: p.id,
        expectedVersion: p.version,
        reason,
        petitioners: rows.map((r) =>
          r.kind === 'linked'
            ? { petitionerId: r.id, representative: group || r.representative }
            : { name: r.name, phone: orNull(r.phone), idNumber: orNull(r.idNumber), address: orNull(r.address), keyPerson: r.keyPerson, representative: group || r.representative },
        ),
      });
      notifySaved();
      onClose();
    } catch (e) {
      setErrors(fieldErrors(t, e));
      setError(errorText(t, e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal opened onClose={onClose} size="xl" title={`${t('petitions.editPetitioners')} ${p.no}`}>
      <Stack gap="xs" data-testid="petitioners-edit">
        <Text size="sm" c="dimmed">
          {group ? t('petitions.representatives') : t('petitions.petitionersMax', { n: p.persons })}
        </Text>
        {rows.map((r, i) =>
          r.kind === 'linked' ? (
            <Group key={r.key} gap="xs" data-testid="petitioners-edit-row">
              <Text size="sm" fw={600}>
                {r.name}
              </Text>
              <Text size="sm" c="dimmed">
                {r.detail}
              </Text>
              {!group && <Checkbox size="xs" label={t('petitions.representative')} checked={r.representative} onChange={(e) => patchRow(r.key, { representative: e.currentTarget.checked })} />}
              <ActionIcon variant="subtle" color="gray" aria-label={`${t('petitions.removePetitioner')} ${r.name}`} onClick={() => setRows((rs) => rs.filter((x) => x.key !== r.key))}>
                <IconTrash size={16} />
              </ActionIcon>
            </Group>
          ) : (
            <Group key={r.key} gap="xs" align="flex-start" wrap="nowrap" data-testid="petitioner-row">
              <TextInput aria-label={t('petitions.petitionerName')} placeholder={t('petitions.petitionerName')} value={r.name} onChange={(e) => patchRow(r.key, { name: e.currentTarget.value })} error={errors[`petitioners.${i}.name`]} w={110} />
              <TextInput aria-label={t('petitions.phone')} placeholder={t('petitions.phone')} value={r.phone} onChange={(e) => patchRow(r.key, { phone: e.currentTarget.value })} error={errors[`petitioners.${i}.phone`]} w={140} />
              <TextInput aria-label={t('petitions.idNumber')} placeholder={t('petitions.idNumber')} value={r.idNumber} onChange={(e) => patchRow(r.key, { idNumber: e.currentTarget.value })} error={errors[`petitioners.${i}.idNumber`]} w={190} />
              <TextInput aria-label={t('petitions.address')} placeholder={t('petitions.address')} value={r.address} onChange={(e) => patchRow(r.key, { address: e.currentTarget.value })} style={{ flex: 1 }} />
              <Checkbox label={t('petitions.keyPerson')} checked={r.keyPerson} onChange={(e) => patchRow(r.key, { keyPerson: e.currentTarget.checked })} mt={8} />
              <ActionIcon variant="subtle" color="gray" mt={4} aria-label={t('petitions.removePetitioner')} onClick={() => setRows((rs) => rs.filter((x) => x.key !== r.key))}>
                <IconTrash size={16} />
              </ActionIcon>
            </Group>
          ),
        )}
        {errors.petitioners && (
          <Text c="red" size="sm">
            {errors.petitioners}
          </Text>
        )}
        <Group>
          <Button
            size="compact-sm"
            variant="light"
            disabled={rows.length >= max}
            onClick={() => setRows((rs) => [...rs, { key: nextKey(), kind: 'new', name: '', phone: '', idNumber: '', address: '', keyPerson: false, representative: false }])}
          >
            {t('petitions.addPetitioner')}
          </Button>
        </Group>
        <TextInput label={t('petitions.searchPetitioner')} value={search} onChange={(e) => setSearch(e.currentTarget.value)} />
        {(found.data?.length ?? 0) > 0 && search.trim().length >= 2 && (
          <Table>
            <Table.Tbody>
              {found.data!.map((x) => (
                <Table.Tr key={x.id}>
                  <Table.Td>{x.name}</Table.Td>
                  <Table.Td>{x.phone ?? ''}</Table.Td>
                  <Table.Td>{x.idNumber ?? ''}</Table.Td>
                  <Table.Td>
                    <Badge variant="light">{t('petitions.visits', { n: x.visits })}</Badge>
                  </Table.Td>
                  <Table.Td>
                    <Button
                      size="compact-xs"
                      disabled={rows.length >= max || rows.some((r) => r.kind === 'linked' && r.id === x.id)}
                      onClick={() => setRows((rs) => [...rs, { key: nextKey(), kind: 'linked', id: x.id, name: x.name, detail: [x.phone, x.idNumber].filter(Boolean).join(' '), representative: false }])}
                    >
                      {t('petitions.linkExisting')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        <Textarea label={t('petitions.editReason')} required autosize value={reason} onChange={(e) => setReason(e.currentTarget.value)} error={errors.reason} />
        {error && (
          <Text c="red" role="alert">
            {error}
          </Text>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button onClick={() => void save()} loading={busy} disabled={!reason.trim()}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
