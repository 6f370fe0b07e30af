/**
 * 值班记录 — the duty log as a book: any duty day with who was on duty, every
 * entry (voided ones struck through), the incidents learned of that day;
 * search across all days; print the day on A4; export a range to Excel.
 * Clicking an entry opens it (follow-up fields, edit with reason, history, void).
 */
import { effectiveFollowUp } from '../../../shared/domain/log-handling';
import { DateField } from '../../components/DateFields/DateFields';
import { PrintActions } from '../../components/Print/PrintButton';
import { useState } from 'react';
import { ActionIcon, Alert, Badge, Button, Group, Modal, Paper, Select, Stack, Table, Text, TextInput, Title, Tooltip } from '@mantine/core';
import { IconChevronLeft, IconChevronRight, IconFileSpreadsheet, IconSearch, IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { call, useApiQuery } from '../../api';
import type { LogEntry } from '../../../shared/contract';
import { logKinds, type LogKind } from '../../../shared/domain/log';
import { levelColor } from '../../../shared/domain/incident';
import { useDesk, useNow } from '../../lib/desk-context';
import { formatDate, formatTime, localDate, weekdayOfDate } from '../../lib/format';
import { errorText } from '../../lib/errors';
import { downloadFile } from '../roster/lib';
import { EntryDialog } from '../console/EntryDialog';
import { addDays } from '../../../shared/time';
import { dutyDateOf } from '../../../shared/domain/duty-day';

export function LogBookPage() {
  const { t } = useTranslation();
  const { tz, handoverMinutes } = useDesk();
  const now = useNow(60_000);
  const current = dutyDateOf(now, tz, handoverMinutes);
  const [params, setParams] = useSearchParams();
  const date = params.get('date') ?? current;
  const [kind, setKind] = useState<LogKind | null>(null);
  const [typed, setTyped] = useState('');
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState<number | null>(null);
  const [exporting, setExporting] = useState(false);
  const go = (d: string) => setParams(d === current ? {} : { date: d });

  return (
    <Stack data-testid="logbook">
      <Group justify="space-between" align="flex-end">
        <Title order={2}>{t('log.book.title')}</Title>
        <Group gap="xs">
          <PrintActions route={`/print/log/${date}`} label={t('log.book.print')} testId="logbook-print" />
          <Button variant="default" leftSection={<IconFileSpreadsheet size={16} />} onClick={() => setExporting(true)}>
            {t('log.book.export')}
          </Button>
        </Group>
      </Group>

      <Group align="flex-end" gap="xs" wrap="wrap">
        <Tooltip label={t('log.book.prevDay')}>
          <ActionIcon variant="default" size="lg" aria-label={t('log.book.prevDay')} onClick={() => go(addDays(date, -1))}>
            <IconChevronLeft size={18} />
          </ActionIcon>
        </Tooltip>
        <DateField
          label={t('log.book.dutyDay')}
          value={date}
          max={current}
          onChange={(v: string) => v && go(v)}
          w={170}
          data-testid="logbook-date"
        />
        <Tooltip label={t('log.book.nextDay')}>
          <ActionIcon
            variant="default"
            size="lg"
            aria-label={t('log.book.nextDay')}
            disabled={date >= current}
            onClick={() => go(addDays(date, 1))}
          >
            <IconChevronRight size={18} />
          </ActionIcon>
        </Tooltip>
        <Button variant="subtle" disabled={date === current} onClick={() => go(current)}>
          {t('log.book.today')}
        </Button>
        <Select
          label={t('log.kindLabel')}
          placeholder={t('log.book.allKinds')}
          data={logKinds.map((k) => ({ value: k, label: t(`log.kind.${k}`) }))}
          value={kind}
          onChange={(v) => setKind(v as LogKind | null)}
          clearable
          w={140}
        />
        <form
          onSubmit={(e) => {
            e.preventDefault();
            setQuery(typed.trim());
          }}
        >
          <Group gap={4} align="flex-end">
            <TextInput
              label={t('log.book.search')}
              placeholder={t('log.book.searchPlaceholder')}
              value={typed}
              maxLength={60}
              onChange={(e) => setTyped(e.currentTarget.value)}
              w={240}
              data-testid="logbook-search"
            />
            <Button type="submit" variant="light" leftSection={<IconSearch size={16} />}>
              {t('log.book.searchAll')}
            </Button>
            {query && (
              <ActionIcon
                variant="subtle"
                size="lg"
                aria-label={t('log.book.clearSearch')}
                onClick={() => {
                  setQuery('');
                  setTyped('');
                }}
              >
                <IconX size={16} />
              </ActionIcon>
            )}
          </Group>
        </form>
      </Group>

      {query ? <SearchResults query={query} kind={kind} onOpen={setOpen} /> : <Day date={date} kind={kind} onOpen={setOpen} />}
      {open !== null && <EntryDialog id={open} onClose={() => setOpen(null)} />}
      {exporting && <ExportDialog from={date} to={date} kind={kind} query={query} onClose={() => setExporting(false)} />}
    </Stack>
  );
}

function Day({ date, kind, onOpen }: { date: string; kind: LogKind | null; onOpen: (id: number) => void }) {
  const { t, i18n } = useTranslation();
  const { tz } = useDesk();
  const q = useApiQuery('log.book', { dutyDate: date });
  if (q.error) return <Alert color="red">{errorText(t, q.error)}</Alert>;
  if (!q.data) return null;
  const b = q.data;
  const entries = kind ? b.entries.filter((e) => e.kind === kind) : b.entries;
  const voided = entries.filter((e) => e.voided).length;
  const names = (role: 'leader' | 'officer' | 'standby') =>
    b.shifts
      .flatMap((s) => s[role])
      .map((p) => (p.mobile ? `${p.name} ${p.mobile}` : p.name))
      .join(t('common.listComma')) || '—';
  return (
    <Stack>
      <Paper withBorder p="md" data-testid="logbook-day">
        <Group justify="space-between" align="flex-start">
          <Stack gap={2}>
            <Group gap="xs">
              <Text fw={700} size="lg">
                {date} {weekdayOfDate(date, i18n.language === 'en' ? 'en' : 'zh-CN')}
              </Text>
              {b.day.holidayName && <Badge color="red">{b.day.holidayName}</Badge>}
            </Group>
            <Text size="sm" c="dimmed">
              {t('log.book.window', { from: `${formatDate(b.startsAt, tz)} ${formatTime(b.startsAt, tz)}`, to: `${formatDate(b.endsAt, tz)} ${formatTime(b.endsAt, tz)}` })}
            </Text>
          </Stack>
          {b.shifts.length === 0 ? (
            <Text c="dimmed" size="sm">
              {t('log.book.noRoster')}
            </Text>
          ) : (
            <Stack gap={2} data-testid="logbook-on-duty">
              <Text size="sm">
                {t('log.book.leader')}
                {t('common.colon')}
                {names('leader')}
              </Text>
              <Text size="sm">
                {t('log.book.officer')}
                {t('common.colon')}
                {names('officer')}
              </Text>
              <Text size="sm">
                {t('log.book.standby')}
                {t('common.colon')}
                {names('standby')}
              </Text>
            </Stack>
          )}
        </Group>
      </Paper>
      <Text size="sm" c="dimmed" data-testid="logbook-count">
        {t('log.book.count', { n: entries.length })}
        {voided > 0 && t('log.book.countVoided', { n: voided })}
      </Text>
      {entries.length === 0 ? (
        <Text c="dimmed">{kind ? t('log.book.noMatch') : t('log.book.empty')}</Text>
      ) : (
        <EntryTable entries={entries} dutyDate={date} onOpen={onOpen} />
      )}
      {b.incidents.length > 0 && (
        <Paper withBorder p="md">
          <Title order={4} mb="xs">
            {t('log.book.incidents')}
          </Title>
          <Stack gap={4}>
            {b.incidents.map((i) => (
              <Group key={i.id} gap="xs">
                <Badge color={levelColor[i.level]}>{t(`incidents.level.${i.level}`)}</Badge>
                <Text component={Link} to={`/incidents/${i.id}`} className="dd-wrap">
                  {i.no} {i.title}
                </Text>
                <Badge variant="outline">{t(`incidents.status.${i.status}`)}</Badge>
              </Group>
            ))}
          </Stack>
        </Paper>
      )}
    </Stack>
  );
}

function SearchResults({ query, kind, onOpen }: { query: string; kind: LogKind | null; onOpen: (id: number) => void }) {
  const { t } = useTranslation();
  const q = useApiQuery('log.list', {
    from: '2000-01-01',
    to: '2100-12-31',
    query,
    includeVoided: true,
    limit: 500,
    ...(kind ? { kind } : {}),
  });
  if (q.error) return <Alert color="red">{errorText(t, q.error)}</Alert>;
  if (!q.data) return null;
  return (
    <Stack>
      <Text size="sm" c="dimmed" data-testid="logbook-count">
        {t('log.book.searchResults', { q: query, n: q.data.entries.length })}
      </Text>
      {q.data.entries.length === 0 ? (
        <Text c="dimmed">{t('log.book.noMatch')}</Text>
      ) : (
        <EntryTable entries={q.data.entries} dutyDate={null} onOpen={onOpen} />
      )}
    </Stack>
  );
}

/** Entries as the logbook's table; `dutyDate` null shows each entry's duty day (search results). */
function EntryTable({ entries, dutyDate, onOpen }: { entries: LogEntry[]; dutyDate: string | null; onOpen: (id: number) => void }) {
  const { t } = useTranslation();
  const { tz } = useDesk();
  const { i18n } = useTranslation();
  // An entry turned into an incident shows its handling from the incident's reports, escalation and 批示.
  const handling = (e: LogEntry) => {
    const f = { ...e, ...effectiveFollowUp(e, i18n.language === 'en' ? 'en' : 'zh-CN', tz) };
    return (['reportedTo', 'proposal', 'instruction', 'outcome'] as const)
      .filter((k) => f[k])
      .map((k) => `${t(`log.book.handling.${k}`)}${t('common.colon')}${f[k]}`);
  };
  return (
    <Table striped highlightOnHover verticalSpacing={6} data-testid="logbook-table">
      <Table.Thead>
        <Table.Tr>
          {dutyDate === null && <Table.Th w={110}>{t('log.book.colDate')}</Table.Th>}
          <Table.Th w={90}>{t('log.book.colTime')}</Table.Th>
          <Table.Th w={70}>{t('log.book.colKind')}</Table.Th>
          <Table.Th w={200}>{t('log.book.colSource')}</Table.Th>
          <Table.Th>{t('log.book.colSummary')}</Table.Th>
          <Table.Th w={240}>{t('log.book.colHandling')}</Table.Th>
          <Table.Th w={90}>{t('log.book.colRecorder')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {entries.map((e) => {
          const nextDay = dutyDate !== null && localDate(e.occurredAt, tz) !== dutyDate;
          return (
            <Table.Tr
              key={e.id}
              onClick={() => onOpen(e.id)}
              onKeyDown={(ev) => {
                if (ev.key === 'Enter') onOpen(e.id);
              }}
              tabIndex={0}
              style={{ cursor: 'pointer' }}
              data-testid="logbook-row"
              data-voided={e.voided ? 'true' : 'false'}
            >
              {dutyDate === null && <Table.Td>{e.dutyDate}</Table.Td>}
              <Table.Td ff="monospace">
                {nextDay && (
                  <Text span size="xs" c="dimmed" mr={4}>
                    {t('log.book.nextDayMark')}
                  </Text>
                )}
                {formatTime(e.occurredAt, tz)}
              </Table.Td>
              <Table.Td>
                <Badge variant="light">{t(`log.kind.${e.kind}`)}</Badge>
              </Table.Td>
              <Table.Td className="dd-wrap">{[e.sourceUnit, e.sourcePerson, e.sourcePhone].filter(Boolean).join(' · ')}</Table.Td>
              <Table.Td className="dd-wrap" td={e.voided ? 'line-through' : undefined}>
                {e.summary}
                {e.voided && (
                  <Badge variant="default" ml={6}>
                    {t('log.voided')}
                  </Badge>
                )}
                {e.version > 1 && (
                  <Badge variant="default" ml={6}>
                    {t('log.version', { n: e.version })}
                  </Badge>
                )}
              </Table.Td>
              <Table.Td className="dd-wrap">
                {handling(e).map((h) => (
                  <Text key={h} size="xs">
                    {h}
                  </Text>
                ))}
              </Table.Td>
              <Table.Td>{e.recordedBy}</Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}

function ExportDialog(props: { from: string; to: string; kind: LogKind | null; query: string; onClose: () => void }) {
  const { t } = useTranslation();
  const [from, setFrom] = useState(props.from);
  const [to, setTo] = useState(props.to);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setError(null);
    setBusy(true);
    try {
      const file = await call('log.exportXlsx', {
        from,
        to,
        ...(props.kind ? { kind: props.kind } : {}),
        ...(props.query ? { query: props.query } : {}),
      });
      downloadFile(file, true);
      props.onClose();
    } catch (e) {
      setError(errorText(t, e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal opened onClose={props.onClose} title={t('log.book.exportTitle')}>
      <Stack>
        <Text size="sm" c="dimmed">
          {t('log.book.exportHint')}
        </Text>
        <Group grow>
          <DateField label={t('log.book.from')} value={from} onChange={(v: string) => setFrom(v)} />
          <DateField label={t('log.book.to')} value={to} onChange={(v: string) => setTo(v)} />
        </Group>
        {error && (
          <Text c="red" role="alert">
            {error}
          </Text>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onClose}>
            {t('common.cancel')}
          </Button>
          <Button onClick={() => void run()} loading={busy} disabled={!from || !to} data-testid="logbook-export-run">
            {t('log.book.download')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
