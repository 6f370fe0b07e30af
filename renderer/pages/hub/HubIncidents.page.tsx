/** 突发事件（各台席）: incidents across desks, with their reports and whether any was late (迟报 stays visible). */
import { useState } from 'react';
import { Badge, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { addDays } from '../../../shared/time';
import { levelColor } from '../../../shared/domain/incident';
import { formatDateTime } from '../../lib/format';
import { DateField } from '../../components/DateFields/DateFields';
import { useHubQuery } from './hub-api';
import { useHub } from './hub-context';

export function HubIncidentsPage() {
  const { t } = useTranslation();
  const { tz, today } = useHub();
  const [from, setFrom] = useState(addDays(today, -30));
  const [to, setTo] = useState(today);
  const q = useHubQuery('hub.incidents', { from, to }, { refetchInterval: 30_000 });
  const rows = q.data ?? [];
  return (
    <Stack>
      <Title order={1} size="h2">
        {t('hub.incidents.title')}
      </Title>
      <Group>
        <DateField label={t('hub.incidents.from')} value={from} onChange={(v) => v && setFrom(v)} />
        <DateField label={t('hub.incidents.to')} value={to} onChange={(v) => v && setTo(v)} />
      </Group>
      {rows.length === 0 && q.data && <Text c="dimmed">{t('hub.incidents.empty')}</Text>}
      {rows.length > 0 && (
        <Table withTableBorder striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('hub.incidents.learnedAt')}</Table.Th>
              <Table.Th>{t('hub.board.desk')}</Table.Th>
              <Table.Th>{t('hub.incidents.level')}</Table.Th>
              <Table.Th />
              <Table.Th>{t('hub.incidents.status')}</Table.Th>
              <Table.Th>{t('hub.incidents.reports')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((i) => (
              <Table.Tr key={`${i.deskId}-${i.incidentId}`}>
                <Table.Td>{formatDateTime(i.learnedAt, tz)}</Table.Td>
                <Table.Td>{i.unitName}</Table.Td>
                <Table.Td>
                  <Badge color={levelColor[i.level as 1 | 2 | 3 | 4]}>{t(`incidents.level.${i.level}`)}</Badge>
                </Table.Td>
                <Table.Td>
                  {i.no} {i.title}
                </Table.Td>
                <Table.Td>{t(`incidents.status.${i.status}`, { defaultValue: i.status })}</Table.Td>
                <Table.Td>
                  {i.reports.length === 0 ? (
                    <Badge color="#b3261e" variant="filled">
                      {t('hub.incidents.noReport')}
                    </Badge>
                  ) : (
                    <Badge color={i.late ? '#b3261e' : '#1e6b30'} variant="filled">
                      {i.reports.length} · {i.late ? t('hub.incidents.late') : t('hub.incidents.onTime')}
                    </Badge>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
