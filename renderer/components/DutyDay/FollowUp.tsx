/**
 * The follow-up (落实) of one leader's instruction: its state, what was done
 * and by whom, and the next step (开始落实 / 已落实 with what was done).
 */
import { useState } from 'react';
import { Badge, Button, Group, Modal, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { OpenInstruction } from '../../../shared/contract';
import { useApiMutation } from '../../api';
import { errorTextWithField } from '../../lib/errors';
import { useDesk } from '../../lib/desk-context';
import { formatDateTime } from '../../lib/format';
import { overdueColor } from '../../theme';

export const followUpColor = { pending: 'red.9', inProgress: 'orange.5', done: 'teal.9' } as const;

export function InstructionLine({ i, canAct = true }: { i: OpenInstruction; canAct?: boolean }) {
  const { t } = useTranslation();
  const { tz } = useDesk();
  const m = useApiMutation('instruction.followUp');
  const [open, setOpen] = useState<null | 'inProgress' | 'done'>(null);
  const [note, setNote] = useState('');
  const [doneBy, setDoneBy] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = () =>
    m.mutate(
      { instructionId: i.id, state: open!, note: note || null, doneBy: doneBy || null },
      { onSuccess: () => setOpen(null), onError: (e) => setError(errorTextWithField(t, e)) },
    );
  return (
    <Stack gap={2} data-testid="instruction-line">
      <Group gap="xs" wrap="nowrap" align="flex-start">
        <Badge color={followUpColor[i.state]} autoContrast data-testid="follow-up-state">
          {t(`leader.followUp.${i.state}`)}
        </Badge>
        <Text size="sm" className="dd-wrap">
          {i.leaderName}
          {t('common.colon')}
          {i.text}
        </Text>
      </Group>
      <Text size="xs" c="dimmed" className="dd-wrap">
        {i.incidentNo} {i.incidentTitle} · {formatDateTime(i.givenAt, tz)}
        {i.lastNote ? ` · ${i.lastNote}${i.lastDoneBy ? `${t('common.parenOpen')}${i.lastDoneBy}${t('common.parenClose')}` : ''}` : ''}
      </Text>
      {canAct && i.state !== 'done' && (
        <Group gap={4}>
          {i.state === 'pending' && (
            <Button size="compact-xs" variant="default" onClick={() => setOpen('inProgress')}>
              {t('leader.start')}
            </Button>
          )}
          <Button size="compact-xs" variant="default" onClick={() => setOpen('done')}>
            {t('leader.done')}
          </Button>
        </Group>
      )}
      <Modal opened={open !== null} onClose={() => setOpen(null)} title={open ? t(`leader.followUp.${open}`) : ''}>
        <Stack>
          <Text size="sm">{i.text}</Text>
          <Textarea label={t('leader.followUpNote')} value={note} onChange={(e) => setNote(e.currentTarget.value)} autosize minRows={2} data-autofocus />
          <TextInput label={t('leader.doneBy')} value={doneBy} onChange={(e) => setDoneBy(e.currentTarget.value)} />
          {error && (
            <Text c={overdueColor} size="sm" role="alert">
              {error}
            </Text>
          )}
          <Button onClick={submit} loading={m.isPending}>
            {t('common.save')}
          </Button>
        </Stack>
      </Modal>
    </Stack>
  );
}
