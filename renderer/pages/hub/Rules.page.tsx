/**
 * 日报规定: the district prescribes its desks' daily report — the period
 * (the 24 hours up to a cutoff, or each duty day at its handover), the
 * deadline (e.g. 17:00) and optionally the zero report's wording — and sees
 * which desks applied or declined it, as their own streams report. The hub
 * admin sends; the desks' admins confirm.
 */
import { useState } from 'react';
import { Button, Card, Group, Select, Stack, Table, Text, TextInput, Textarea, Title } from '@mantine/core';
import { IconSend } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { formatMinutes, parseMinutes } from '../../../shared/time';
import { formatDateTime } from '../../lib/format';
import { errorText, notifySaved } from '../../lib/errors';
import { hubCall, hubQueryClient, useHubQuery } from './hub-api';
import { useHub } from './hub-context';
import { Targets } from './targets';
import { DeskDeliveryCells } from './DeskDelivery';

export function RulesPage() {
  const { t } = useTranslation();
  const { tz, isAdmin } = useHub();
  const q = useHubQuery('hub.reportRules', {}, { refetchInterval: 10_000 });
  const [title, setTitle] = useState('');
  const [mode, setMode] = useState<'clock' | 'handover'>('clock');
  const [cutoff, setCutoff] = useState('17:00');
  const [wording, setWording] = useState('');
  const [targets, setTargets] = useState<string[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [cutoffError, setCutoffError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const send = async () => {
    setError(null);
    setCutoffError(null);
    const minutes = mode === 'clock' ? parseMinutes(cutoff) : 0;
    if (minutes === null) {
      setCutoffError(t('hub.rules.cutoffInvalid'));
      return;
    }
    setBusy(true);
    try {
      await hubCall('hub.sendReportRules', { title, mode, cutoffMinutes: minutes, zeroWording: wording.trim() || null, deskIds: targets });
      notifySaved(t('hub.rules.sent'));
      setTitle('');
      await hubQueryClient.invalidateQueries();
    } catch (e) {
      setError(errorText(t, e));
    } finally {
      setBusy(false);
    }
  };
  const what = (r: { mode: 'clock' | 'handover'; cutoffMinutes: number }) => (r.mode === 'clock' ? t('hub.rules.byClock', { at: formatMinutes(r.cutoffMinutes) }) : t('hub.rules.byHandover'));
  return (
    <Stack data-testid="hub-rules">
      <Title order={1} size="h2">
        {t('hub.rules.title')}
      </Title>
      <Text size="sm">{t('hub.rules.intro')}</Text>
      {isAdmin && (
        <Card withBorder maw={720}>
          <form
            onSubmit={(e) => {
              e.preventDefault();
              void send();
            }}
          >
            <Stack>
              <TextInput label={t('hub.rules.newTitle')} value={title} onChange={(e) => setTitle(e.currentTarget.value)} required />
              <Select
                label={t('hub.rules.mode')}
                value={mode}
                allowDeselect={false}
                onChange={(v) => setMode(v === 'handover' ? 'handover' : 'clock')}
                data={[
                  { value: 'clock', label: t('reports.rules.modeClock') },
                  { value: 'handover', label: t('reports.rules.modeHandover') },
                ]}
              />
              {mode === 'clock' && <TextInput label={t('hub.rules.cutoff')} description={t('hub.rules.cutoffHint')} value={cutoff} onChange={(e) => setCutoff(e.currentTarget.value)} error={cutoffError} required />}
              <Textarea label={t('hub.rules.zeroWording')} description={t('hub.rules.zeroWordingHint')} value={wording} onChange={(e) => setWording(e.currentTarget.value)} autosize minRows={2} maxRows={6} maxLength={500} />
              <Targets value={targets} onChange={setTargets} />
              {error && (
                <Text c="red.8" role="alert">
                  {error}
                </Text>
              )}
              <Group>
                <Button type="submit" loading={busy} leftSection={<IconSend size={16} />} disabled={targets !== null && targets.length === 0} data-testid="send-rules">
                  {t('hub.rules.send')}
                </Button>
              </Group>
            </Stack>
          </form>
        </Card>
      )}
      {(q.data ?? []).length === 0 && <Text c="dimmed">{t('hub.notices.empty')}</Text>}
      {(q.data ?? []).map((n) => (
        <Card withBorder key={n.version} data-testid="sent-rules">
          <Group justify="space-between">
            <Text fw={600}>{n.title}</Text>
            <Text size="sm" c="dimmed">
              {t('hub.notices.sentBy', { by: n.sentBy, at: formatDateTime(n.sentAt, tz) })}
            </Text>
          </Group>
          <Text size="sm">{what(n)}</Text>
          {n.zeroWording && (
            <Text size="sm" c="dimmed" className="dd-wrap">
              {t('hub.rules.zeroWordingShown', { text: n.zeroWording })}
            </Text>
          )}
          <Text size="sm" my="xs">
            {t('hub.rules.progress', { applied: n.desks.filter((d) => d.handled && !d.declined).length, total: n.desks.length })}
          </Text>
          <Table withTableBorder>
            <Table.Tbody>
              {n.desks.map((d) => (
                <Table.Tr key={d.deskId} data-testid="rules-desk">
                  <DeskDeliveryCells
                    d={d}
                    tz={tz}
                    labels={{ done: t('hub.rules.applied'), declined: t('hub.rules.declined'), received: t('hub.holidays.waiting'), notReceived: t('hub.notices.notReceived') }}
                  />
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Card>
      ))}
    </Stack>
  );
}
