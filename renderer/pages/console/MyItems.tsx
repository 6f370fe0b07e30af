/**
 * 待我处理: escalation steps addressed to the logged-in person (a leader on
 * duty, the principal leader). The leader acknowledges from their own account
 * and writes the 批示 there; it is recorded under their name, not the
 * officer's. Shown only when something is addressed to them.
 */
import { useState } from 'react';
import { Anchor, Badge, Button, Group, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { call, useApiQuery } from '../../api';
import type { MyEscalationItem } from '../../../shared/contract/escalation';
import { useDesk } from '../../lib/desk-context';
import { formatDateTime } from '../../lib/format';
import { errorText } from '../../lib/errors';

export function MyItems() {
  const { t } = useTranslation();
  const q = useApiQuery('escalation.mine', {});
  if (!q.data?.length) return null;
  return (
    <Paper withBorder p="md" data-testid="my-items" style={{ borderColor: 'var(--mantine-color-red-6)' }}>
      <Title order={2} size="h4" mb="xs">
        {t('due.mine.title')}
      </Title>
      <Stack gap="sm">
        {q.data.map((i) => (
          <Item key={`${i.escalationId}-${i.stepIndex}`} item={i} />
        ))}
      </Stack>
    </Paper>
  );
}

function Item({ item }: { item: MyEscalationItem }) {
  const { t } = useTranslation();
  const { tz } = useDesk();
  const [instruction, setInstruction] = useState('');
  const [error, setError] = useState<string | null>(null);
  const ack = async () => {
    setError(null);
    try {
      await call('escalation.acknowledgeMine', { escalationId: item.escalationId, instruction: instruction.trim() || null });
    } catch (e) {
      setError(errorText(t, e));
    }
  };
  return (
    <Stack gap={4}>
      <Group gap="xs" wrap="wrap">
        <Badge color={item.overdue ? 'red' : 'orange'}>{t(`incidents.level.${item.level}`)}</Badge>
        <Anchor component={Link} to={`/incidents/${item.incidentId}`} fw={700}>
          {item.incidentNo} {item.title}
        </Anchor>
      </Group>
      <Text size="sm">
        {t(item.kind === 'chain' ? 'due.mine.chain' : 'due.mine.inform', { target: t(`incidents.target.${item.target}`), at: formatDateTime(item.dueAt, tz) })}
      </Text>
      <Textarea label={t('incidents.detail.myInstruction')} autosize minRows={1} value={instruction} onChange={(e) => setInstruction(e.currentTarget.value)} />
      <Group justify="flex-end">
        <Button color="green" size="xs" onClick={() => void ack()}>
          {t('incidents.detail.ackMine')}
        </Button>
      </Group>
      {error && (
        <Text c="red" size="sm" role="alert">
          {error}
        </Text>
      )}
    </Stack>
  );
}
