/**
 * Editing a registered document or telegram, always as a new version with a
 * reason: the whole entry, or just 拟办意见 or the leader's 批示 (the reason
 * then defaults to what was done: 填写拟办意见 / 录入领导批示).
 */
import { NumberInput, Select, SimpleGrid, Textarea, TextInput } from '@mantine/core';
import { DateTimeField } from '../../components/DateFields/DateFields';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { call } from '../../api';
import type { DocumentDetail, DocumentFields, Input } from '../../../shared/contract';
import { allSecrecyLevels, documentKinds, urgencies, type DocumentKind, type Urgency } from '../../../shared/domain/document';
import { FormModal } from '../../components/FormModal/FormModal';
import { useDesk } from '../../lib/desk-context';
import { fromLocalInput, toLocalInput } from '../../lib/local-input';
import { patchOf } from '../../lib/patch';

export type DocumentEditFocus = 'all' | 'proposal' | 'instruction';
const orNull = (s: string): string | null => (s.trim() ? s.trim() : null);

export function DocumentEditDialog({ d, focus, onClose }: { d: DocumentDetail; focus: DocumentEditFocus; onClose: () => void }) {
  const { t } = useTranslation();
  const { tz } = useDesk();
  const form = useForm({
    initialValues: {
      kind: d.kind,
      fromUnit: d.fromUnit,
      docNo: d.docNo ?? '',
      title: d.title,
      secrecy: d.secrecy as string,
      urgency: d.urgency,
      receivedAt: toLocalInput(d.receivedAt, tz),
      pages: d.pages ?? ('' as number | ''),
      proposal: d.proposal ?? '',
      instruction: d.instruction ?? '',
      dueAt: d.dueAt ? toLocalInput(d.dueAt, tz) : '',
      reason: '',
    },
  });
  const v = form.values;
  // Filling in an empty 拟办意见 or 批示 says so by itself; changing what was written needs the person's reason.
  const suggested =
    focus === 'proposal' && !d.proposal ? t('documents.reasonProposal') : focus === 'instruction' && !d.instruction ? t('documents.reasonInstruction') : '';
  const save = async () => {
    const at = (s: string, was: string | null): string | null => (s === (was ? toLocalInput(was, tz) : '') ? was : s ? fromLocalInput(s, tz) : null);
    const before: DocumentFields = {
      kind: d.kind,
      fromUnit: d.fromUnit,
      docNo: d.docNo,
      title: d.title,
      secrecy: d.secrecy,
      urgency: d.urgency,
      receivedAt: d.receivedAt,
      pages: d.pages,
      proposal: d.proposal,
      instruction: d.instruction,
      dueAt: d.dueAt,
    };
    const after: DocumentFields = {
      kind: v.kind,
      fromUnit: v.fromUnit.trim(),
      docNo: orNull(v.docNo),
      title: v.title.trim(),
      secrecy: v.secrecy as DocumentFields['secrecy'],
      urgency: v.urgency,
      receivedAt: at(v.receivedAt, d.receivedAt) ?? d.receivedAt,
      pages: v.pages === '' ? null : Number(v.pages),
      proposal: orNull(v.proposal),
      instruction: orNull(v.instruction),
      dueAt: at(v.dueAt, d.dueAt),
    };
    const input: Input<'documents.update'> = { id: d.id, expectedVersion: d.version, reason: v.reason.trim() || suggested, ...patchOf(before, after) };
    await call('documents.update', input);
  };
  const title = focus === 'proposal' ? t('documents.proposal') : focus === 'instruction' ? t('documents.instruction') : t('documents.editEntry');
  return (
    <FormModal title={`${title} · ${d.no}`} form={form} save={save} onClose={onClose}>
      {focus === 'all' && (
        <>
          <SimpleGrid cols={3} spacing="xs" data-testid="document-edit">
            <Select label={t('documents.kindLabel')} data={documentKinds.map((k) => ({ value: k, label: t(`documents.kind.${k}`) }))} allowDeselect={false} {...form.getInputProps('kind')} onChange={(k) => k && form.setFieldValue('kind', k as DocumentKind)} />
            <Select label={t('documents.secrecyLabel')} data={allSecrecyLevels.map((s) => ({ value: s, label: t(`documents.secrecy.${s}`) }))} allowDeselect={false} {...form.getInputProps('secrecy')} onChange={(s) => s && form.setFieldValue('secrecy', s)} />
            <Select label={t('documents.urgencyLabel')} data={urgencies.map((u) => ({ value: u, label: t(`documents.urgency.${u}`) }))} allowDeselect={false} {...form.getInputProps('urgency')} onChange={(u) => u && form.setFieldValue('urgency', u as Urgency)} />
            <TextInput label={t('documents.fromUnit')} {...form.getInputProps('fromUnit')} />
            <TextInput label={t('documents.docNo')} {...form.getInputProps('docNo')} />
            <NumberInput label={t('documents.pages')} min={1} {...form.getInputProps('pages')} />
          </SimpleGrid>
          <Textarea label={t('documents.titleLabel')} autosize {...form.getInputProps('title')} />
          <SimpleGrid cols={2} spacing="xs">
            <DateTimeField label={t('documents.receivedAt')} {...form.getInputProps('receivedAt')} value={form.values.receivedAt} />
            <DateTimeField
              label={t('documents.dueAt')}
              disabled={d.state === 'done'}
              description={d.state === 'done' ? t('documents.errors.doneDeadline') : undefined}
              {...form.getInputProps('dueAt')} value={form.values.dueAt}
            />
          </SimpleGrid>
        </>
      )}
      {(focus === 'all' || focus === 'proposal') && <Textarea label={t('documents.proposal')} autosize minRows={focus === 'proposal' ? 3 : 1} data-autofocus={focus === 'proposal' || undefined} {...form.getInputProps('proposal')} />}
      {(focus === 'all' || focus === 'instruction') && (
        <Textarea label={t('documents.instruction')} autosize minRows={focus === 'instruction' ? 3 : 1} data-autofocus={focus === 'instruction' || undefined} {...form.getInputProps('instruction')} />
      )}
      <Textarea
        label={t('documents.editReason')}
        required={!suggested}
        placeholder={suggested || undefined}
        description={suggested ? t('documents.reasonDefault', { reason: suggested }) : undefined}
        autosize
        data-autofocus={focus === 'all' || undefined}
        {...form.getInputProps('reason')}
      />
    </FormModal>
  );
}
