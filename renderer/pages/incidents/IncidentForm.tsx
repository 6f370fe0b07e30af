/**
 * Raise an incident (from a log entry or directly) or edit one as a new version.
 *
 * For work-safety accidents the grade is suggested live from casualties and
 * loss (Order 493, shared/domain/grading.ts). Officers file the suggested
 * grade; a leader may choose another one with a reason, which stays visible.
 */
import { incidentDescriptionFromCall, incidentTitleFromCall } from '../../../shared/domain/incident-prefill';
import { DateTimeField, eventProps } from '../../components/DateFields/DateFields';
import { useMemo, useState } from 'react';
import { Alert, Button, Group, Modal, NumberInput, Select, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { call } from '../../api';
import { cutText } from '../../../shared/text';
import type { Incident, LogEntry } from '../../../shared/contract';
import {
  incidentCategories,
  incidentLevels,
  incidentSubTypes,
  type IncidentCategory,
  type IncidentLevel,
  type IncidentSubType,
} from '../../../shared/domain/incident';
import { gradeWorkSafety, isWorkSafetyGraded } from '../../../shared/domain/grading';
import { useDesk, useHasRole, useNow } from '../../lib/desk-context';
import { errorText, fieldErrors } from '../../lib/errors';
import { fromLocalInput, toLocalInput } from '../../lib/local-input';

interface Values {
  title: string;
  category: IncidentCategory;
  subType: IncidentSubType;
  level: IncidentLevel;
  occurredAt: string;
  learnedAt: string;
  location: string;
  unit: string;
  source: string;
  description: string;
  deaths: number;
  missing: number;
  seriousInjuries: number;
  injuries: number;
  lossWan: number;
  scope: string;
  trend: string;
  leadersOnSite: string;
  measures: string;
}

export function IncidentForm({
  incident,
  fromEntry,
  onClose,
  onSaved,
}: {
  incident?: Incident;
  fromEntry?: LogEntry;
  onClose: () => void;
  onSaved?: (id: number) => void;
}) {
  const { t } = useTranslation();
  const { tz } = useDesk();
  const now = useNow(60_000);
  const isLeader = useHasRole('leader', 'admin');
  const [v, setV] = useState<Values>(() =>
    incident
      ? {
          title: incident.title,
          category: incident.category,
          subType: incident.subType,
          level: incident.level,
          occurredAt: toLocalInput(incident.occurredAt, tz),
          learnedAt: toLocalInput(incident.learnedAt, tz),
          location: incident.location ?? '',
          unit: incident.unit ?? '',
          source: incident.source ?? '',
          description: incident.description ?? '',
          deaths: incident.deaths,
          missing: incident.missing,
          seriousInjuries: incident.seriousInjuries,
          injuries: incident.injuries,
          lossWan: incident.directLossYuan / 10_000,
          scope: incident.scope ?? '',
          trend: incident.trend ?? '',
          leadersOnSite: incident.leadersOnSite ?? '',
          measures: incident.measures ?? '',
        }
      : {
          // The event's nature in a few words, not the whole call; the call goes to the description.
          // Cut between characters, never inside an emoji (a half surrogate is refused by the API).
          title: fromEntry ? cutText(incidentTitleFromCall(fromEntry.summary), 120) : '',
          category: 'accident',
          subType: 'industrial',
          level: 4,
          occurredAt: toLocalInput(fromEntry?.occurredAt ?? now, tz),
          learnedAt: toLocalInput(fromEntry?.occurredAt ?? now, tz),
          location: '',
          // The caller's unit reported the event (信息来源); the unit involved is asked, not guessed.
          unit: '',
          source: [fromEntry?.sourceUnit, fromEntry?.sourcePerson, fromEntry?.sourcePhone].filter(Boolean).join(' ') || '',
          description: fromEntry ? incidentDescriptionFromCall(fromEntry.summary, fromEntry.detail) : '',
          deaths: 0,
          missing: 0,
          seriousInjuries: 0,
          injuries: 0,
          lossWan: 0,
          scope: '',
          trend: '',
          leadersOnSite: '',
          measures: '',
        },
  );
  const [levelTouched, setLevelTouched] = useState(false);
  const [levelReason, setLevelReason] = useState('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const graded = isWorkSafetyGraded(v.category, v.subType);
  const suggestion = useMemo(
    () =>
      graded
        ? gradeWorkSafety({
            deaths: v.deaths,
            missing: v.missing,
            seriousInjuries: v.seriousInjuries,
            directLossYuan: Math.round(v.lossWan * 10_000),
          })
        : null,
    [graded, v.deaths, v.missing, v.seriousInjuries, v.lossWan],
  );
  // The level follows the suggestion unless a leader chose otherwise.
  const level: IncidentLevel = suggestion && (!isLeader || !levelTouched) && !incident ? suggestion.level : v.level;
  const overriding = !!suggestion && level !== suggestion.level && !incident;

  const set = <K extends keyof Values>(k: K, val: Values[K]) => setV((s) => ({ ...s, [k]: val }));
  const txt = (k: keyof Values) => ({
    value: String(v[k]),
    onChange: (e: { currentTarget: { value: string } }) => set(k, e.currentTarget.value as never),
    error: errors[k],
  });
  const num = (k: 'deaths' | 'missing' | 'seriousInjuries' | 'injuries' | 'lossWan') => ({
    value: v[k],
    onChange: (x: string | number) => set(k, Number(x) || 0),
    min: 0,
    allowNegative: false,
    allowDecimal: k === 'lossWan',
    error: errors[k === 'lossWan' ? 'directLossYuan' : k],
  });

  const submit = async () => {
    setBusy(true);
    setError(null);
    setErrors({});
    const occurredAt = fromLocalInput(v.occurredAt, tz) ?? '';
    const learnedAt = fromLocalInput(v.learnedAt, tz) ?? '';
    const fields = {
      title: v.title,
      category: v.category,
      subType: v.subType,
      occurredAt,
      learnedAt,
      location: v.location || null,
      unit: v.unit || null,
      source: v.source || null,
      description: v.description || null,
      deaths: v.deaths,
      missing: v.missing,
      seriousInjuries: v.seriousInjuries,
      injuries: v.injuries,
      directLossYuan: Math.round(v.lossWan * 10_000),
      scope: v.scope || null,
      trend: v.trend || null,
      leadersOnSite: v.leadersOnSite || null,
      measures: v.measures || null,
    };
    try {
      const saved = incident
        ? await call('incident.update', { id: incident.id, expectedVersion: incident.version, reason, ...fields })
        : await call('incident.create', {
            ...fields,
            level,
            ...(fromEntry ? { fromLogEntryId: fromEntry.id } : {}),
            ...(overriding ? { levelReason } : {}),
          });
      onSaved?.(saved.id);
      onClose();
    } catch (e) {
      setErrors(fieldErrors(t, e));
      setError(errorText(t, e));
    } finally {
      setBusy(false);
    }
  };

  const basisText = suggestion?.basis.map((b) => t(`incidents.basis.${b}`)).join(t('common.listComma')) ?? '';

  return (
    <Modal opened onClose={onClose} size="xl" title={incident ? t('incidents.detail.edit') : t('incidents.list.new')}>
      <Stack gap="xs" data-testid="incident-form">
        <TextInput label={t('incidents.form.title')} required data-autofocus {...txt('title')} />
        <SimpleGrid cols={3} spacing="xs">
          <Select
            label={t('incidents.form.category')}
            data={incidentCategories.map((c) => ({ value: c, label: t(`incidents.category.${c}`) }))}
            value={v.category}
            allowDeselect={false}
            onChange={(c) =>
              c && setV((s) => ({ ...s, category: c as IncidentCategory, subType: incidentSubTypes[c as IncidentCategory][0] }))
            }
          />
          <Select
            label={t('incidents.form.subType')}
            data={incidentSubTypes[v.category].map((s) => ({ value: s, label: t(`incidents.subType.${s}`) }))}
            value={v.subType}
            allowDeselect={false}
            onChange={(s) => s && set('subType', s as IncidentSubType)}
          />
          <Select
            label={t('incidents.form.level')}
            data={incidentLevels.map((l) => ({ value: String(l), label: t(`incidents.level.${l}`) }))}
            value={String(level)}
            allowDeselect={false}
            disabled={!!incident || (!!suggestion && !isLeader)}
            onChange={(l) => {
              if (!l) return;
              setLevelTouched(true);
              set('level', Number(l) as IncidentLevel);
            }}
            data-testid="incident-level"
          />
        </SimpleGrid>
        {suggestion && (
          <Alert color={overriding ? 'orange' : 'blue'} p="xs" data-testid="grade-suggestion">
            {suggestion.level === 4 && suggestion.basis.length === 0
              ? t('incidents.form.suggestedNone')
              : t('incidents.form.suggested', { level: t(`incidents.level.${suggestion.level}`), basis: basisText })}
            {overriding && <Text size="sm">{t('incidents.form.overrideNote')}</Text>}
          </Alert>
        )}
        {overriding && (
          <TextInput
            label={t('incidents.form.levelReason')}
            required
            value={levelReason}
            onChange={(e) => setLevelReason(e.currentTarget.value)}
          />
        )}
        <SimpleGrid cols={2} spacing="xs">
          <DateTimeField label={t('incidents.form.occurredAt')} required {...eventProps(txt('occurredAt'))} />
          <DateTimeField label={t('incidents.form.learnedAt')} required {...eventProps(txt('learnedAt'))} />
          <TextInput label={t('incidents.form.location')} {...txt('location')} />
          <TextInput label={t('incidents.form.unit')} {...txt('unit')} />
        </SimpleGrid>
        <TextInput label={t('incidents.form.source')} {...txt('source')} />
        <Textarea label={t('incidents.form.description')} autosize minRows={2} {...txt('description')} />
        <SimpleGrid cols={5} spacing="xs">
          <NumberInput label={t('incidents.form.deaths')} {...num('deaths')} />
          <NumberInput label={t('incidents.form.missing')} {...num('missing')} />
          <NumberInput label={t('incidents.form.seriousInjuries')} {...num('seriousInjuries')} />
          <NumberInput label={t('incidents.form.injuries')} {...num('injuries')} />
          <NumberInput label={t('incidents.form.directLoss')} decimalScale={2} {...num('lossWan')} />
        </SimpleGrid>
        <SimpleGrid cols={2} spacing="xs">
          <Textarea label={t('incidents.form.scope')} autosize {...txt('scope')} />
          <Textarea label={t('incidents.form.trend')} autosize {...txt('trend')} />
          <Textarea label={t('incidents.form.leadersOnSite')} autosize {...txt('leadersOnSite')} />
          <Textarea label={t('incidents.form.measures')} autosize {...txt('measures')} />
        </SimpleGrid>
        {incident && (
          <TextInput label={t('incidents.form.reason')} required value={reason} onChange={(e) => setReason(e.currentTarget.value)} />
        )}
        {error && (
          <Text c="red" role="alert">
            {error}
          </Text>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button onClick={() => void submit()} loading={busy}>
            {incident ? t('common.save') : t('incidents.form.create')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
