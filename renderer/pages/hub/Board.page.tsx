/**
 * 看板: every desk on one screen — link state, latest record, who is on duty
 * (from the desk's own stream), today's presence checks, notices unread and
 * incidents open. Daily reports wait for the desks' daily-report feature.
 */
import { useState } from 'react';
import { Alert, Badge, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { IconAlarm, IconPrinter, IconRefresh } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { HubBoardDesk, HubCheckResult } from '../../../shared/hub-console';
import { formatDateTime, formatTime } from '../../lib/format';
import { notifyError, notifySaved } from '../../lib/errors';
import { DateField } from '../../components/DateFields/DateFields';
import { hubCall, hubQueryClient, useHubQuery } from './hub-api';
import { useHub } from './hub-context';

// Filled dark shades: readable in both themes; the word is always there too.
export const outcomeColor: Record<HubCheckResult['outcome'], string> = { onTime: '#1e6b30', late: '#a34700', missed: '#b3261e', waiting: '#0d56b3' };

export function CheckBadge({ c }: { c: HubCheckResult }) {
  const { t } = useTranslation();
  const { tz } = useHub();
  return (
    <Badge color={outcomeColor[c.outcome]} variant="filled" tt="none" data-testid="check-outcome" data-outcome={c.outcome}>
      {formatTime(c.sentAt, tz)} {t(`hub.outcome.${c.outcome}`)}
      {c.answer ? ` ${t('hub.outcome.seconds', { s: c.answer.seconds })}` : ''}
    </Badge>
  );
}

export function LinkCell({ d }: { d: HubBoardDesk }) {
  const { t } = useTranslation();
  const { tz } = useHub();
  if (d.revoked) return <Badge color="gray">{t('hub.board.revoked')}</Badge>;
  if (d.online)
    return (
      <Badge color="#1e6b30" variant="filled">
        {t('hub.board.online')}
      </Badge>
    );
  return (
    <Badge color="#b3261e" variant="filled" data-testid="desk-offline">
      {d.lastSeenAt ? t('hub.board.offline', { at: formatDateTime(d.lastSeenAt, tz) }) : t('hub.board.never')}
    </Badge>
  );
}

export const personLine = (ps: { name: string; mobile: string | null; officePhone: string | null }[], sep = '、'): string => ps.map((p) => (p.mobile ?? p.officePhone ? `${p.name} ${p.mobile ?? p.officePhone}` : p.name)).join(sep);

const reportColor: Record<HubBoardDesk['dailyReport']['state'], string> = { filed: '#1e6b30', late: '#a34700', drafted: '#a34700', missing: '#b3261e' };

/** 日报 / 零报告 · 已报 16:30, 迟报, 未报 — the word always, the colour too. */
export function reportText(t: (k: string) => string, d: HubBoardDesk, tz: string): string {
  const r = d.dailyReport;
  const kind = r.kind ? `${t(`hub.report.${r.kind}`)} · ` : '';
  return `${kind}${t(`hub.report.${r.state}`)}${r.sentAt ? ` ${formatTime(r.sentAt, tz)}` : ''}`;
}

export function ReportCell({ d }: { d: HubBoardDesk }) {
  const { t } = useTranslation();
  const { tz } = useHub();
  return (
    <Badge color={reportColor[d.dailyReport.state]} variant="filled" tt="none" data-testid="daily-report" data-state={d.dailyReport.state}>
      {reportText(t, d, tz)}
    </Badge>
  );
}

export function DutyCell({ d }: { d: HubBoardDesk }) {
  const { t } = useTranslation();
  if (!d.duty || d.duty.shifts.length === 0) return <Text c="dimmed">{t('hub.board.noDuty')}</Text>;
  return (
    <Stack gap={0}>
      {d.duty.shifts.map((s) => (
        <Text key={`${s.shiftName}${s.start}`} size="sm">
          {t('hub.board.leader')}{t('common.colon')}{personLine(s.leader, t('common.listComma')) || '—'}{t('common.listSep')}{t('hub.board.officer')}{t('common.colon')}{personLine(s.officer, t('common.listComma')) || '—'}
        </Text>
      ))}
    </Stack>
  );
}

export function BoardPage() {
  const { t } = useTranslation();
  const { tz, today, canSend } = useHub();
  const navigate = useNavigate();
  const [date, setDate] = useState(today);
  const q = useHubQuery('hub.board', { date }, { refetchInterval: 10_000 });
  const sendAll = async () => {
    try {
      await hubCall('hub.sendCheck', { deskIds: null });
      notifySaved(t('hub.checks.sent'));
      await hubQueryClient.invalidateQueries();
    } catch (e) {
      notifyError(e);
    }
  };
  const desks = q.data?.desks ?? [];
  return (
    <Stack data-testid="hub-board">
      <Group justify="space-between">
        <Title order={1} size="h2">
          {t('hub.board.title')}
        </Title>
        <Group>
          <DateField aria-label={t('hub.board.date')} value={date} onChange={(v) => v && setDate(v)} />
          <Button variant="default" leftSection={<IconRefresh size={16} />} onClick={() => void q.refetch()}>
            {t('hub.board.refresh')}
          </Button>
          {canSend && (
            <Button color="red" leftSection={<IconAlarm size={16} />} onClick={() => void sendAll()} data-testid="send-check-all">
              {t('hub.checks.sendAll')}
            </Button>
          )}
          <Button leftSection={<IconPrinter size={16} />} onClick={() => navigate(`/print/summary/${date}`)} data-testid="print-summary">
            {t('hub.board.print')}
          </Button>
        </Group>
      </Group>
      {desks.length === 0 && q.data && <Alert color="blue">{t('hub.board.empty')}</Alert>}
      <Table.ScrollContainer minWidth={900}>
        <Table striped withTableBorder>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('hub.board.desk')}</Table.Th>
              <Table.Th>{t('hub.board.link')}</Table.Th>
              <Table.Th>{t('hub.board.lastEvent')}</Table.Th>
              <Table.Th>{t('hub.board.duty')}</Table.Th>
              <Table.Th>{t('hub.board.dailyReport')}</Table.Th>
              <Table.Th>{t('hub.board.checks')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {desks.map((d) => (
              <Table.Tr key={d.deskId} data-testid="board-desk" data-desk={d.deskId}>
                <Table.Td>
                  <Text fw={600}>{d.unitName}</Text>
                  <Text size="xs" c="dimmed">
                    {d.deskId}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <LinkCell d={d} />
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{d.lastAt ? formatDateTime(d.lastAt, tz) : '—'}</Text>
                  <Text size="xs" c="dimmed">
                    {t('hub.board.records', { n: d.headSeq })}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <DutyCell d={d} />
                </Table.Td>
                <Table.Td>
                  <ReportCell d={d} />
                </Table.Td>
                <Table.Td>
                  <Group gap={4}>{d.checks.length ? d.checks.map((c) => <CheckBadge key={c.version} c={c} />) : t('hub.board.noChecks')}</Group>
                </Table.Td>
                <Table.Td>
                  <Stack gap={2}>
                    {d.noticesOpen > 0 && (
                      <Badge color="#a34700" variant="filled">
                        {t('hub.board.noticesOpen', { n: d.noticesOpen })}
                      </Badge>
                    )}
                    {d.incidentsOpen > 0 && (
                      <Badge color="#b3261e" variant="filled">
                        {t('hub.board.incidentsOpen', { n: d.incidentsOpen })}
                      </Badge>
                    )}
                  </Stack>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}
