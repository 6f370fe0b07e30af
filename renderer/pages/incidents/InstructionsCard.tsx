/**
 * Leaders' instructions (批示) on an incident.
 *
 * Lists them and records one given by phone or in person.
 */
import { useState } from 'react';
import { Button, Group, Paper, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { call } from '../../api';
import type { IncidentDetail } from '../../../shared/contract';
import { useDesk } from '../../lib/desk-context';
import { formatDateTime } from '../../lib/format';
import { errorText } from '../../lib/errors';

export function InstructionsCard({ d }: { d: IncidentDetail }) {
  const { t } = useTranslation();
  const { tz } = useDesk();
  const [leader, setLeader] = useState('');
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  return (
    <Paper withBorder p="md" data-testid="instructions">
      <Title order={4} mb="xs">
        {t('incidents.detail.instructions')}
      </Title>
      {d.instructions.length === 0 && <Text c="dimmed">{t('incidents.detail.noInstructions')}</Text>}
      <Stack gap={4}>
        {d.instructions.map((i) => (
          <Text key={i.id} size="sm" className="dd-wrap">
            <Text span fw={700}>
              {i.leaderName}
            </Text>
            {t('common.parenOpen')}
            {formatDateTime(i.givenAt, tz)}
            {t('common.parenClose')}
            {t('common.colon')}
            {i.text}
          </Text>
        ))}
      </Stack>
      <Group align="flex-end" gap="xs" mt="xs">
        <TextInput label={t('incidents.detail.leaderName')} value={leader} onChange={(e) => setLeader(e.currentTarget.value)} w={120} />
        <Textarea
          label={t('incidents.detail.instruction')}
          autosize
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          style={{ flex: 1 }}
        />
        <Button
          variant="light"
          disabled={!leader.trim() || !text.trim()}
          onClick={() =>
            void call('incident.addInstruction', { incidentId: d.incident.id, leaderName: leader, text })
              .then(() => setText(''))
              .catch((e: unknown) => setError(errorText(t, e)))
          }
        >
          {t('incidents.detail.addInstruction')}
        </Button>
      </Group>
      {error && <Text c="red">{error}</Text>}
    </Paper>
  );
}
