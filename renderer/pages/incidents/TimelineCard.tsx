/**
 * An incident's timeline.
 *
 * Everything that happened to it, oldest first: edits, status moves, reports,
 * escalation, instructions, attachments, linked log entries.
 */
import { Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TimelineItem } from '../../../shared/contract';
import { useDesk } from '../../lib/desk-context';
import { formatDateTime } from '../../lib/format';
import { storedReportTitleIn } from '../../lib/incident-text';

function timelineText(t: (k: string, o?: Record<string, unknown>) => string, lang: string, i: TimelineItem): string {
  switch (i.type) {
    case 'created':
      return t('incidents.detail.timelineCreated');
    case 'edited':
      return t('incidents.detail.timelineEdited', { version: i.version, reason: i.reason ?? '' });
    case 'status':
      return (
        t('incidents.detail.timelineStatus', { from: t(`incidents.status.${i.from}`), to: t(`incidents.status.${i.to}`) }) +
        (i.reason ? `${t('common.parenOpen')}${i.reason}${t('common.parenClose')}` : '')
      );
    case 'report':
      return t('incidents.detail.timelineReport', { title: storedReportTitleIn(lang, i.title) }) + (i.late ? ` · ${t('incidents.detail.lateForever')}` : '');
    case 'escalationStarted':
      return t('incidents.detail.timelineEscalation');
    case 'contact':
      return t('incidents.detail.timelineContact', {
        target: t(`incidents.target.${i.target}`),
        name: i.targetName ?? '',
        method: t(`incidents.contactMethod.${i.method}`),
      });
    case 'acknowledged':
      return `${t('incidents.detail.timelineAck')}${t('common.colon')}${i.by}`;
    case 'escalationCancelled':
      return `${t('incidents.detail.timelineCancelled')}${t('common.colon')}${i.reason ?? ''}`;
    case 'instruction':
      return t('incidents.detail.timelineInstruction', { leader: i.leaderName, text: i.text });
    case 'attachment':
      return t('incidents.detail.timelineAttachment', { name: i.name });
    case 'logEntry':
      return t('incidents.detail.timelineLog', { summary: i.summary });
  }
}

export function TimelineCard({ items }: { items: TimelineItem[] }) {
  const { t, i18n } = useTranslation();
  const { tz } = useDesk();
  return (
    <Paper withBorder p="md">
      <Title order={4} mb="xs">
        {t('incidents.detail.timeline')}
      </Title>
      <Stack gap={2} data-testid="incident-timeline">
        {items.map((i, n) => (
          <Group key={n} gap="sm" wrap="nowrap" align="flex-start">
            <Text size="sm" ff="monospace" w={130} style={{ flexShrink: 0 }}>
              {formatDateTime(i.at, tz)}
            </Text>
            <Text size="sm" className="dd-wrap" style={{ flex: 1 }} c={i.type === 'report' && i.late ? 'red' : undefined}>
              {timelineText(t, i18n.language, i)}
            </Text>
            <Text size="xs" c="dimmed">
              {i.by}
            </Text>
          </Group>
        ))}
      </Stack>
    </Paper>
  );
}
