/**
 * 报表: the daily report or zero report of a date (拟稿 → 审核 → 报送, with its
 * deadline and lateness kept), the weekly and monthly roll-ups, and every
 * date's submission state.
 */
import { PrintActions } from '../../components/Print/PrintButton';
import { useEffect, useState } from 'react';
import { Alert, Badge, Button, Group, Paper, Select, Stack, Table, Tabs, Text, TextInput, Textarea, Title } from '@mantine/core';
import { DateField, DateTimeField } from '../../components/DateFields/DateFields';
import { IconChevronLeft, IconChevronRight, IconFileSpreadsheet } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { reportMethods } from '../../../shared/domain/incident';
import { addDays, monthRange, weekdayOf } from '../../../shared/time';
import { call, useApiMutation, useApiQuery } from '../../api';
import { useDesk, useHasRole, useNow } from '../../lib/desk-context';
import { errorText, errorTextWithField, notifyError, notifySaved } from '../../lib/errors';
import { formatDateTime, localDate } from '../../lib/format';
import { fromLocalInput } from '../../lib/local-input';
import { downloadFile } from '../roster/lib';
import { StatsTable } from './StatsTable';
import { overdueColor } from '../../theme';

const stateColor = { none: 'gray.7', draft: 'gray.7', reviewed: 'blue.8', sent: 'teal.9' } as const;

