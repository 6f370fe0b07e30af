/**
 * The tables of a daily report, a zero report or a roll-up — the same on
 * screen, on paper and in Excel: the log by kind, incidents with their report
 * state, incident reports, escalations, presence checks, attendance, the
 * handover, the leaders' instructions and the other domains' sections.
 */
import { Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DailyReportStats } from '../../../shared/contract';
import { attendanceStates } from '../../../shared/domain/attendance';
import { logKinds } from '../../../shared/domain/log';
import { printText } from '../../lib/print-text';

export function statsRows(t: (k: string, p?: Record<string, unknown>) => string, s: DailyReportStats): { key: string; item: string; count: number; detail: string }[] {
  const attendanceTotal = Object.values(s.attendance).reduce((a, b) => a + (b ?? 0), 0);
  const p = { comma: t('reports.punct.comma'), semi: t('reports.punct.semi'), open: t('reports.punct.open'), close: t('reports.punct.close') };
  // A desk with 白班/夜班 names the shift of each handover; one shift a day needs only the date.
  const byShift = new Set(s.handovers.map((h) => h.shiftId)).size > 1;
  return [
    { key: 'log', item: t('reports.table.log'), count: s.logTotal, detail: logKinds.filter((k) => s.logCounts[k]).map((k) => `${t(`log.kind.${k}`)} ${s.logCounts[k]}`).join(p.comma) || '—' },
    {
      key: 'incidents',
      item: t('reports.table.incidents'),
      count: s.incidents.length,
      detail: s.incidents.map((i) => `${i.no} ${i.title}${p.open}${t(`incidents.level.${i.level}`)}${p.comma}${t(`reports.reportState.${i.reportState}`)}${p.close}`).join(p.semi) || '—',
    },
    { key: 'incidentReports', item: t('reports.table.incidentReports'), count: s.incidentReports, detail: s.incidentReports ? '' : '—' },
    { key: 'escalations', item: t('reports.table.escalations'), count: s.escalations.started, detail: t('reports.table.escalationDetail', s.escalations) },
    { key: 'presence', item: t('reports.table.presence'), count: s.presence.received + s.presence.made, detail: t('reports.table.presenceDetail', s.presence) },
    {
      key: 'attendance',
      item: t('reports.table.attendance'),
      count: attendanceTotal,
      detail: attendanceStates.filter((k) => s.attendance[k]).map((k) => `${t(`attendance.state.${k}`)} ${s.attendance[k]}`).join(p.comma) || '—',
    },
    {
      key: 'handover',
      item: t('reports.table.handover'),
      count: s.handovers.length,
      detail:
        s.handovers
          .map((h) => `${h.dutyDate}${byShift ? ` ${h.shiftName}` : ''} ${t(`handover.state.${h.state}`)}${h.outgoing ? `${p.open}${t('reports.handoverPair', { out: h.outgoing, in: h.incoming ?? '—' })}${p.close}` : ''}`)
          .join(p.semi) || '—',
    },
    { key: 'instructions', item: t('reports.table.instructions'), count: s.instructions.total, detail: t('reports.table.instructionDetail', s.instructions) },
    ...s.sections.map((sec) => ({
      key: `section-${sec.key}`,
      item: t(sec.titleKey),
      count: sec.count ?? sec.reportable,
      detail: sec.rows.map((r) => `${t(r.labelKey, r.params)} ${typeof r.value === 'object' ? t(r.value.key, r.value.params) : r.value}`).join(p.comma),
    })),
  ];
}

/** On paper: a ruled table in the official look. */
export function StatsPrintTable({ s }: { s: DailyReportStats }) {
  const { t } = useTranslation();
  return (
    <table>
      <thead>
        <tr>
          <th style={{ width: '26mm' }}>{t('reports.table.item')}</th>
          <th style={{ width: '14mm' }}>{t('reports.table.count')}</th>
          <th>{t('reports.table.detail')}</th>
        </tr>
      </thead>
      <tbody>
        {statsRows(t, s).map((r) => (
          <tr key={r.key} data-testid={`stats-${r.key}`}>
            <td className="c">{r.item}</td>
            <td className="c">{r.count}</td>
            <td>{printText(r.detail)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** On screen. */
export function StatsTable({ s }: { s: DailyReportStats }) {
  const { t } = useTranslation();
  return (
    <Table withTableBorder withColumnBorders data-testid="report-stats">
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={120}>{t('reports.table.item')}</Table.Th>
          <Table.Th w={70}>{t('reports.table.count')}</Table.Th>
          <Table.Th>{t('reports.table.detail')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {statsRows(t, s).map((r) => (
          <Table.Tr key={r.key}>
            <Table.Td>{r.item}</Table.Td>
            <Table.Td>{r.count}</Table.Td>
            <Table.Td className="dd-wrap">{r.detail}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
