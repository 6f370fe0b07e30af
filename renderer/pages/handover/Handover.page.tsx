/**
 * 交接班: the form of one shift change (the desk's one shift a day, or each
 * 白班/夜班 change), prefilled from the outgoing shift — the log by
 * kind, open incidents with their next deadlines and latest 批示, escalations
 * waiting, unfinished items and instructions being followed up, the handed-over
 * objects. The outgoing officer submits (交班); the incoming officer, signed in
 * as themself, accepts (同意接班) or returns it (有异议).
 */
import { PrintActions } from '../../components/Print/PrintButton';
import { useEffect, useState } from 'react';
import { Alert, Badge, Button, Checkbox, Group, Paper, SimpleGrid, Stack, Table, Text, TextInput, Textarea, Title } from '@mantine/core';
import { IconChevronLeft, IconChevronRight } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { HandoverObject, HandoverSnapshot, HandoverState } from '../../../shared/contract';
import { levelColor } from '../../../shared/domain/incident';
import { logKinds } from '../../../shared/domain/log';
import { useApiMutation, useApiQuery } from '../../api';
import { AcknowledgeHandover } from '../../components/DutyDay/AcknowledgeHandover';
import { AddTodo, ResponsibilityBanner, TodoList } from '../../components/DutyDay/CarryOver';
import { InstructionLine } from '../../components/DutyDay/FollowUp';
import { useDesk, useHasRole } from '../../lib/desk-context';
import { errorTextWithField, notifySaved } from '../../lib/errors';
import { formatDateTime, formatTime } from '../../lib/format';
import { accentColor, overdueColor } from '../../theme';

export const handoverStateColor: Record<HandoverState | 'none', string> = { none: 'gray.7', draft: 'gray.7', submitted: 'blue.8', returned: 'orange.5', confirmed: 'teal.9' };

