/**
 * 换班/替班: request (A ↔ B on dates, or B covers A; reason) → approval by an
 * admin or the leader → published as an amendment; withdraw; history.
 */
import { DateField } from '../../components/DateFields/DateFields';
import { Alert, Badge, Button, Group, NativeSelect, Paper, SegmentedControl, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RosterDetail, SwapKind } from '../../../shared/contract/roster';
import { useApiMutation, useApiQuery } from '../../api';
import { useHasRole } from '../../lib/desk-context';
import { ApiCallError } from '../../api';

export function SwapPanel({ detail }: { detail: RosterDetail }) {
  const { t } = useTranslation();
  const canDecide = useHasRole('admin', 'leader');
  const list = useApiQuery('swaps.list', { planId: detail.plan.id });
  const request = useApiMutation('swaps.request');
  const decide = useApiMutation('swaps.decide');
  const cancel = useApiMutation('swaps.cancel');
  const [kind, setKind] = useState<SwapKind>('swap');
  const [personA, setPersonA] = useState('');
  const [dateA, setDateA] = useState('');
  const [personB, setPersonB] = useState('');
  const [dateB, setDateB] = useState('');
  const [reason, setReason] = useState('');
  const names = new Map(detail.people.map((p) => [p.id, p.name]));
  const people = detail.people.filter((p) => p.active).map((p) => ({ value: String(p.id), label: p.name }));
  const err = request.error instanceof ApiCallError ? request.error.error.message : null;
  const states = t('roster.swap.states', { returnObjects: true }) as Record<string, string>;

  if (detail.plan.version === 0) return <Text c="dimmed">{t('roster.errors.notPublished')}</Text>;
  return (
    <Stack>
      <Paper withBorder p="md">
        <Title order={3} size="h5" mb="sm">
          {t('roster.swap.request')}
        </Title>
        <Stack gap="xs">
          <SegmentedControl
            value={kind}
            onChange={(v) => setKind(v as SwapKind)}
            data={[
              { value: 'swap', label: t('roster.swap.swap') },
              { value: 'cover', label: t('roster.swap.cover') },
            ]}
          />
          <Group grow>
            <NativeSelect label={t('roster.swap.personA')} value={personA} onChange={(e) => setPersonA(e.currentTarget.value)} data={[{ value: '', label: '—' }, ...people]} />
            <DateField label={t('roster.swap.dateA')} value={dateA} min={detail.plan.from} max={detail.plan.to} onChange={(v: string) => setDateA(v)} />
          </Group>
          <Group grow>
            <NativeSelect label={t('roster.swap.personB')} value={personB} onChange={(e) => setPersonB(e.currentTarget.value)} data={[{ value: '', label: '—' }, ...people]} />
            {kind === 'swap' && (
              <DateField label={t('roster.swap.dateB')} value={dateB} min={detail.plan.from} max={detail.plan.to} onChange={(v: string) => setDateB(v)} />
            )}
          </Group>
          <Textarea label={t('roster.swap.reason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} autosize minRows={1} />
          {err && <Alert color="red">{err}</Alert>}
          <Group>
            <Button
              disabled={!personA || !dateA || !personB || !reason.trim() || (kind === 'swap' && !dateB)}
              loading={request.isPending}
              onClick={() =>
                request.mutate(
                  { planId: detail.plan.id, kind, personA: Number(personA), dateA, personB: Number(personB), dateB: kind === 'swap' ? dateB : null, reason },
                  { onSuccess: () => setReason('') },
                )
              }
            >
              {t('roster.swap.request')}
            </Button>
          </Group>
        </Stack>
      </Paper>
      {list.data?.length === 0 && <Text c="dimmed">{t('roster.swap.none')}</Text>}
      {!!list.data?.length && (
        <Table withTableBorder data-testid="swap-list">
          <Table.Tbody>
            {list.data.map((s) => (
              <Table.Tr key={s.id}>
                <Table.Td>#{s.id}</Table.Td>
                <Table.Td>
                  {s.kind === 'swap'
                    ? `${names.get(s.personA)} ${s.dateA} ↔ ${names.get(s.personB)} ${s.dateB}`
                    : `${names.get(s.personB)} → ${names.get(s.personA)} ${s.dateA}`}
                  <Text size="xs" c="dimmed">
                    {s.reason}
                  </Text>
                  {s.warnings.length > 0 && (
                    <Text size="xs" c="red">
                      {t('roster.swap.warnings')}{t('common.colon')}{s.warnings.map((w) => t(`roster.conflicts.${w.kind}`, { date: w.date, name: w.personId ? names.get(w.personId) : '', detail: w.detail ?? '', role: '' })).join(t('common.listSep'))}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Badge variant="light" color={s.state === 'approved' ? 'green' : s.state === 'requested' ? 'blue' : 'gray'}>
                    {states[s.state]}
                  </Badge>
                  {s.version && (
                    <Text size="xs" c="dimmed">
                      {t('roster.swap.approvedAs', { version: s.version })}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  {s.state === 'requested' && (
                    <Group gap="xs">
                      {canDecide && (
                        <>
                          <Button size="xs" color="green" onClick={() => decide.mutate({ id: s.id, approve: true, note: null })}>
                            {t('roster.swap.approve')}
                          </Button>
                          <Button size="xs" color="dark" variant="light" onClick={() => decide.mutate({ id: s.id, approve: false, note: null })}>
                            {t('roster.swap.reject')}
                          </Button>
                        </>
                      )}
                      <Button size="xs" variant="subtle" onClick={() => cancel.mutate({ id: s.id, reason: t('roster.swap.cancel') })}>
                        {t('roster.swap.cancel')}
                      </Button>
                    </Group>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
