/**
 * 本周值班 — the leader's view of today and the next six duty days.
 */
import { Badge, Paper, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../api';
import { dayTypeColor } from '../../components/OnDuty/OnDutyCard';
import { monthDay, weekdayLabel } from './lib';

export function WeekView() {
  const { t } = useTranslation();
  const q = useApiQuery('duty.week', {}, { refetchInterval: 300_000 });
  const weekdays = t('roster.weekdays', { returnObjects: true }) as string[];
  if (!q.data) return null;
  return (
    <Paper withBorder p="md" data-testid="week-view">
      <Title order={2} size="h5" mb="xs">
        {t('roster.weekView')}
      </Title>
      <Table withTableBorder>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('roster.date')}</Table.Th>
            <Table.Th>{t('roster.duty.leader')}</Table.Th>
            <Table.Th>{t('roster.duty.officers')}</Table.Th>
            <Table.Th>{t('roster.duty.standby')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {q.data.map((d, i) => {
            const all = (role: 'leader' | 'officer' | 'standby') =>
              d.shifts.flatMap((s) => s[role].map((p) => `${p.name}${p.mobile ? ` ${p.mobile}` : ''}`)).join(t('common.listComma')) || '—';
            return (
              <Table.Tr key={d.date} fw={i === 0 ? 700 : undefined}>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  {monthDay(d.date)} {i === 0 ? t('roster.duty.today') : ''}{' '}
                  {d.day.type === 'workday' ? (
                    <Text span size="sm" c="dimmed">
                      {weekdays[d.day.weekday]}
                    </Text>
                  ) : (
                    <Badge size="sm" variant="light" color={dayTypeColor(d.day.type)}>
                      {d.day.type === 'makeup' ? t('roster.dayTypes.makeup') : weekdayLabel(d.day, weekdays)}
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>{all('leader')}</Table.Td>
                <Table.Td>{all('officer')}</Table.Td>
                <Table.Td>{all('standby')}</Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}
