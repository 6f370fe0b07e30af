/**
 * 系统查岗: send a presence check to every desk or some, and the results per
 * desk and month — on time, late, missed (漏岗: no answer within the limit).
 */
import { useState } from 'react';
import { Button, Card, Group, NumberInput, Stack, Table, Text, Title } from '@mantine/core';
import { IconAlarm } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../lib/format';
import { notifyError, notifySaved } from '../../lib/errors';
import { MonthField } from '../../components/DateFields/DateFields';
import { hubCall, hubQueryClient, useHubQuery } from './hub-api';
import { useHub } from './hub-context';
import { Targets } from './targets';
import { CheckBadge } from './Board.page';

export function ChecksPage() {
  const { t } = useTranslation();
  const { tz, today, canSend } = useHub();
  const [month, setMonth] = useState(today.slice(0, 7));
  const [targets, setTargets] = useState<string[] | null>(null);
  const [limit, setLimit] = useState<number>(60);
  const q = useHubQuery('hub.checkMonth', { month }, { refetchInterval: 10_000 });
  const send = async () => {
    try {
      await hubCall('hub.sendCheck', { deskIds: targets, limitSeconds: limit });
      notifySaved(t('hub.checks.sent'));
      await hubQueryClient.invalidateQueries();
    } catch (e) {
      notifyError(e);
    }
  };
  const names = new Map((q.data?.rows ?? []).map((r) => [r.deskId, r.unitName]));
  return (
    <Stack>
      <Title order={1} size="h2">
        {t('hub.checks.title')}
      </Title>
      {canSend && (
        <Card withBorder maw={560}>
          <Stack>
            <Targets value={targets} onChange={setTargets} />
            <NumberInput label={t('hub.checks.limit')} value={limit} min={10} max={3600} onChange={(v) => setLimit(typeof v === 'number' ? v : 60)} />
            <Group>
              <Button color="red" leftSection={<IconAlarm size={16} />} onClick={() => void send()} disabled={targets !== null && targets.length === 0} data-testid="send-check">
                {t('hub.checks.send')}
              </Button>
            </Group>
          </Stack>
        </Card>
      )}
      <Group>
        <Title order={2} size="h4">
          {t('hub.checks.results')}
        </Title>
        <MonthField label={t('hub.checks.month')} value={month} onChange={(v) => v && setMonth(v)} />
      </Group>
      <Table withTableBorder striped data-testid="check-month">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('hub.board.desk')}</Table.Th>
            <Table.Th>{t('hub.checks.sentCount')}</Table.Th>
            <Table.Th>{t('hub.checks.onTime')}</Table.Th>
            <Table.Th>{t('hub.checks.late')}</Table.Th>
            <Table.Th>{t('hub.checks.missed')}</Table.Th>
            <Table.Th>{t('hub.checks.mean')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(q.data?.rows ?? []).map((r) => (
            <Table.Tr key={r.deskId}>
              <Table.Td>{r.unitName}</Table.Td>
              <Table.Td>{r.sent}</Table.Td>
              <Table.Td>{r.onTime}</Table.Td>
              <Table.Td>{r.late}</Table.Td>
              <Table.Td>
                <Text c={r.missed ? 'red' : undefined} fw={r.missed ? 700 : undefined}>
                  {r.missed}
                </Text>
              </Table.Td>
              <Table.Td>{r.meanSeconds ?? '—'}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Title order={2} size="h5">
        {t('hub.checks.detail')}
      </Title>
      <Table withTableBorder>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('hub.checks.sentAt')}</Table.Th>
            <Table.Th>{t('hub.board.desk')}</Table.Th>
            <Table.Th>{t('hub.checks.outcome')}</Table.Th>
            <Table.Th>{t('hub.checks.answeredBy')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {[...(q.data?.checks ?? [])].reverse().map((c) => (
            <Table.Tr key={`${c.version}-${c.deskId}`}>
              <Table.Td>{formatDateTime(c.sentAt, tz)}</Table.Td>
              <Table.Td>{names.get(c.deskId) ?? c.deskId}</Table.Td>
              <Table.Td>
                <CheckBadge c={c} />
              </Table.Td>
              <Table.Td>{c.answer?.answeredBy ?? '—'}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
