/**
 * Settings tab of the duty day: attendance grace, the handover's acceptance
 * limit and objects checklist, the daily report's mode, cutoff and recipient
 * (admins edit; everyone can read).
 */
import { useEffect, useState } from 'react';
import { Button, NumberInput, Select, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AttendanceRules } from '../../../shared/domain/attendance';
import type { DailyReportRules } from '../../../shared/domain/daily-report';
import type { HandoverSettings } from '../../../shared/contract';
import { formatMinutes, parseMinutes } from '../../../shared/time';
import { call, useApiQuery } from '../../api';
import { useHasRole } from '../../lib/desk-context';
import { errorTextWithField, notifySaved } from '../../lib/errors';
import type { SettingsPanel } from './TrustPanels';

function DutyDayPanel() {
  const { t } = useTranslation();
  const isAdmin = useHasRole('admin');
  const att = useApiQuery('attendance.rules', {});
  const hand = useApiQuery('handover.settings', {});
  const rep = useApiQuery('dailyReport.rules', {});
  const [a, setA] = useState<AttendanceRules | null>(null);
  const [h, setH] = useState<HandoverSettings | null>(null);
  const [r, setR] = useState<DailyReportRules | null>(null);
  const [cutoff, setCutoff] = useState('');
  const [error, setError] = useState<string | null>(null);
  useEffect(() => void (att.data && setA(att.data)), [att.data]);
  useEffect(() => void (hand.data && setH(hand.data)), [hand.data]);
  useEffect(() => {
    if (!rep.data) return;
    setR(rep.data);
    setCutoff(formatMinutes(rep.data.cutoffMinutes));
  }, [rep.data]);
  if (!a || !h || !r) return null;
  const save = async () => {
    setError(null);
    try {
      await call('attendance.setRules', a);
      await call('handover.setSettings', h);
      await call('dailyReport.setRules', { ...r, cutoffMinutes: parseMinutes(cutoff) ?? r.cutoffMinutes });
      notifySaved();
    } catch (e) {
      setError(errorTextWithField(t, e));
    }
  };
  return (
    <Stack maw={560} data-testid="duty-day-settings">
      <Title order={3} size="h5">
        {t('attendance.rules.title')}
      </Title>
      <NumberInput label={t('attendance.rules.graceMinutes')} min={0} max={120} value={a.graceMinutes} disabled={!isAdmin} onChange={(v) => setA({ ...a, graceMinutes: Number(v) || 0 })} />
      <NumberInput label={t('attendance.rules.earlyMinutes')} min={0} max={240} value={a.earlyMinutes} disabled={!isAdmin} onChange={(v) => setA({ ...a, earlyMinutes: Number(v) || 0 })} />
      <Title order={3} size="h5">
        {t('handover.settings.title')}
      </Title>
      <NumberInput label={t('handover.settings.confirmMinutes')} min={5} max={1440} value={h.confirmMinutes} disabled={!isAdmin} onChange={(v) => setH({ ...h, confirmMinutes: Number(v) || 30 })} />
      <Textarea
        label={t('handover.settings.objects')}
        value={h.objects.join('\n')}
        disabled={!isAdmin}
        autosize
        minRows={3}
        onChange={(e) => setH({ ...h, objects: e.currentTarget.value.split('\n').map((x) => x.trim()).filter(Boolean) })}
      />
      <Title order={3} size="h5">
        {t('reports.rules.title')}
      </Title>
      <Select
        label={t('reports.rules.mode')}
        disabled={!isAdmin}
        value={r.mode}
        onChange={(m) => setR({ ...r, mode: (m ?? 'clock') as DailyReportRules['mode'] })}
        data={[
          { value: 'clock', label: t('reports.rules.modeClock') },
          { value: 'handover', label: t('reports.rules.modeHandover') },
        ]}
      />
      <TextInput label={t('reports.rules.cutoff')} value={cutoff} disabled={!isAdmin || r.mode === 'handover'} onChange={(e) => setCutoff(e.currentTarget.value)} />
      <TextInput label={t('reports.rules.recipient')} value={r.recipient} disabled={!isAdmin} onChange={(e) => setR({ ...r, recipient: e.currentTarget.value })} />
      {error && (
        <Text c="red.8" size="sm" role="alert">
          {error}
        </Text>
      )}
      {isAdmin && <Button onClick={() => void save()}>{t('common.save')}</Button>}
    </Stack>
  );
}

export const dutyDayPanels: SettingsPanel[] = [{ value: 'duty-day', labelKey: 'handover.settings.tab', render: () => <DutyDayPanel /> }];
