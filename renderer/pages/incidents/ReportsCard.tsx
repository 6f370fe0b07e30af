/**
 * An incident's report chain.
 *
 * Its deadlines counting down (met, late or overdue), the reports filed, and a
 * button for each report that may be filed next.
 */
import { PrintActions } from '../../components/Print/PrintButton';
import { Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { IncidentDetail } from '../../../shared/contract';
import { type ReportKind } from '../../../shared/domain/incident';
import { reportTitleIn, storedReportTitleIn } from '../../lib/incident-text';
import { countdownParts } from '../../../shared/domain/deadline';
import { useDesk, useNow } from '../../lib/desk-context';
import { formatDateTime } from '../../lib/format';

export function ReportsCard({ d, onFile }: { d: IncidentDetail; onFile: (kind: ReportKind) => void }) {
  const { t, i18n } = useTranslation();
  const { tz } = useDesk();
  const now = useNow(1000);
  const followups = d.reports.filter((r) => r.kind === 'followup').length;
  return (
    <Paper withBorder p="md" data-testid="reports-panel">
      <Group justify="space-between" mb="xs">
        <Title order={4}>{t('incidents.detail.reports')}</Title>
        <Group gap="xs">
          {d.nextReportKinds.map((k) => (
            <Button key={k} size="xs" color={k === 'first' ? 'red' : undefined} onClick={() => onFile(k)}>
              {t('incidents.detail.fileReport', { title: reportTitleIn(i18n.language, k, k === 'followup' ? followups + 1 : null) })}
            </Button>
          ))}
        </Group>
      </Group>
      {d.deadlines.length > 0 && (
        <Stack gap={4} mb="sm" data-testid="deadlines">
          {d.deadlines.map((dl) => {
            const c = countdownParts(Date.parse(dl.dueAt) - now);
            const state = dl.metAt ? dl.state : c.overdue ? 'overdue' : 'pending';
            const red = state === 'overdue' || state === 'metLate';
            return (
              <Group key={dl.id} gap="xs" data-testid="deadline" data-state={state}>
                <Badge color={red ? 'red' : state === 'met' ? 'green' : 'blue'}>{t(`incidents.deadlineState.${state}`)}</Badge>
                <Text size="sm">
                  {t(`incidents.deadline.${dl.kind}`)} · {t('incidents.detail.dueAt')} {formatDateTime(dl.dueAt, tz)}
                  {dl.metAt ? ` · ${t('incidents.detail.metAt', { at: formatDateTime(dl.metAt, tz) })}` : ''}
                </Text>
                {dl.basis && (
                  <Text size="xs" c="dimmed" data-testid="deadline-basis">
                    {t(`incidents.deadlineBasis.${dl.basis}`)}
                  </Text>
                )}
                {!dl.metAt && (
                  <Text size="sm" ff="monospace" fw={700} c={c.overdue ? 'red' : undefined}>
                    {c.overdue ? t('due.overdue', { t: c.text }) : t('due.left', { t: c.text })}
                  </Text>
                )}
              </Group>
            );
          })}
        </Stack>
      )}
      {d.reports.length === 0 && <Text c="dimmed">{t('incidents.detail.noReports')}</Text>}
      <Stack gap="xs">
        {d.reports.map((r) => (
          <Paper key={r.id} withBorder p="xs" data-testid="report-row">
            <Group justify="space-between">
              <Group gap="xs">
                <Text fw={700}>{storedReportTitleIn(i18n.language, r.title)}</Text>
                {/* A report that met no deadline was neither on time nor late: 无时限. */}
                <Badge color={r.late ? 'red' : r.met.length ? 'green' : 'gray'} data-testid="report-late">
                  {r.late ? t('incidents.detail.lateForever') : r.met.length ? t('incidents.detail.onTime') : t('incidents.detail.noDeadline')}
                </Badge>
                <Text size="sm">
                  {t(`incidents.method.${r.method}`)} → {r.recipient} · {formatDateTime(r.sentAt, tz)}
                  {r.signedBy ? ` · ${t('incidents.detail.signedBy')} ${r.signedBy}` : ''}
                </Text>
              </Group>
              <PrintActions route={`/print/report/${r.id}`} label={t('incidents.detail.print')} variant="subtle" testId={`report-print-${r.id}`} />
            </Group>
            <Text size="xs" c="dimmed">
              {t('incidents.detail.recordedBy', { by: r.recordedBy, at: formatDateTime(r.recordedAt, tz) })}
            </Text>
          </Paper>
        ))}
      </Stack>
    </Paper>
  );
}
