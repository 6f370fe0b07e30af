/**
 * Escalation on an incident: the current step with its timer and the person
 * to reach; record a contact, the acknowledgement (with the leader's 批示),
 * or cancel with a reason. Past escalations stay listed.
 */
import { useState } from 'react';
import { Badge, Button, Group, Paper, Select, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { call, useApiQuery } from '../../api';
import type { Escalation } from '../../../shared/contract';
import { contactMethods, type ContactMethod } from '../../../shared/domain/escalation';
import { countdownParts } from '../../../shared/domain/deadline';
import { useDesk, useNow } from '../../lib/desk-context';
import { formatDateTime } from '../../lib/format';
import { errorText } from '../../lib/errors';

export function EscalationPanel({ incidentId, escalations }: { incidentId: number; escalations: Escalation[] }) {
  const { t } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  const pending = escalations.find((e) => e.state.status === 'waiting' || e.state.status === 'exhausted');
  const run = async (fn: () => Promise<unknown>) => {
    setError(null);
    try {
      await fn();
    } catch (e) {
      setError(errorText(t, e));
    }
  };
  return (
    <Paper withBorder p="md" data-testid="escalation-panel">
      <Group justify="space-between" mb="xs">
        <Title order={4}>{t('incidents.detail.escalation')}</Title>
        {!pending && (
          <Button size="xs" color="orange" onClick={() => void run(() => call('escalation.start', { incidentId }))}>
            {t('incidents.detail.startEscalation')}
          </Button>
        )}
      </Group>
      {pending && <Pending esc={pending} run={run} />}
      {escalations
        .filter((e) => !e.cancelledAt && (e === pending || e.informs.some((i) => !i.done)))
        .map((e) => (
          <StillToRun key={`run-${e.id}`} esc={e} run={run} />
        ))}
      {error && (
        <Text c="red" role="alert">
          {error}
        </Text>
      )}
      <Stack gap={4} mt="xs">
        {escalations
          .filter((e) => e !== pending)
          .map((e) => (
            <Past key={e.id} esc={e} />
          ))}
      </Stack>
    </Paper>
  );
}

function Pending({ esc, run }: { esc: Escalation; run: (fn: () => Promise<unknown>) => Promise<void> }) {
  const { t } = useTranslation();
  const { tz } = useDesk();
  const now = useNow(1000);
  const [method, setMethod] = useState<ContactMethod>('mobile');
  const [byName, setByName] = useState('');
  const [instruction, setInstruction] = useState('');
  const [cancelReason, setCancelReason] = useState('');
  const c = countdownParts(Date.parse(esc.state.dueAt) - now);
  const exhausted = esc.state.status === 'exhausted';
  const methods = contactMethods.map((m) => ({ value: m, label: t(`incidents.contactMethod.${m}`) }));
  return (
    <Stack gap="xs">
      <Group justify="space-between">
        <Text fw={600}>
          {t('incidents.detail.currentStep', {
            step: esc.state.stepIndex + 1,
            round: esc.state.round + 1,
            target: t(`incidents.target.${esc.state.target}`),
          })}
          {t('common.colon')}
          {esc.currentTarget.name ?? t('incidents.detail.unresolved')} {esc.currentTarget.phone ?? ''}
          {esc.currentTarget.fallback && (
            <Text span size="sm" fw={400} ml="xs" data-testid="escalation-fallback">
              {t('common.parenOpen')}
              {t(`escalation.fallback.${esc.currentTarget.fallback}`)}
              {t('common.parenClose')}
            </Text>
          )}
        </Text>
        <Text ff="monospace" fw={700} c={exhausted || c.overdue ? 'red' : undefined}>
          {exhausted ? t('due.exhausted') : t('due.left', { t: c.text })}
        </Text>
      </Group>
      <Group align="flex-end" gap="xs">
        <Select
          label={t('incidents.detail.ackVia')}
          data={methods}
          value={method}
          onChange={(m) => m && setMethod(m as ContactMethod)}
          allowDeselect={false}
          w={160}
        />
        <Button variant="light" onClick={() => void run(() => call('escalation.contact', { escalationId: esc.id, method }))}>
          {t('incidents.detail.recordContact')}
        </Button>
      </Group>
      {esc.contacts.map((x) => (
        <Text key={x.id} size="sm" c="dimmed">
          {formatDateTime(x.at, tz)} {t(`incidents.target.${x.target}`)} {x.targetName ?? ''} · {t(`incidents.contactMethod.${x.method}`)} ·{' '}
          {x.by}
        </Text>
      ))}
      <Group align="flex-end" gap="xs" wrap="wrap">
        <TextInput
          label={t('incidents.detail.ackBy')}
          placeholder={esc.currentTarget.name ?? ''}
          value={byName}
          onChange={(e) => setByName(e.currentTarget.value)}
          w={160}
        />
        <Textarea
          label={t('incidents.detail.instruction')}
          autosize
          value={instruction}
          onChange={(e) => setInstruction(e.currentTarget.value)}
          style={{ flex: 1, minWidth: 240 }}
        />
        <Button
          color="green"
          onClick={() =>
            void run(() =>
              call('escalation.acknowledge', {
                escalationId: esc.id,
                via: method,
                byName: byName || null,
                instruction: instruction || null,
              }),
            )
          }
        >
          {t('incidents.detail.acknowledge')}
        </Button>
      </Group>
      <Group align="flex-end" gap="xs">
        <TextInput
          label={t('incidents.detail.cancelReason')}
          value={cancelReason}
          onChange={(e) => setCancelReason(e.currentTarget.value)}
          style={{ flex: 1 }}
        />
        <Button
          variant="outline"
          color="gray"
          disabled={!cancelReason.trim()}
          onClick={() => void run(() => call('escalation.cancel', { escalationId: esc.id, reason: cancelReason }))}
        >
          {t('incidents.detail.cancelEscalation')}
        </Button>
      </Group>
    </Stack>
  );
}

function Past({ esc }: { esc: Escalation }) {
  const { t } = useTranslation();
  const { tz } = useDesk();
  return (
    <Text size="sm">
      <Badge color={esc.state.status === 'acknowledged' ? 'green' : 'gray'} mr={6}>
        {formatDateTime(esc.startedAt, tz)}
      </Badge>
      {esc.acknowledgedAt
        ? t('incidents.detail.acknowledgedBy', {
            by: esc.acknowledgedBy,
            at: formatDateTime(esc.acknowledgedAt, tz),
            via: esc.acknowledgedVia ? t(`incidents.contactMethod.${esc.acknowledgedVia}`) : '',
          }) + ` · ${t(`incidents.target.${esc.state.target}`)}`
        : t('incidents.detail.cancelled', { reason: esc.cancelReason ?? '' })}
      {/* Who was told by the always-inform steps, once nothing is left to run. */}
      {!esc.informs.some((i) => !i.done) &&
        esc.informs.map((i) =>
          i.done ? (
            <Text span size="sm" display="block" c="dimmed" key={`done-${i.stepIndex}`}>
              {t('incidents.detail.informDone', {
                target: t(`incidents.target.${i.target}`),
                name: i.name ?? '',
                method: t(`incidents.contactMethod.${i.done.method}`),
                by: i.done.by,
                at: formatDateTime(i.done.at, tz),
              })}
            </Text>
          ) : null,
        )}
    </Text>
  );
}

/**
 * What will still run, and when; the always-inform steps with their 已告知
 * button; and, for a leader addressed by a step, acknowledgement under their
 * own account with their 批示.
 */
function StillToRun({ esc, run }: { esc: Escalation; run: (fn: () => Promise<unknown>) => Promise<void> }) {
  const { t } = useTranslation();
  const { tz } = useDesk();
  const [method, setMethod] = useState<ContactMethod>('mobile');
  const [instruction, setInstruction] = useState('');
  const mine = useApiQuery('escalation.mine', {});
  const addressed = (mine.data ?? []).filter((m) => m.escalationId === esc.id);
  const methods = contactMethods.map((m) => ({ value: m, label: t(`incidents.contactMethod.${m}`) }));
  const open = esc.informs.filter((i) => !i.done);
  return (
    <Stack gap={6} mt="sm" data-testid={`escalation-still-${esc.id}`}>
      <Text fw={600} size="sm">
        {t('incidents.detail.upcomingTitle')}
      </Text>
      {esc.upcoming.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('incidents.detail.nothingMore')}
        </Text>
      ) : (
        esc.upcoming.slice(0, 6).map((u) => (
          <Text size="sm" key={`${u.round}-${u.stepIndex}`}>
            <Badge size="sm" variant="light" color={u.mode === 'always' ? 'red' : 'gray'} mr={6}>
              {t(`incidents.detail.mode.${u.mode}`)}
            </Badge>
            {t('incidents.detail.upcomingItem', {
              at: formatDateTime(u.at, tz),
              step: u.stepIndex + 1,
              round: u.round + 1,
              target: t(`incidents.target.${u.target}`),
              name: u.name ?? t('incidents.detail.unresolved'),
            })}
          </Text>
        ))
      )}
      {esc.informs.map((i) =>
        i.done ? (
          <Text size="sm" c="dimmed" key={`inf-${i.stepIndex}`}>
            {t('incidents.detail.informDone', {
              target: t(`incidents.target.${i.target}`),
              name: i.name ?? '',
              method: t(`incidents.contactMethod.${i.done.method}`),
              by: i.done.by,
              at: formatDateTime(i.done.at, tz),
            })}
          </Text>
        ) : null,
      )}
      {open.length > 0 && (
        <Group align="flex-end" gap="xs" wrap="wrap">
          <Select label={t('incidents.detail.ackVia')} data={methods} value={method} onChange={(m) => m && setMethod(m as ContactMethod)} allowDeselect={false} w={140} />
          {open.map((i) => (
            <Button
              key={`tell-${i.stepIndex}`}
              variant="light"
              color="red"
              onClick={() => void run(() => call('escalation.contact', { escalationId: esc.id, method, stepIndex: i.stepIndex }))}
            >
              {t('incidents.detail.informRecord', { target: t(`incidents.target.${i.target}`), name: i.name ?? '' })}
            </Button>
          ))}
        </Group>
      )}
      {addressed.length > 0 && (
        <Group align="flex-end" gap="xs" wrap="wrap" data-testid="ack-mine">
          <Textarea label={t('incidents.detail.myInstruction')} autosize value={instruction} onChange={(e) => setInstruction(e.currentTarget.value)} style={{ flex: 1, minWidth: 240 }} />
          <Button color="green" onClick={() => void run(() => call('escalation.acknowledgeMine', { escalationId: esc.id, instruction: instruction || null }))}>
            {t('incidents.detail.ackMine')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
