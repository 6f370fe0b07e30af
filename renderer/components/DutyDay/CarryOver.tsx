/**
 * The console's carried-over items: unfinished items and items to watch
 * (待办事项 / 注意事项) until closed, the leaders' instructions until 已落实,
 * and — until the incoming officer confirms — the warning that the outgoing
 * shift is still responsible.
 */
import { useState } from 'react';
import { Alert, Badge, Button, Group, Modal, Paper, SegmentedControl, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { DutyTodo } from '../../../shared/contract';
import { useApiMutation, useApiQuery } from '../../api';
import { errorTextWithField } from '../../lib/errors';
import { useDesk } from '../../lib/desk-context';
import { formatTime } from '../../lib/format';
import { handoverLink, shiftWords } from '../../lib/due-text';
import { InstructionLine } from './FollowUp';
import { overdueColor } from '../../theme';

export function ResponsibilityBanner() {
  const { t } = useTranslation();
  const { tz } = useDesk();
  const q = useApiQuery('handover.get', {}, { refetchInterval: 60_000 });
  const r = q.data?.responsibility;
  if (!r) return null;
  return (
    <Alert color={r.overdue ? 'red' : 'orange'} icon={<IconAlertTriangle size={18} />} data-testid="responsibility" role="status">
      <Text size="sm">
        {t('handover.responsibility', { date: r.dutyDate, shift: shiftWords(r.shiftName), state: t(`handover.state.${r.state}`), names: r.outgoing.join(t('common.listComma')) || '—' })}{' '}
        {r.overdue && !r.acknowledgement && t('handover.responsibilityOverdue', { time: formatTime(r.confirmBy, tz) })}
        {r.acknowledgement && (
          <Text span fw={700} size="sm" data-testid="responsibility-ack">
            {t('handover.acknowledged', { name: r.acknowledgement.byName, time: formatTime(r.acknowledgement.at, tz), note: r.acknowledgement.note ? `${t('reports.punct.colon')}${r.acknowledgement.note}` : '' })}
          </Text>
        )}{' '}
        <Link to={handoverLink(r.dutyDate, r.shiftId)}>{t('handover.title')}</Link>
      </Text>
    </Alert>
  );
}

function CloseTodo({ todo, onClose }: { todo: DutyTodo; onClose: () => void }) {
  const { t } = useTranslation();
  const m = useApiMutation('todo.close');
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  return (
    <Modal opened onClose={onClose} title={t('handover.closeTodo')}>
      <Stack>
        <Text size="sm">{todo.text}</Text>
        <TextInput label={t('handover.closeNote')} value={note} onChange={(e) => setNote(e.currentTarget.value)} data-autofocus />
        {error && (
          <Text c={overdueColor} size="sm" role="alert">
            {error}
          </Text>
        )}
        <Button loading={m.isPending} onClick={() => m.mutate({ id: todo.id, note }, { onSuccess: onClose, onError: (e) => setError(errorTextWithField(t, e)) })}>
          {t('handover.closeTodo')}
        </Button>
      </Stack>
    </Modal>
  );
}

export function TodoList({ todos }: { todos: DutyTodo[] }) {
  const { t } = useTranslation();
  const [closing, setClosing] = useState<DutyTodo | null>(null);
  if (todos.length === 0) return <Text c="dimmed" size="sm">{t('handover.noTodos')}</Text>;
  return (
    <Stack gap={4}>
      {todos.map((td) => (
        <Group key={td.id} gap="xs" wrap="nowrap" justify="space-between" data-testid="todo-item">
          <Group gap="xs" wrap="nowrap" style={{ minWidth: 0 }}>
            <Badge autoContrast color={td.kind === 'todo' ? 'orange.5' : 'blue.8'}>
              {t(`handover.todoKind.${td.kind}`)}
            </Badge>
            <Stack gap={0} style={{ minWidth: 0 }}>
              <Text size="sm" className="dd-wrap">
                {td.text}
              </Text>
              <Text size="xs" c="dimmed">
                {t('handover.raisedOn', { date: td.dutyDate, by: td.createdBy })}
              </Text>
            </Stack>
          </Group>
          {!td.closedAt && (
            <Button size="compact-xs" variant="light" onClick={() => setClosing(td)}>
              {t('handover.closeTodo')}
            </Button>
          )}
        </Group>
      ))}
      {closing && <CloseTodo todo={closing} onClose={() => setClosing(null)} />}
    </Stack>
  );
}

export function AddTodo() {
  const { t } = useTranslation();
  const m = useApiMutation('todo.add');
  const [text, setText] = useState('');
  const [kind, setKind] = useState<'todo' | 'watch'>('todo');
  const [error, setError] = useState<string | null>(null);
  const add = () =>
    m.mutate({ kind, text }, { onSuccess: () => { setText(''); setError(null); }, onError: (e) => setError(errorTextWithField(t, e)) });
  return (
    <Stack gap={4}>
      <Group gap="xs" wrap="nowrap" align="flex-end">
        <SegmentedControl size="xs" value={kind} onChange={(v) => setKind(v as 'todo' | 'watch')} data={[{ value: 'todo', label: t('handover.todoKind.todo') }, { value: 'watch', label: t('handover.todoKind.watch') }]} />
        <TextInput
          style={{ flex: 1 }}
          size="xs"
          aria-label={t('handover.todoText')}
          placeholder={t('handover.todoText')}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') add();
          }}
        />
        <Button size="compact-sm" onClick={add} loading={m.isPending}>
          {kind === 'todo' ? t('handover.addTodo') : t('handover.addWatch')}
        </Button>
      </Group>
      {error && (
        <Text c={overdueColor} size="xs" role="alert">
          {error}
        </Text>
      )}
    </Stack>
  );
}

/** The console card: carried-over items and open instructions. */
export function CarryOverCard() {
  const { t } = useTranslation();
  const todos = useApiQuery('todo.list', {});
  const ins = useApiQuery('instruction.open', {});
  return (
    <Paper withBorder p="md" data-testid="carry-over">
      <Title order={2} size="h4" mb="xs">
        {t('handover.carryOver')}
      </Title>
      <TodoList todos={todos.data ?? []} />
      <Stack mt="xs">
        <AddTodo />
      </Stack>
      {(ins.data?.length ?? 0) > 0 && (
        <>
          <Title order={3} size="h5" mt="md" mb={4}>
            {t('handover.instructions')}
          </Title>
          <Stack gap="xs" data-testid="console-followups">
            {ins.data!.map((i) => (
              <InstructionLine key={i.id} i={i} />
            ))}
          </Stack>
        </>
      )}
    </Paper>
  );
}
