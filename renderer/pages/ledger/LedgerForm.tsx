/**
 * 挂号: a new supervised item (or a hazard found in screening, with its own
 * fields), optionally raised from a log entry.
 */
import { useState } from 'react';
import { Button, Group, Modal, Select, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { DateField, eventProps } from '../../components/DateFields/DateFields';
import { useTranslation } from 'react-i18next';
import { call } from '../../api';
import type { Input, LedgerItem, LogEntry } from '../../../shared/contract';
import { hazardLevels, ledgerSources, type HazardLevel, type LedgerSource } from '../../../shared/domain/ledger';
import { errorText, fieldErrors, notifySaved } from '../../lib/errors';

const sourceOfEntry = (e: LogEntry): LedgerSource => (e.kind === 'presence_check' ? 'presenceCheck' : e.incidentId !== null ? 'incident' : 'other');

export function LedgerForm({ hazard, fromEntry, onClose, onSaved }: { hazard?: boolean; fromEntry?: LogEntry; onClose: () => void; onSaved: (i: LedgerItem) => void }) {
  const { t } = useTranslation();
  const [source, setSource] = useState<LedgerSource>(hazard ? 'hazard' : fromEntry ? sourceOfEntry(fromEntry) : 'instruction');
  const [v, setV] = useState({ sourceRef: '', title: fromEntry?.summary ?? '', detail: fromEntry?.instruction ?? '', ownerUnit: '', ownerPerson: '', deadline: '', closingStandard: '', hazardPlace: '', measures: '' });
  const [level, setLevel] = useState<HazardLevel | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const isHazard = source === 'hazard';
  const field = (k: keyof typeof v) => ({ value: v[k], onChange: (e: { currentTarget: { value: string } }) => setV({ ...v, [k]: e.currentTarget.value }), error: errors[k] });
  const save = async () => {
    setError(null);
    setErrors({});
    const input: Input<'ledger.create'> = {
      source,
      sourceRef: v.sourceRef || null,
      title: v.title,
      detail: v.detail || null,
      ownerUnit: v.ownerUnit,
      ownerPerson: v.ownerPerson || null,
      deadline: v.deadline,
      closingStandard: v.closingStandard || null,
      ...(isHazard ? { hazardPlace: v.hazardPlace || null, hazardLevel: level, measures: v.measures || null } : {}),
      ...(fromEntry ? { fromLogEntryId: fromEntry.id } : {}),
    };
    try {
      const item = await call('ledger.create', input);
      notifySaved(t('ledger.created', { no: item.no }));
      onSaved(item);
    } catch (e) {
      setErrors(fieldErrors(t, e));
      setError(errorText(t, e));
    }
  };
  return (
    <Modal opened onClose={onClose} size="lg" title={isHazard ? t('ledger.newHazard') : t('ledger.new')}>
      <Stack gap="xs" data-testid="ledger-form">
        <SimpleGrid cols={2} spacing="xs">
          <Select label={t('ledger.sourceLabel')} data={ledgerSources.map((s) => ({ value: s, label: t(`ledger.source.${s}`) }))} value={source} onChange={(s) => s && setSource(s as LedgerSource)} allowDeselect={false} />
          <TextInput label={t('ledger.sourceRef')} {...field('sourceRef')} />
        </SimpleGrid>
        {isHazard && (
          <SimpleGrid cols={2} spacing="xs">
            <TextInput label={t('ledger.hazardPlace')} {...field('hazardPlace')} />
            <Select label={t('ledger.hazardLevelLabel')} data={hazardLevels.map((l) => ({ value: l, label: t(`ledger.hazardLevel.${l}`) }))} value={level} onChange={(l) => setLevel(l as HazardLevel | null)} error={errors.hazardLevel} />
          </SimpleGrid>
        )}
        <Textarea label={isHazard ? t('ledger.hazardTitle') : t('ledger.titleLabel')} autosize {...field('title')} />
        {isHazard ? <Textarea label={t('ledger.measures')} autosize {...field('measures')} /> : <Textarea label={t('ledger.detail')} autosize {...field('detail')} />}
        <SimpleGrid cols={3} spacing="xs">
          <TextInput label={t('ledger.ownerUnit')} {...field('ownerUnit')} />
          <TextInput label={t('ledger.ownerPerson')} {...field('ownerPerson')} />
          <DateField label={isHazard ? t('ledger.hazardDeadline') : t('ledger.deadline')} {...eventProps(field('deadline'))} />
        </SimpleGrid>
        <Textarea label={t('ledger.closingStandard')} autosize {...field('closingStandard')} />
        {error && (
          <Text c="red" role="alert">
            {error}
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
