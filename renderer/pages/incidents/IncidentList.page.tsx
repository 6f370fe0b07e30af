/**
 * 事件 — incident list with filters (status, category, level, learned date, text).
 */
import { DateField } from '../../components/DateFields/DateFields';
import { useState } from 'react';
import { Badge, Button, Group, MultiSelect, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { call, useApiQuery } from '../../api';
import { IconFileSpreadsheet } from '@tabler/icons-react';
import { notifyError } from '../../lib/errors';
import { downloadFile } from '../roster/lib';
import type { Input } from '../../../shared/contract';
import {
  incidentCategories,
  incidentLevels,
  incidentStatuses,
  levelColor,
  type IncidentCategory,
  type IncidentLevel,
  type IncidentStatus,
} from '../../../shared/domain/incident';
import { useDesk, useNow } from '../../lib/desk-context';
import { formatDateTime } from '../../lib/format';
import { IncidentForm } from './IncidentForm';

export function IncidentListPage() {
  const { t } = useTranslation();
  const { tz } = useDesk();
  const now = useNow(5_000);
  const navigate = useNavigate();
  const [status, setStatus] = useState<IncidentStatus[]>(['open', 'handling']);
  const [category, setCategory] = useState<IncidentCategory | null>(null);
  const [level, setLevel] = useState<IncidentLevel | null>(null);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [query, setQuery] = useState('');
  const [creating, setCreating] = useState(false);
  const input: Input<'incident.list'> = {
    ...(status.length ? { status } : {}),
    ...(category ? { category } : {}),
    ...(level ? { level } : {}),
    ...(from ? { from } : {}),
    ...(to ? { to } : {}),
    ...(query.trim() ? { query: query.trim() } : {}),
  };
  const list = useApiQuery('incident.list', input);
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{t('incidents.list.title')}</Title>
        <Group gap="xs">
          <Button
            variant="default"
            leftSection={<IconFileSpreadsheet size={16} />}
            onClick={() => void call('incident.exportXlsx', input).then((f) => downloadFile(f, true), notifyError)}
          >
            {t('incidents.list.export')}
          </Button>
          <Button onClick={() => setCreating(true)}>{t('incidents.list.new')}</Button>
        </Group>
      </Group>
      <Group align="flex-end" gap="xs" wrap="wrap">
        <MultiSelect
          label={t('incidents.detail.status')}
          data={incidentStatuses.map((s) => ({ value: s, label: t(`incidents.status.${s}`) }))}
          value={status}
          onChange={(s) => setStatus(s as IncidentStatus[])}
          placeholder={t('incidents.list.all')}
          w={260}
        />
        <Select
          label={t('incidents.form.category')}
          data={incidentCategories.map((c) => ({ value: c, label: t(`incidents.category.${c}`) }))}
          value={category}
          onChange={(c) => setCategory(c as IncidentCategory | null)}
          placeholder={t('incidents.list.all')}
          clearable
          w={160}
        />
        <Select
          label={t('incidents.form.level')}
          data={incidentLevels.map((l) => ({ value: String(l), label: t(`incidents.level.${l}`) }))}
          value={level ? String(level) : null}
          onChange={(l) => setLevel(l ? (Number(l) as IncidentLevel) : null)}
          placeholder={t('incidents.list.all')}
          clearable
          w={170}
        />
        <DateField label={t('incidents.list.from')} value={from} onChange={(v: string) => setFrom(v)} w={150} />
        <DateField label={t('incidents.list.to')} value={to} onChange={(v: string) => setTo(v)} w={150} />
        <TextInput
          label={t('common.search')}
          placeholder={t('incidents.list.query')}
          value={query}
          onChange={(e) => setQuery(e.currentTarget.value)}
          w={220}
        />
      </Group>
      <Table striped highlightOnHover data-testid="incident-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('incidents.list.no')}</Table.Th>
            <Table.Th>{t('incidents.form.title')}</Table.Th>
            <Table.Th>{t('incidents.form.level')}</Table.Th>
            <Table.Th>{t('incidents.form.category')}</Table.Th>
            <Table.Th>{t('incidents.form.learnedAt')}</Table.Th>
            <Table.Th>{t('incidents.detail.status')}</Table.Th>
            <Table.Th>{t('incidents.list.reports')}</Table.Th>
            <Table.Th>{t('incidents.list.nextDeadline')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(list.data ?? []).map((i) => {
            const overdue = i.nextDeadline ? Date.parse(i.nextDeadline.dueAt) < now : false;
            return (
              <Table.Tr key={i.id} style={{ cursor: 'pointer' }} onClick={() => void navigate(`/incidents/${i.id}`)}>
                <Table.Td>
                  <Link to={`/incidents/${i.id}`}>{i.no}</Link>
                </Table.Td>
                <Table.Td className="dd-wrap">{i.title}</Table.Td>
                <Table.Td>
                  <Badge color={levelColor[i.level]}>{t(`incidents.level.${i.level}`)}</Badge>
                  {i.levelOverridden && (
                    <Badge color="gray" variant="outline" ml={4}>
                      {t('incidents.detail.setLevel')}
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>
                  {t(`incidents.category.${i.category}`)} · {t(`incidents.subType.${i.subType}`)}
                </Table.Td>
                <Table.Td>{formatDateTime(i.learnedAt, tz)}</Table.Td>
                <Table.Td>{t(`incidents.status.${i.status}`)}</Table.Td>
                <Table.Td>
                  {i.reportCount}
                  {i.lateCount > 0 && (
                    <Badge color="red" ml={4}>
                      {t('incidents.list.late', { n: i.lateCount })}
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>
                  {i.nextDeadline ? (
                    <Text c={overdue ? 'red' : undefined} fw={overdue ? 700 : undefined} size="sm">
                      {t(`incidents.deadline.${i.nextDeadline.kind}`)} {formatDateTime(i.nextDeadline.dueAt, tz)}
                      {overdue ? ` · ${t('incidents.deadlineState.overdue')}` : ''}
                    </Text>
                  ) : (
                    '—'
                  )}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
      {list.data?.length === 0 && <Text c="dimmed">{t('incidents.list.empty')}</Text>}
      {creating && <IncidentForm onClose={() => setCreating(false)} onSaved={(id) => void navigate(`/incidents/${id}`)} />}
    </Stack>
  );
}
