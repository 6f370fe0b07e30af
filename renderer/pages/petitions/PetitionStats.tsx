/**
 * 信访统计: pick a period (a month, a sensitive period, or any range) and read
 * the table in 批 and 人次 per level, by form and category, 集体访, 非正常上访
 * and 重复访, each with 环比 and 同比; print it (A4) or export it to Excel.
 */
import { PrintActions } from '../../components/Print/PrintButton';
import { useState } from 'react';
import { Button, Group, Paper, SegmentedControl, Select, Stack, Table, Text } from '@mantine/core';
import { DateField, MonthField } from '../../components/DateFields/DateFields';
import { IconFileSpreadsheet } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { call, useApiQuery } from '../../api';
import { useDesk } from '../../lib/desk-context';
import { notifyError, errorText } from '../../lib/errors';
import { localDate } from '../../lib/format';
import { downloadFile } from '../roster/lib';
import { monthPeriod, periodLabel, statsTable } from './lib';

type Mode = 'month' | 'sensitive' | 'custom';

export function PetitionStats() {
  const { t, i18n } = useTranslation();
  const { tz, clockOffset } = useDesk();
  const today = localDate(Date.now() + clockOffset, tz);
  const [mode, setMode] = useState<Mode>('month');
  const [month, setMonth] = useState(today.slice(0, 7));
  const [range, setRange] = useState({ from: `${today.slice(0, 7)}-01`, to: today });
  const [sensitive, setSensitive] = useState<string | null>(null);
  const settings = useApiQuery('petitions.settings', {});
  const periods = settings.data?.sensitivePeriods ?? [];
  const chosen = periods.find((p) => `${p.from}|${p.to}` === sensitive);
  const period = mode === 'month' ? monthPeriod(month) : mode === 'sensitive' ? (chosen ? { from: chosen.from, to: chosen.to } : null) : range;
  const valid = !!period && period.from <= period.to;
  const q = useApiQuery('petitions.stats', period ?? { from: today, to: today }, { enabled: valid });
  const s = q.data;
  const rows = s ? statsTable(s, t, i18n.language) : [];
  return (
    <Stack data-testid="petition-stats">
      <Group align="flex-end" gap="sm" wrap="wrap">
        <SegmentedControl
          value={mode}
          onChange={(v) => setMode(v as Mode)}
          data={[
            { value: 'month', label: t('petitions.stats.month') },
            { value: 'sensitive', label: t('petitions.stats.sensitive') },
            { value: 'custom', label: t('petitions.stats.custom') },
          ]}
        />
        {mode === 'month' && <MonthField label={t('petitions.stats.month')} value={month} onChange={(v) => v && setMonth(v)} w={170} data-testid="stats-month" />}
        {mode === 'sensitive' && (
          <Select
            label={t('petitions.stats.chooseSensitive')}
            data={periods.map((p) => ({ value: `${p.from}|${p.to}`, label: `${p.name}${t('common.parenOpen')}${p.from} – ${p.to}${t('common.parenClose')}` }))}
            value={sensitive}
            onChange={setSensitive}
            w={320}
          />
        )}
        {mode === 'custom' && (
          <>
            <DateField label={t('petitions.from')} value={range.from} onChange={(v) => setRange({ ...range, from: v })} w={160} />
            <DateField label={t('petitions.to')} value={range.to} onChange={(v) => setRange({ ...range, to: v })} w={160} />
          </>
        )}
        {valid && <PrintActions route={`/print/petitions/stats?from=${period!.from}&to=${period!.to}`} label={t('petitions.printStats')} testId="petition-stats-print" />}
        <Button
          variant="default"
          leftSection={<IconFileSpreadsheet size={16} />}
          disabled={!valid}
          onClick={() => period && void call('petitions.statsXlsx', period).then((f) => downloadFile(f, true), notifyError)}
        >
          {t('petitions.exportXlsx')}
        </Button>
      </Group>
      {q.error && <Text c="red">{errorText(t, q.error)}</Text>}
      {s && (
        <Paper withBorder p="sm">
          <Text fw={600}>
            {s.periodName ? `${s.periodName} · ` : ''}
            {periodLabel(s.current.from, s.current.to, i18n.language)}
          </Text>
          <Text size="sm" c="dimmed">
            {t('petitions.stats.previous')}{t('common.colon')}{periodLabel(s.previous.from, s.previous.to, i18n.language)}{t('common.gap')}{t('petitions.stats.lastYear')}{t('common.colon')}
            {periodLabel(s.lastYear.from, s.lastYear.to, i18n.language)}
          </Text>
          <Table mt="xs" withTableBorder withColumnBorders data-testid="petition-stats-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('petitions.stats.colItem')}</Table.Th>
                <Table.Th>{t('petitions.stats.colCurrent')}</Table.Th>
                <Table.Th>{t('petitions.stats.colPrevious')}</Table.Th>
                <Table.Th>{t('petitions.stats.colMom')}</Table.Th>
                <Table.Th>{t('petitions.stats.colLastYear')}</Table.Th>
                <Table.Th>{t('petitions.stats.colYoy')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((r) => (
                <Table.Tr key={r.key} data-testid={`stats-row-${r.key}`} fw={r.depth === 0 ? 700 : undefined}>
                  <Table.Td pl={r.depth === 1 ? 'lg' : undefined}>{r.label}</Table.Td>
                  <Table.Td data-testid="stats-current">{r.current}</Table.Td>
                  <Table.Td>{r.previous}</Table.Td>
                  <Table.Td data-testid="stats-mom">{r.mom}</Table.Td>
                  <Table.Td>{r.lastYear}</Table.Td>
                  <Table.Td>{r.yoy}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Text size="sm" mt="xs">
            {t('petitions.stats.casesLine', { ...s.cases, supervised: s.supervised, followups: s.followups })}
          </Text>
        </Paper>
      )}
    </Stack>
  );
}
