/**
 * Panels beside the grid: conflicts, fairness report, versions with change
 * lists, and leave (unavailability).
 */
import { DateField } from '../../components/DateFields/DateFields';
import { PrintActions } from '../../components/Print/PrintButton';
import { Button, Group, List, NativeSelect, Stack, Table, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RosterDetail } from '../../../shared/contract/roster';
import { dayTypes } from '../../../shared/domain/calendar';
import type { DutyRole } from '../../../shared/roles';
import { useApiMutation, useApiQuery } from '../../api';
import { formatDateTime } from '../../lib/format';
import { useDesk } from '../../lib/desk-context';
import { monthDay } from './lib';

export function ConflictList({ detail }: { detail: RosterDetail }) {
  const { t } = useTranslation();
  const names = new Map(detail.people.map((p) => [p.id, p.name]));
  const roles = t('roster.roles', { returnObjects: true }) as Record<DutyRole, string>;
  if (!detail.conflicts.length) return <Text c="green">{t('roster.conflicts.none')}</Text>;
  return (
    <List size="sm" spacing={2} data-testid="conflicts">
      {detail.conflicts.slice(0, 200).map((c, i) => (
        <List.Item key={i}>
          {t(`roster.conflicts.${c.kind}`, {
            date: monthDay(c.date),
            name: c.personId ? names.get(c.personId) ?? '' : '',
            role: c.slot ? roles[c.slot.role] : c.detail && c.kind === 'ineligible' ? roles[c.detail as DutyRole] : '',
            detail: c.kind === 'rest' && c.detail ? monthDay(c.detail) : c.detail ?? '',
          })}
        </List.Item>
      ))}
    </List>
  );
}

export function FairnessTable({ detail }: { detail: RosterDetail }) {
  const { t } = useTranslation();
  const q = useApiQuery('roster.fairness', { planId: detail.plan.id });
  const names = new Map(detail.people.map((p) => [p.id, p.name]));
  const roles = t('roster.roles', { returnObjects: true }) as Record<DutyRole, string>;
  const types = t('roster.dayTypes', { returnObjects: true }) as Record<string, string>;
  const rows = (q.data ?? []).filter((r) => r.role !== 'standby' || dayTypes.some((d) => r.period[d] + r.history[d] > 0));
  return (
    <Table.ScrollContainer minWidth={500}>
      <Table withTableBorder striped data-testid="fairness">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('roster.person')}</Table.Th>
            <Table.Th>{t('roster.swap.kind')}</Table.Th>
            {dayTypes.map((d) => (
              <Table.Th key={d}>{types[d]}</Table.Th>
            ))}
            <Table.Th>{t('roster.load')}</Table.Th>
            <Table.Th>{t('roster.balance')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={`${r.personId}-${r.role}`}>
              <Table.Td>{names.get(r.personId)}</Table.Td>
              <Table.Td>{roles[r.role]}</Table.Td>
              {dayTypes.map((d) => (
                <Table.Td key={d} title={`${t('roster.thisPeriod')} ${r.period[d]} / ${t('roster.history')} ${r.history[d]}`}>
                  {r.period[d]}
                  <Text span size="xs" c="dimmed">
                    {' '}
                    ({r.history[d]})
                  </Text>
                </Table.Td>
              ))}
              <Table.Td>{r.load}</Table.Td>
              <Table.Td c={Math.abs(r.balance) > 2 ? 'red' : undefined}>{r.balance > 0 ? `+${r.balance}` : r.balance}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

export function VersionList({ detail }: { detail: RosterDetail }) {
  const { t } = useTranslation();
  const { tz } = useDesk();
  const q = useApiQuery('roster.versions', { planId: detail.plan.id });
  const names = new Map(detail.people.map((p) => [p.id, p.name]));
  const roles = t('roster.roles', { returnObjects: true }) as Record<DutyRole, string>;
  if (!q.data?.length) return <Text c="dimmed">{t('roster.draft')}</Text>;
  return (
    <Stack gap="sm" data-testid="versions">
      {q.data.map((v) => (
        <div key={v.version}>
          <Group gap="xs">
            <Text fw={700}>{t('roster.version', { version: v.version })}</Text>
            <Text size="sm" c="dimmed">
              {formatDateTime(v.publishedAt, tz)} · {v.publishedBy}
            </Text>
            <PrintActions route={`/print/roster/${detail.plan.id}?version=${v.version}`} label={t('roster.print')} variant="subtle" testId={`roster-print-version-${v.version}`} />
          </Group>
          {v.reason && <Text size="sm">{v.reason}</Text>}
          {v.version > 1 && (
            <List size="sm">
              {v.changes.slice(0, 50).map((c, i) => (
                <List.Item key={i}>
                  {monthDay(c.date)} {roles[c.role]}{t('common.colon')}{c.from ? names.get(c.from) : '—'} → {c.to ? names.get(c.to) : '—'}
                </List.Item>
              ))}
            </List>
          )}
        </div>
      ))}
    </Stack>
  );
}

export function LeavePanel({ detail, editable }: { detail: RosterDetail; editable: boolean }) {
  const { t } = useTranslation();
  const add = useApiMutation('roster.addLeave');
  const voidLeave = useApiMutation('roster.voidLeave');
  const [personId, setPersonId] = useState('');
  const [from, setFrom] = useState(detail.plan.from);
  const [to, setTo] = useState(detail.plan.from);
  const [reason, setReason] = useState('');
  return (
    <Stack>
      {editable && (
        <Group align="flex-end">
          <NativeSelect
            label={t('roster.person')}
            value={personId}
            onChange={(e) => setPersonId(e.currentTarget.value)}
            data={[{ value: '', label: '—' }, ...detail.people.filter((p) => p.active).map((p) => ({ value: String(p.id), label: p.name }))]}
          />
          <DateField label={t('roster.from')} value={from} onChange={(v: string) => setFrom(v)} />
          <DateField label={t('roster.to')} value={to} onChange={(v: string) => setTo(v)} />
          <TextInput label={t('roster.leaveReason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} />
          <Button disabled={!personId || !reason.trim()} onClick={() => add.mutate({ personId: Number(personId), from, to, reason }, { onSuccess: () => setReason('') })}>
            {t('roster.addLeave')}
          </Button>
        </Group>
      )}
      <Table withTableBorder>
        <Table.Tbody>
          {detail.leave.map((l) => (
            <Table.Tr key={l.id}>
              <Table.Td>{l.personName}</Table.Td>
              <Table.Td>
                {l.from} — {l.to}
              </Table.Td>
              <Table.Td>{l.reason}</Table.Td>
              <Table.Td>
                {editable && (
                  <Button size="compact-xs" variant="subtle" color="red" onClick={() => voidLeave.mutate({ id: l.id, reason: t('common.deactivate') })}>
                    {t('common.deactivate')}
                  </Button>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
