/**
 * 考勤: today's sign-ins (with sign-in / sign-out for the user) and the monthly
 * attendance sheet — every rostered person by duty day, with covers — to
 * print (A4 landscape) or export to Excel.
 */
import { PrintActions } from '../../components/Print/PrintButton';
import { useState } from 'react';
import { Badge, Button, Group, Paper, ScrollArea, Stack, Table, Text, Title } from '@mantine/core';
import { MonthField } from '../../components/DateFields/DateFields';
import { IconFileSpreadsheet } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { attendanceStates } from '../../../shared/domain/attendance';
import { call, useApiQuery } from '../../api';
import { SignInButton } from '../../components/DutyDay/SignIn';
import { useDesk, useNow } from '../../lib/desk-context';
import { notifyError } from '../../lib/errors';
import { formatTime, localDate } from '../../lib/format';
import { downloadFile } from '../roster/lib';
import { neutralColor } from '../../theme';

export function AttendancePage() {
  const { t } = useTranslation();
  const { tz } = useDesk();
  const now = useNow(60_000);
  const [month, setMonth] = useState(localDate(now, tz).slice(0, 7));
  const today = useApiQuery('attendance.today', {});
  const q = useApiQuery('attendance.month', { month });
  const m = q.data;
  return (
    <Stack gap="md" data-testid="attendance-page">
      <Title order={1} size="h2">
        {t('attendance.title')}
      </Title>
      <Paper withBorder p="md">
        <Group justify="space-between" mb="xs">
          <Title order={2} size="h4">
            {t('attendance.bar')} · {today.data?.dutyDate}
          </Title>
          <SignInButton />
        </Group>
        {today.data?.shifts.map((s) => (
          <Group key={`${s.dutyDate}-${s.shiftId}`} gap="md" mb={4}>
            <Text size="sm" fw={600}>
              {s.dutyDate} {s.shiftName}
            </Text>
            {s.lines.map((l) => (
              <Text key={l.personId} size="sm">
                {l.name}{' '}
                <Badge size="sm" variant="outline" color={neutralColor}>
                  {t(`attendance.state.${l.state}`)}
                  {l.signInAt ? ` ${formatTime(l.signInAt, tz)}` : ''}
                </Badge>
              </Text>
            ))}
          </Group>
        ))}
      </Paper>
      <Group align="flex-end">
        <MonthField label={t('attendance.month')} value={month} onChange={(v) => v && setMonth(v)} />
        <PrintActions route={`/print/attendance/${month}`} label={t('attendance.print')} testId="attendance-print" />
        <Button variant="outline" leftSection={<IconFileSpreadsheet size={16} />} onClick={() => void call('attendance.exportXlsx', { month }).then((f) => downloadFile(f, true), notifyError)}>
          {t('attendance.export')}
        </Button>
      </Group>
      {m && m.rows.length === 0 && <Text c="dimmed">{t('attendance.empty')}</Text>}
      {m && m.rows.length > 0 && (
        <ScrollArea viewportProps={{ tabIndex: 0, 'aria-label': t('attendance.title') }}>
          {/* Compact cells: a whole month and its totals fit a 1366-px screen without scrolling to the totals. */}
          <Table withTableBorder withColumnBorders fz="xs" horizontalSpacing={4} verticalSpacing={6} ta="center" data-testid="attendance-sheet">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('attendance.name')}</Table.Th>
                {m.dates.map((d) => (
                  <Table.Th key={d}>{Number(d.slice(8))}</Table.Th>
                ))}
                {attendanceStates.slice(0, 7).map((s) => (
                  <Table.Th key={s}>{t(`attendance.short.${s}`)}</Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {m.rows.map((r) => (
                <Table.Tr key={r.personId}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }} ta="left">
                    {r.name}
                  </Table.Td>
                  {m.dates.map((d) => (
                    <Table.Td key={d} title={(r.cells[d] ?? []).map((c) => t(`attendance.state.${c.state}`)).join('/')}>
                      {(r.cells[d] ?? []).map((c) => t(`attendance.short.${c.state}`)).join('/')}
                    </Table.Td>
                  ))}
                  {attendanceStates.slice(0, 7).map((s) => (
                    <Table.Td key={s}>{r.totals[s] ?? 0}</Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollArea>
      )}
      <Text size="xs" c="dimmed">
        {t('attendance.legend')}{t('common.colon')}{attendanceStates.map((s) => `${t(`attendance.short.${s}`)} ${t(`attendance.state.${s}`)}`).join(t('reports.punct.gap'))}
      </Text>
    </Stack>
  );
}
