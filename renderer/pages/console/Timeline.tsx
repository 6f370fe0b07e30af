/**
 * Console: this duty's timeline, newest on top, each entry with its state.
 * Clicking an entry opens it: follow-up fields, edit with reason, history,
 * void with reason, raise an incident.
 */
import { useState } from 'react';
import { Anchor, Badge, Group, Paper, Stack, Text, Title, UnstyledButton } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../api';
import type { LogEntry } from '../../../shared/contract';
import { useDesk } from '../../lib/desk-context';
import { formatTime } from '../../lib/format';
import { EntryDialog } from './EntryDialog';
import { effectiveFollowUp } from '../../../shared/domain/log-handling';
import { instructionColor } from '../../theme';

export function Timeline() {
  const { t } = useTranslation();
  const { tz } = useDesk();
  const q = useApiQuery('log.list', {}, { refetchInterval: 30_000 });
  const [open, setOpen] = useState<number | null>(null);
  const entries = q.data?.entries ?? [];
  return (
    <Paper withBorder p="md">
      <Group justify="space-between" mb="xs">
        <Title order={4}>{t('log.tonight')}</Title>
        <Group gap="sm">
          {q.data?.dutyDate && (
            <Text size="sm" c="dimmed">
              {q.data.dutyDate}
            </Text>
          )}
          <Anchor component={Link} to="/log" size="sm">
            {t('log.book.openBook')}
          </Anchor>
        </Group>
      </Group>
      {entries.length === 0 && <Text c="dimmed">{t('log.empty')}</Text>}
      <Stack gap={4} component="ol" style={{ listStyle: 'none', padding: 0, margin: 0 }} data-testid="log-timeline">
        {entries.map((e) => (
          <li key={e.id}>
            <EntryRow entry={e} tz={tz} onOpen={() => setOpen(e.id)} />
          </li>
        ))}
      </Stack>
      {open !== null && <EntryDialog id={open} onClose={() => setOpen(null)} />}
    </Paper>
  );
}

function EntryRow({ entry: e, tz, onOpen }: { entry: LogEntry; tz: string; onOpen: () => void }) {
  const { t, i18n } = useTranslation();
  const source = [e.sourceUnit, e.sourcePerson, e.sourcePhone].filter(Boolean).join(' · ');
  return (
    <UnstyledButton onClick={onOpen} w="100%" p={6} style={{ borderRadius: 4 }} className="dd-hover" data-testid="log-entry">
      <Group gap="sm" wrap="nowrap" align="flex-start" opacity={e.voided ? 0.55 : 1}>
        <Text ff="monospace" fw={600} w={48}>
          {formatTime(e.occurredAt, tz)}
        </Text>
        <Badge variant="light" miw={72} style={{ flexShrink: 0 }}>
          {t(`log.kind.${e.kind}`)}
        </Badge>
        <Stack gap={0} style={{ flex: 1, minWidth: 0 }}>
          <Text className="dd-wrap" td={e.voided ? 'line-through' : undefined}>
            {e.summary}
          </Text>
          {source && (
            <Text size="xs" c="dimmed">
              {source}
            </Text>
          )}
          {/* An entry turned into an incident shows its handling from the incident (reports, escalation, 批示). */}
          {(() => {
            const f = effectiveFollowUp(e, i18n.language === 'en' ? 'en' : 'zh-CN', tz);
            return (
              <>
                {f.reportedTo && e.incidentId !== null && (
                  <Text size="xs" c="dimmed" data-testid="entry-reported">
                    {t('log.book.handling.reportedTo')}
                    {t('common.colon')}
                    {f.reportedTo}
                  </Text>
                )}
                {f.instruction && (
                  <Text size="xs" c={instructionColor}>
                    {t('log.instruction')}
                    {t('common.colon')}
                    {f.instruction}
                  </Text>
                )}
              </>
            );
          })()}
        </Stack>
        <Group gap={4}>
          {e.voided && <Badge color="gray">{t('log.voided')}</Badge>}
          {e.version > 1 && (
            <Badge color="gray" variant="outline">
              {t('log.version', { n: e.version })}
            </Badge>
          )}
          {e.incidentId !== null && (
            <Badge color="red" variant="outline">
              {t('incidents.list.title')}
            </Badge>
          )}
        </Group>
      </Group>
    </UnstyledButton>
  );
}
