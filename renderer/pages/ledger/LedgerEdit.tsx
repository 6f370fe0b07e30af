/**
 * Editing an open supervised item, always as a new version with a reason:
 * what it is, who owns it, the closing standard, the hazard's own fields.
 * The deadline moves only by 延期 (a leader or admin, later, with a reason).
 */
import { Select, SimpleGrid, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { call } from '../../api';
import type { LedgerDetail, LedgerFields } from '../../../shared/contract';
import { hazardLevels, ledgerSources, rectifyStates, type HazardLevel, type LedgerSource, type RectifyState } from '../../../shared/domain/ledger';
import { FormModal } from '../../components/FormModal/FormModal';
import { patchOf } from '../../lib/patch';

const orNull = (s: string): string | null => (s.trim() ? s.trim() : null);

export const ledgerFieldsOf = (i: LedgerFields): LedgerFields => ({
  source: i.source,
  sourceRef: i.sourceRef,
  title: i.title,
  detail: i.detail,
  ownerUnit: i.ownerUnit,
  ownerPerson: i.ownerPerson,
  closingStandard: i.closingStandard,
  hazardPlace: i.hazardPlace,
  hazardLevel: i.hazardLevel,
  measures: i.measures,
  rectifyState: i.rectifyState,
});

export function LedgerEditDialog({ item, onClose }: { item: LedgerDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const form = useForm({
    initialValues: {
      source: item.source,
      sourceRef: item.sourceRef ?? '',
      title: item.title,
      detail: item.detail ?? '',
      ownerUnit: item.ownerUnit,
      ownerPerson: item.ownerPerson ?? '',
      closingStandard: item.closingStandard ?? '',
      hazardPlace: item.hazardPlace ?? '',
      hazardLevel: item.hazardLevel,
      measures: item.measures ?? '',
      rectifyState: item.rectifyState,
      reason: '',
    },
  });
  const v = form.values;
  const isHazard = v.source === 'hazard';
  const save = async () => {
    const after: LedgerFields = {
      source: v.source,
      sourceRef: orNull(v.sourceRef),
      title: v.title.trim(),
      detail: orNull(v.detail),
      ownerUnit: v.ownerUnit.trim(),
      ownerPerson: orNull(v.ownerPerson),
      closingStandard: orNull(v.closingStandard),
      hazardPlace: isHazard ? orNull(v.hazardPlace) : null,
      hazardLevel: isHazard ? v.hazardLevel : null,
      measures: isHazard ? orNull(v.measures) : null,
      rectifyState: isHazard ? (v.rectifyState ?? 'pending') : null,
    };
    await call('ledger.update', { id: item.id, expectedVersion: item.version, reason: v.reason, ...patchOf(ledgerFieldsOf(item), after) });
  };
  return (
    <FormModal title={`${t('ledger.edit')} ${item.no}`} form={form} save={save} onClose={onClose}>
      <SimpleGrid cols={2} spacing="xs" data-testid="ledger-edit">
        <Select label={t('ledger.sourceLabel')} data={ledgerSources.map((s) => ({ value: s, label: t(`ledger.source.${s}`) }))} allowDeselect={false} {...form.getInputProps('source')} onChange={(s) => s && form.setFieldValue('source', s as LedgerSource)} />
        <TextInput label={t('ledger.sourceRef')} {...form.getInputProps('sourceRef')} />
      </SimpleGrid>
      {isHazard && (
        <SimpleGrid cols={3} spacing="xs">
          <TextInput label={t('ledger.hazardPlace')} {...form.getInputProps('hazardPlace')} />
          <Select label={t('ledger.hazardLevelLabel')} data={hazardLevels.map((l) => ({ value: l, label: t(`ledger.hazardLevel.${l}`) }))} {...form.getInputProps('hazardLevel')} onChange={(l) => form.setFieldValue('hazardLevel', l as HazardLevel | null)} />
          <Select label={t('ledger.rectifyLabel')} data={rectifyStates.map((s) => ({ value: s, label: t(`ledger.rectify.${s}`) }))} allowDeselect={false} {...form.getInputProps('rectifyState')} onChange={(s) => s && form.setFieldValue('rectifyState', s as RectifyState)} />
        </SimpleGrid>
      )}
      <Textarea label={isHazard ? t('ledger.hazardTitle') : t('ledger.titleLabel')} autosize {...form.getInputProps('title')} />
      {isHazard ? <Textarea label={t('ledger.measures')} autosize {...form.getInputProps('measures')} /> : <Textarea label={t('ledger.detail')} autosize {...form.getInputProps('detail')} />}
      <SimpleGrid cols={2} spacing="xs">
        <TextInput label={t('ledger.ownerUnit')} {...form.getInputProps('ownerUnit')} />
        <TextInput label={t('ledger.ownerPerson')} {...form.getInputProps('ownerPerson')} />
      </SimpleGrid>
      <Textarea label={t('ledger.closingStandard')} autosize {...form.getInputProps('closingStandard')} />
      <Textarea label={t('ledger.editReason')} required autosize data-autofocus {...form.getInputProps('reason')} />
    </FormModal>
  );
}