function DailyTab() {
  const { t } = useTranslation();
  const { tz } = useDesk();
  const isLeader = useHasRole('leader', 'admin');
  const [params, setParams] = useSearchParams();
  const date = params.get('date') ?? undefined;
  const q = useApiQuery('dailyReport.get', date ? { date } : {});
  const draft = useApiMutation('dailyReport.draft');
  const update = useApiMutation('dailyReport.update');
  const review = useApiMutation('dailyReport.review');
  const send = useApiMutation('dailyReport.send');
  const voidIt = useApiMutation('dailyReport.void');
  const [summary, setSummary] = useState('');
  const [recipient, setRecipient] = useState('');
  const [method, setMethod] = useState<string>('system');
  const [sentAt, setSentAt] = useState('');
  const [voidReason, setVoidReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const v = q.data;
  const r = v?.record ?? null;
  useEffect(() => {
    if (!v) return;
    setSummary(r?.summary ?? v.suggestedSummary);
    setRecipient(r?.recipient ?? v.rules.recipient);
    setError(null);
  }, [v?.date, r?.version, v?.suggestedSummary]);
  if (!v) return null;
  const onError = (e: unknown) => setError(errorTextWithField(t, e));
  const state = r?.state ?? 'none';
  return (
    <Stack gap="md" data-testid="daily-report">
      <Group justify="space-between">
        <Group gap="xs">
          <Button variant="subtle" leftSection={<IconChevronLeft size={16} />} onClick={() => setParams({ date: addDays(v.date, -1) })}>
            {t('handover.prevDay')}
          </Button>
          <Text fw={700} data-testid="report-date">
            {t('reports.date')} {v.date}
          </Text>
          <Button variant="subtle" rightSection={<IconChevronRight size={16} />} onClick={() => setParams({ date: addDays(v.date, 1) })}>
            {t('handover.nextDay')}
          </Button>
          <Badge size="lg" color={stateColor[state]} data-testid="report-state">
            {r ? `${t(`reports.kind.${r.kind}`)} · ${t(`reports.state.${state}`)}` : t('reports.state.none')}
          </Badge>
          {r?.late && <Badge color="red.9">{t('reports.late')}</Badge>}
          {v.overdue && <Badge color="red.9" variant="filled">{t('reports.overdue')}</Badge>}
        </Group>
        {r && (
          <Group gap="xs">
            <PrintActions route={`/print/daily-report/${v.date}`} label={t('reports.print')} testId="daily-report-print" />
            <Button
              variant="outline"
              leftSection={<IconFileSpreadsheet size={16} />}
              onClick={() => void call('dailyReport.exportXlsx', { from: v.date, to: v.date }).then((f) => downloadFile(f, true), notifyError)}
            >
              {t('reports.export')}
            </Button>
          </Group>
        )}
      </Group>
      <Text size="sm">
        {t('reports.period')}
        {t('reports.punct.colon')}
        {t('reports.periodValue', { from: formatDateTime(v.periodStart, tz), to: formatDateTime(v.periodEnd, tz) })}
        {t('reports.punct.gap')}
        {t('reports.dueAt')}
        {t('reports.punct.colon')}
        {formatDateTime(v.dueAt, tz)}
      </Text>
      <Paper withBorder p="md">
        <Title order={2} size="h5" mb="xs">
          {r ? t(`reports.kind.${r.kind}`) : t('reports.live')}
        </Title>
        <StatsTable s={r?.stats ?? v.live} />
      </Paper>
      {!r && <Alert color={v.live.zero ? 'teal' : 'orange'}>{v.live.zero ? t('reports.zeroHint') : t('reports.dailyHint')}</Alert>}
      <Textarea label={t('reports.summary')} value={summary} onChange={(e) => setSummary(e.currentTarget.value)} autosize minRows={3} disabled={state === 'sent'} data-testid="report-summary" />
      {error && (
        <Text c={overdueColor} size="sm" role="alert">
          {error}
        </Text>
      )}
      <Group>
        {!r && (
          <Button loading={draft.isPending} onClick={() => draft.mutate({ date: v.date, summary: summary || null }, { onSuccess: () => notifySaved(t('reports.drafted')), onError })}>
            {t('reports.draft')}
          </Button>
        )}
        {r && state !== 'sent' && (
          <>
            <Button variant="default" loading={update.isPending} onClick={() => update.mutate({ id: r.id, expectedVersion: r.version, summary, reason: null }, { onError })}>
              {t('reports.saveSummary')}
            </Button>
            <Button variant="default" onClick={() => update.mutate({ id: r.id, expectedVersion: r.version, summary, refresh: true, reason: null }, { onError })}>
              {t('reports.refresh')}
            </Button>
          </>
        )}
        {r && state === 'draft' && isLeader && (
          <Button color="blue" loading={review.isPending} onClick={() => review.mutate({ id: r.id, expectedVersion: r.version, note: null }, { onSuccess: () => notifySaved(t('reports.reviewed')), onError })}>
            {t('reports.review')}
          </Button>
        )}
      </Group>
      {r && state === 'reviewed' && (
        <Paper withBorder p="md">
          <Group align="flex-end">
            <TextInput label={t('reports.recipient')} value={recipient} onChange={(e) => setRecipient(e.currentTarget.value)} />
            <Select label={t('reports.method')} data={reportMethods.map((m) => ({ value: m, label: t(`incidents.method.${m}`) }))} value={method} onChange={(m) => setMethod(m ?? 'system')} />
            <DateTimeField label={t('reports.sentAt')} placeholder={t('reports.sentAtHint')} value={sentAt} onChange={setSentAt} />
            <Button
              color="teal"
              loading={send.isPending}
              onClick={() =>
                send.mutate(
                  { id: r.id, expectedVersion: r.version, recipient, method: method as (typeof reportMethods)[number], ...(sentAt && fromLocalInput(sentAt, tz) ? { sentAt: fromLocalInput(sentAt, tz)! } : {}) },
                  { onSuccess: () => notifySaved(t('reports.sent')), onError },
                )
              }
            >
              {t('reports.send')}
            </Button>
          </Group>
        </Paper>
      )}
      {r && (
        <Text size="sm" c="dimmed">
          {t('reports.draftedBy')}
          {t('reports.punct.colon')}
          {r.draftedBy}
          {t('reports.punct.gap')}
          {t('reports.reviewedBy')}
          {t('reports.punct.colon')}
          {r.reviewedBy ?? '—'}
          {t('reports.punct.gap')}
          {r.sentAt
            ? `${t('reports.sentBy')}${t('reports.punct.colon')}${r.sentBy ?? ''} ${formatDateTime(r.sentAt, tz)} → ${r.recipient ?? ''}${t('reports.punct.open')}${t(`incidents.method.${r.method ?? 'written'}`)}${t('reports.punct.close')}`
            : ''}
        </Text>
      )}
      {r && isLeader && (
        <Group align="flex-end">
          <TextInput label={t('log.voidReason')} value={voidReason} onChange={(e) => setVoidReason(e.currentTarget.value)} style={{ flex: 1 }} />
          <Button color="gray" variant="outline" disabled={!voidReason.trim()} onClick={() => voidIt.mutate({ id: r.id, reason: voidReason }, { onSuccess: () => setVoidReason(''), onError })}>
            {t('reports.void')}
          </Button>
        </Group>
      )}
      {v.voided.length > 0 && (
        <Stack gap={2}>
          <Text fw={600} size="sm">
            {t('reports.voidedList')}
          </Text>
          {v.voided.map((x) => (
            <Text key={x.id} size="sm" c="dimmed" td="line-through">
              {t(`reports.kind.${x.kind}`)} · {t(`reports.state.${x.state}`)} {x.late ? `· ${t('reports.late')}` : ''} · {x.voidReason}
            </Text>
          ))}
        </Stack>
      )}
    </Stack>
  );
}

function RollupTab() {
  const { t } = useTranslation();
  const { tz } = useDesk();
  const now = useNow(60_000);
  const today = localDate(now, tz);
  const monday = addDays(today, -((weekdayOf(today) + 6) % 7));
  const [from, setFrom] = useState(monday);
  const [to, setTo] = useState(addDays(monday, 6));
  const q = useApiQuery('dailyReport.rollup', { from, to });
  return (
    <Stack gap="md" data-testid="report-rollup">
      <Group align="flex-end">
        <DateField label={t('reports.from')} value={from} onChange={setFrom} />
        <DateField label={t('reports.to')} value={to} onChange={setTo} />
        <Button variant="light" onClick={() => { setFrom(monday); setTo(addDays(monday, 6)); }}>
          {t('reports.week')}
        </Button>
        <Button variant="light" onClick={() => { const m = monthRange(today.slice(0, 7)); setFrom(m.from); setTo(m.to); }}>
          {t('reports.month')}
        </Button>
        <PrintActions route={`/print/report-rollup/${from}/${to}`} label={t('reports.print')} testId="rollup-print" />
        <Button variant="outline" leftSection={<IconFileSpreadsheet size={16} />} onClick={() => void call('dailyReport.exportXlsx', { from, to }).then((f) => downloadFile(f, true), notifyError)}>
          {t('reports.export')}
        </Button>
      </Group>
      {q.error && <Alert color="red">{errorText(t, q.error)}</Alert>}
      {q.data && (
        <>
          <StatsTable s={q.data.stats} />
          <DaysTable days={q.data.days} />
        </>
      )}
    </Stack>
  );
}

function DaysTable({ days }: { days: { date: string; dueAt: string; state: string; kind: 'daily' | 'zero' | null; sentAt: string | null; late: boolean | null; overdue: boolean }[] }) {
  const { t } = useTranslation();
  const { tz } = useDesk();
  return (
    <Table withTableBorder data-testid="report-days">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('reports.date')}</Table.Th>
          <Table.Th>{t('reports.kind.daily')}</Table.Th>
          <Table.Th>{t('reports.dueAt')}</Table.Th>
          <Table.Th>{t('reports.sentAt')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {days.map((d) => (
          <Table.Tr key={d.date}>
            <Table.Td>
              <Link to={`/reports?date=${d.date}`}>{d.date}</Link>
            </Table.Td>
            <Table.Td>
              {d.kind ? t(`reports.kind.${d.kind}`) : ''} {t(`reports.state.${d.state}`)}
            </Table.Td>
            <Table.Td>{formatDateTime(d.dueAt, tz)}</Table.Td>
            <Table.Td>
              {d.sentAt ? formatDateTime(d.sentAt, tz) : ''} {d.late && <Badge color="red.9">{t('reports.late')}</Badge>}
              {d.overdue && <Badge color="red.9" variant="filled">{t('reports.overdue')}</Badge>}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

export function ReportsPage() {
  const { t } = useTranslation();
  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        {t('reports.title')}
      </Title>
      <Tabs defaultValue="daily" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="daily">{t('reports.tabs.daily')}</Tabs.Tab>
          <Tabs.Tab value="rollup">{t('reports.tabs.rollup')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="daily" pt="md">
          <DailyTab />
        </Tabs.Panel>
        <Tabs.Panel value="rollup" pt="md">
          <RollupTab />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