export function SnapshotView({ s }: { s: HandoverSnapshot }) {
  const { t } = useTranslation();
  const { tz } = useDesk();
  return (
    <Stack gap="sm">
      <Text size="sm">{t('handover.rostered', { leaders: s.leaders.join(t('common.listComma')) || '—', officers: s.officers.join(t('common.listComma')) || '—' })}</Text>
      <Group gap="xs" data-testid="handover-log-counts">
        <Text fw={600}>{t('handover.logSummary', { n: s.logTotal })}</Text>
        {logKinds
          .filter((k) => s.logCounts[k])
          .map((k) => (
            <Badge key={k} variant="outline" color={accentColor}>
              {t(`log.kind.${k}`)} {s.logCounts[k]}
            </Badge>
          ))}
      </Group>
      {s.entries.length > 0 && (
        <Table striped withTableBorder>
          <Table.Tbody>
            {s.entries.map((e) => (
              <Table.Tr key={e.id}>
                <Table.Td w={60}>{formatTime(e.occurredAt, tz)}</Table.Td>
                <Table.Td w={70}>{t(`log.kind.${e.kind}`)}</Table.Td>
                <Table.Td className="dd-wrap">
                  {e.summary}{' '}
                  {e.unfinished && (
                    <Badge size="xs" color="orange.5" autoContrast>
                      {t('handover.unfinished')}
                    </Badge>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Title order={3} size="h5">
        {t('handover.incidents')}
      </Title>
      {s.incidents.length === 0 && <Text c="dimmed" size="sm">{t('handover.none')}</Text>}
      {s.incidents.map((i) => (
        <Stack key={i.id} gap={0}>
          <Text size="sm" component={Link} to={`/incidents/${i.id}`} className="dd-wrap">
            <Badge size="xs" color={levelColor[i.level]} autoContrast mr={4}>
              {t(`incidents.level.${i.level}`)}
            </Badge>
            {i.no} {i.title} · {t(`incidents.status.${i.status}`)}
            {i.nextDeadline && (
              <Text span size="sm" c={i.nextDeadline.overdue ? overdueColor : undefined} fw={i.nextDeadline.overdue ? 700 : undefined} data-testid="handover-incident-deadline">
                {` · ${t(`incidents.deadline.${i.nextDeadline.kind}`)} ${formatDateTime(i.nextDeadline.dueAt, tz)}${i.nextDeadline.overdue ? t('handover.deadlineOverdue') : ''}`}
              </Text>
            )}
          </Text>
          {i.lastInstruction && (
            <Text size="xs" fw={600} className="dd-wrap">
              {t('due.latestInstruction')}{t('reports.punct.colon')}{i.lastInstruction}
            </Text>
          )}
        </Stack>
      ))}
      {s.escalations.length > 0 && (
        <>
          <Title order={3} size="h5">
            {t('handover.escalations')}
          </Title>
          {s.escalations.map((e) => (
            <Text key={e.id} size="sm">
              {e.incidentNo} {e.title} · {t(`incidents.target.${e.target}`)} {e.targetName ?? ''} · {formatTime(e.dueAt, tz)}
            </Text>
          ))}
        </>
      )}
    </Stack>
  );
}

export function HandoverPage() {
  const { t } = useTranslation();
  const { tz, session } = useDesk();
  const [params, setParams] = useSearchParams();
  const date = params.get('date') ?? undefined;
  const shiftParam = Number(params.get('shift') ?? '');
  const shift = Number.isInteger(shiftParam) && shiftParam > 0 ? shiftParam : undefined;
  const q = useApiQuery('handover.get', date ? { dutyDate: date, ...(shift ? { shiftId: shift } : {}) } : {});
  const isLeader = useHasRole('leader');
  const save = useApiMutation('handover.save');
  const submit = useApiMutation('handover.submit');
  const confirm = useApiMutation('handover.confirm');
  const ret = useApiMutation('handover.return');
  const [notes, setNotes] = useState('');
  const [watch, setWatch] = useState('');
  const [objects, setObjects] = useState<HandoverObject[]>([]);
  const [confirmNote, setConfirmNote] = useState('同意接班');
  const [returnNote, setReturnNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const v = q.data;
  const rec = v?.record ?? null;

  useEffect(() => {
    if (!v) return;
    setNotes(rec?.content.notes ?? '');
    setWatch(rec?.content.watchItems ?? '');
    setObjects(rec?.content.objects ?? v.objectsTemplate.map((name) => ({ name, ok: true, note: null })));
    setError(null);
  }, [v?.dutyDate, v?.shiftId, rec?.version]);

  if (!v) return null;
  const state: HandoverState | 'none' = rec?.state ?? 'none';
  // Only the outgoing shift's officers write and submit the form; only the incoming one accepts it (the API refuses the rest).
  const editable = (state === 'none' || state === 'draft' || state === 'returned') && v.outgoing.isMe;
  const open = state === 'none' || state === 'draft' || state === 'returned';
  const names = (n: string[]) => n.join(t('common.listComma')) || '—';
  const mine = rec?.outgoingName !== null && rec?.outgoingName === session?.displayName;
  const content = { notes: notes || null, watchItems: watch || null, objects };
  const onError = (e: unknown) => setError(errorTextWithField(t, e));
  const go = (k: { dutyDate: string; shiftId: number }) => setParams({ date: k.dutyDate, shift: String(k.shiftId) });
  const here = { date: v.dutyDate, shift: String(v.shiftId) };
  const key = { dutyDate: v.dutyDate, shiftId: v.shiftId };
  // A desk with one shift a day hands over to the same shift: the date says it all.
  const change = v.shiftName && v.shiftName !== v.incoming.shiftName ? t('handover.shiftChange', { from: v.shiftName, to: v.incoming.shiftName }) : v.shiftName;
  const label = `${v.dutyDate} ${change}`.trim();

  return (
    <Stack gap="md" data-testid="handover-page">
      <Group justify="space-between">
        <Group gap="xs">
          <Title order={1} size="h2">
            {t('handover.title')}
          </Title>
          <Badge size="lg" autoContrast color={handoverStateColor[state]} data-testid="handover-state">
            {t(`handover.state.${state}`)}
          </Badge>
        </Group>
        <Group gap="xs">
          <Button variant="subtle" leftSection={<IconChevronLeft size={16} />} onClick={() => go(v.prev)}>
            {t('handover.prevShift')}
          </Button>
          <Text fw={600} data-testid="handover-date">
            {t('handover.dutyDay')} {v.dutyDate}
          </Text>
          {change && (
            <Badge size="lg" variant="outline" color={accentColor} data-testid="handover-shift">
              {change}
            </Badge>
          )}
          <Button variant="subtle" rightSection={<IconChevronRight size={16} />} onClick={() => go(v.next)}>
            {t('handover.nextShift')}
          </Button>
          <Button variant="light" onClick={() => setParams({})}>
            {t('handover.inPlay')}
          </Button>
          {rec?.snapshot && (
            <PrintActions route={`/print/handover/${v.dutyDate}/${v.shiftId}`} label={t('handover.print')} testId="handover-print" />
          )}
        </Group>
      </Group>
      <ResponsibilityBanner />
      <Text size="sm" c="dimmed">
        {t('handover.handoverAt', { time: formatDateTime(v.handoverAt, tz) })}{t('common.gap')}{t('handover.confirmBy', { time: formatDateTime(v.confirmBy, tz) })}
      </Text>
      {v.escalation && (
        <Alert color={v.acknowledgement ? 'orange' : 'red'} variant="light" data-testid="handover-escalation">
          <Stack gap={4}>
            <Text size="sm" fw={600}>
              {t('handover.escalated', {
                step: v.escalation.stepIndex + 1,
                target: t(`incidents.target.${v.escalation.target}`),
                name: [v.escalation.targetName ?? t('incidents.detail.unresolved'), v.escalation.targetPhone].filter(Boolean).join(' '),
              })}
            </Text>
            {v.escalation.targetFallback && (
              <Text size="sm" data-testid="handover-escalation-fallback">
                {t(`escalation.fallback.${v.escalation.targetFallback}`)}
              </Text>
            )}
            {v.acknowledgement ? (
              <Text size="sm" fw={700} data-testid="handover-acknowledged">
                {t('handover.acknowledged', {
                  name: v.acknowledgement.byName,
                  time: formatDateTime(v.acknowledgement.at, tz),
                  note: v.acknowledgement.note ? `${t('reports.punct.colon')}${v.acknowledgement.note}` : '',
                })}
              </Text>
            ) : (
              isLeader && (
                <Group>
                  <AcknowledgeHandover dutyDate={v.dutyDate} shiftId={v.shiftId} label={label} />
                </Group>
              )
            )}
          </Stack>
        </Alert>
      )}
      {rec?.state === 'returned' && (
        <Alert color="orange" data-testid="handover-objection">
          {t('handover.returnedBy', { name: rec.incomingName ?? '', time: rec.returnedAt ? formatDateTime(rec.returnedAt, tz) : '', note: rec.returnNote ?? '' })}
        </Alert>
      )}
      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        <Paper withBorder p="md">
          <SnapshotView s={rec?.snapshot ?? v.live} />
        </Paper>
        <Stack gap="md">
          <Paper withBorder p="md">
            <Title order={2} size="h4" mb="xs">
              {t('handover.todos')}
            </Title>
            <TodoList todos={v.todos} />
            <Stack mt="xs">
              <AddTodo />
            </Stack>
          </Paper>
          <Paper withBorder p="md">
            <Title order={2} size="h4" mb="xs">
              {t('handover.instructions')}
            </Title>
            {v.instructions.length === 0 && <Text c="dimmed" size="sm">{t('handover.none')}</Text>}
            <Stack gap="xs">
              {v.instructions.map((i) => (
                <InstructionLine key={i.id} i={i} />
              ))}
            </Stack>
          </Paper>
        </Stack>
      </SimpleGrid>
      <Paper withBorder p="md">
        <Stack>
          <Textarea label={t('handover.notes')} value={notes} onChange={(e) => setNotes(e.currentTarget.value)} disabled={!editable} autosize minRows={2} />
          <Textarea label={t('handover.watchItems')} value={watch} onChange={(e) => setWatch(e.currentTarget.value)} disabled={!editable} autosize minRows={1} />
          <Text fw={600} size="sm">
            {t('handover.objects')}
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
            {objects.map((o, idx) => (
              <Group key={o.name} gap="xs" wrap="nowrap">
                <Checkbox
                  label={o.name}
                  checked={o.ok}
                  disabled={!editable}
                  onChange={(e) => {
                    const ok = e.currentTarget.checked;
                    setObjects((os) => os.map((x, i) => (i === idx ? { ...x, ok } : x)));
                  }}
                />
                <TextInput
                  size="xs"
                  aria-label={`${o.name} ${t('handover.objectNote')}`}
                  placeholder={t('handover.objectNote')}
                  value={o.note ?? ''}
                  disabled={!editable}
                  onChange={(e) => {
                    const note = e.currentTarget.value || null;
                    setObjects((os) => os.map((x, i) => (i === idx ? { ...x, note } : x)));
                  }}
                />
              </Group>
            ))}
          </SimpleGrid>
          {error && (
            <Text c={overdueColor} size="sm" role="alert">
              {error}
            </Text>
          )}
          {editable && (
            <Group>
              <Button variant="default" loading={save.isPending} onClick={() => save.mutate({ ...key, expectedVersion: rec?.version ?? 0, ...content }, { onSuccess: () => notifySaved(t('handover.saved')), onError })}>
                {t('handover.save')}
              </Button>
              <Button loading={submit.isPending} onClick={() => submit.mutate({ ...key, expectedVersion: rec?.version ?? 0, ...content }, { onSuccess: () => { setParams(here); notifySaved(t('handover.submitted')); }, onError })}>
                {t('handover.submit')}
              </Button>
            </Group>
          )}
          {rec && rec.state !== 'draft' && rec.submittedAt && (
            <Text size="sm">
              {t('handover.outgoing')}{t('reports.punct.colon')}{rec.outgoingName}{t('reports.punct.gap')}{t('handover.submittedAt')}{t('reports.punct.colon')}{formatDateTime(rec.submittedAt, tz)}
            </Text>
          )}
          {open && !v.outgoing.isMe && (
            <Text size="sm" c="dimmed" data-testid="handover-only-outgoing">
              {t('handover.onlyOutgoing', { names: names(v.outgoing.names) })}
            </Text>
          )}
          {rec?.state === 'submitted' && mine && <Alert color="blue">{t('handover.ownHandover')}</Alert>}
          {rec?.state === 'submitted' && !mine && !v.incomingOfficers.isMe && (
            <Text size="sm" c="dimmed" data-testid="handover-only-incoming">
              {t('handover.onlyIncoming', { names: names(v.incomingOfficers.names) })}
            </Text>
          )}
          {rec?.state === 'submitted' && !mine && v.incomingOfficers.isMe && (
            <Stack gap="xs">
              <Group align="flex-end">
                <TextInput label={t('handover.confirmNote')} value={confirmNote} onChange={(e) => setConfirmNote(e.currentTarget.value)} style={{ flex: 1 }} />
                <Button color="teal" loading={confirm.isPending} onClick={() => confirm.mutate({ ...key, expectedVersion: rec.version, note: confirmNote || null }, { onSuccess: () => { setParams(here); notifySaved(t('handover.confirmed')); }, onError })}>
                  {t('handover.confirm')}
                </Button>
              </Group>
              <Group align="flex-end">
                <TextInput label={t('handover.returnNote')} value={returnNote} onChange={(e) => setReturnNote(e.currentTarget.value)} style={{ flex: 1 }} />
                <Button color="orange" variant="light" disabled={!returnNote.trim()} loading={ret.isPending} onClick={() => ret.mutate({ ...key, expectedVersion: rec.version, note: returnNote }, { onSuccess: () => notifySaved(t('handover.returned')), onError })}>
                  {t('handover.return')}
                </Button>
              </Group>
            </Stack>
          )}
          {rec?.state === 'confirmed' && (
            <Alert color="teal" data-testid="handover-confirmed">
              {t('handover.incoming')}{t('reports.punct.colon')}{rec.incomingName}{t('reports.punct.gap')}{t('handover.confirmedAt')}{t('reports.punct.colon')}{rec.confirmedAt ? formatDateTime(rec.confirmedAt, tz) : ''}{t('reports.punct.gap')}{rec.confirmNote}
            </Alert>
          )}
        </Stack>
      </Paper>
    </Stack>
  );
}
