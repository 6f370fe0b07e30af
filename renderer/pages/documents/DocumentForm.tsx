/**
 * 登记来文: a document or a telegram (明传电报) — 来文单位, 文号, 标题, 密级
 * (only 公开 and 内部 are accepted; the higher levels are offered so that the
 * refusal says why), 紧急程度, pages, 拟办意见, 批示, 办理时限.
 */
import { useState } from 'react';
import { Alert, Button, Group, Modal, NumberInput, Select, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { DateTimeField, eventProps } from '../../components/DateFields/DateFields';
import { useTranslation } from 'react-i18next';
import { call } from '../../api';
import type { IncomingDocument, Input, LogEntry } from '../../../shared/contract';
import { allSecrecyLevels, documentKinds, urgencies, type AnySecrecy, type DocumentKind, type Urgency } from '../../../shared/domain/document';
import { useDesk } from '../../lib/desk-context';
import { errorText, fieldErrors, notifySaved } from '../../lib/errors';
import { fromLocalInput, toLocalInput } from '../../lib/local-input';

export function DocumentForm({ fromEntry, onClose, onSaved }: { fromEntry?: LogEntry; onClose: () => void; onSaved: (d: IncomingDocument) => void }) {
  const { t } = useTranslation();
  const { tz } = useDesk();
  const [kind, setKind] = useState<DocumentKind>('document');
  const [secrecy, setSecrecy] = useState<AnySecrecy>('public');
  const [urgency, setUrgency] = useState<Urgency>('normal');
  const [pages, setPages] = useState<number | ''>('');
  const [v, setV] = useState({
    fromUnit: fromEntry?.sourceUnit ?? '',
    docNo: '',
    title: fromEntry?.summary ?? '',
    receivedAt: fromEntry ? toLocalInput(fromEntry.occurredAt, tz) : '',
    proposal: fromEntry?.proposal ?? '',
    instruction: fromEntry?.instruction ?? '',
    dueAt: '',
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const field = (k: keyof typeof v) => ({ value: v[k], onChange: (e: { currentTarget: { value: string } }) => setV({ ...v, [k]: e.currentTarget.value }), error: errors[k] });
  const save = async () => {
    setError(null);
    setErrors({});
    const receivedAt = v.receivedAt ? fromLocalInput(v.receivedAt, tz) : null;
    const dueAt = v.dueAt ? fromLocalInput(v.dueAt, tz) : null;
    const input: Input<'documents.create'> = {
      kind,
      fromUnit: v.fromUnit,
      docNo: v.docNo || null,
      title: v.title,
      secrecy,
      urgency,
      ...(receivedAt ? { receivedAt } : {}),
      pages: pages === '' ? null : pages,
      proposal: v.proposal || null,
      instruction: v.instruction || null,
      dueAt,
      ...(fromEntry ? { fromLogEntryId: fromEntry.id } : {}),
    };
    try {
      const d = await call('documents.create', input);
      notifySaved(t('documents.created', { no: d.no }));
      onSaved(d);
    } catch (e) {
      setErrors(fieldErrors(t, e));
      setError(errorText(t, e));
    }
  };
  return (
    <Modal opened onClose={onClose} size="lg" title={fromEntry ? `${t('documents.new')} · ${t('registers.fromEntry')}` : t('documents.new')}>
      <Stack gap="xs" data-testid="document-form">
        <SimpleGrid cols={3} spacing="xs">
          <Select label={t('documents.kindLabel')} data={documentKinds.map((k) => ({ value: k, label: t(`documents.kind.${k}`) }))} value={kind} onChange={(k) => k && setKind(k as DocumentKind)} allowDeselect={false} />
          <Select label={t('documents.secrecyLabel')} data={allSecrecyLevels.map((s) => ({ value: s, label: t(`documents.secrecy.${s}`) }))} value={secrecy} onChange={(s) => s && setSecrecy(s as AnySecrecy)} allowDeselect={false} error={errors.secrecy} />
          <Select label={t('documents.urgencyLabel')} data={urgencies.map((u) => ({ value: u, label: t(`documents.urgency.${u}`) }))} value={urgency} onChange={(u) => u && setUrgency(u as Urgency)} allowDeselect={false} />
          <TextInput label={t('documents.fromUnit')} {...field('fromUnit')} />
          <TextInput label={t('documents.docNo')} {...field('docNo')} />
          <NumberInput label={t('documents.pages')} min={1} value={pages} onChange={(p) => setPages(typeof p === 'number' ? p : '')} error={errors.pages} />
        </SimpleGrid>
        <Textarea label={t('documents.titleLabel')} autosize {...field('title')} />
        <SimpleGrid cols={2} spacing="xs">
          <DateTimeField label={t('documents.receivedAt')} placeholder={t('log.now')} {...eventProps(field('receivedAt'))} />
          <DateTimeField label={t('documents.dueAt')} {...eventProps(field('dueAt'))} />
        </SimpleGrid>
        <Textarea label={t('documents.proposal')} autosize {...field('proposal')} />
        <Textarea label={t('documents.instruction')} autosize {...field('instruction')} />
        <Alert color="gray" variant="light" p="xs">
          {t('documents.secrecyNote')}
        </Alert>
        {error && (
          <Text c="red" role="alert">
            {error}
            {errors.secrecy ? `${t('common.colon')}${errors.secrecy}` : ''}
          </Text>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button onClick={() => void save()}>{t('common.save')}</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
