/**
 * 信访 — the register (filter by date, state, level, text; each petition with
 * its next statutory deadline, red once passed) and the statistics; the
 * desk's petition settings live in 设置 → 信访与登记簿. `?fromEntry=<log entry id>` opens the
 * registration form prefilled from a 来访/来电/来文 log entry.
 */
import { useState } from 'react';
import { Badge, Button, Group, Select, Stack, Table, Tabs, Text, TextInput, Title } from '@mantine/core';
import { DateField } from '../../components/DateFields/DateFields';
import { IconFileSpreadsheet } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { call, useApiQuery } from '../../api';
import type { Input } from '../../../shared/contract';
import { petitionLevels, type PetitionLevel } from '../../../shared/domain/petition';
import { useDesk, useHasRole } from '../../lib/desk-context';
import { notifyError } from '../../lib/errors';
import { formatDateTime, localDate } from '../../lib/format';
import { downloadFile } from '../roster/lib';
import { PetitionForm } from './PetitionForm';
import { PetitionStats } from './PetitionStats';

export function PetitionsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const isAdmin = useHasRole('admin');
  const tab = params.get('tab') ?? 'list';
  return (
    <Stack data-testid="petitions-page">
      <Group justify="space-between">
        <Title order={2}>{t('petitions.title')}</Title>
        {isAdmin && (
          <Button variant="subtle" size="xs" onClick={() => void navigate('/settings?tab=registers')}>
            {t('petitions.settingsLink')}
          </Button>
        )}
      </Group>
      <Tabs value={tab} onChange={(v) => setParams(v && v !== 'list' ? { tab: v } : {})} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="list">{t('petitions.listTab')}</Tabs.Tab>
          <Tabs.Tab value="stats">{t('petitions.statsTab')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="list" pt="sm">
          <PetitionRegister onOpen={(id) => void navigate(`/petitions/${id}`)} fromEntry={params.get('fromEntry')} />
        </Tabs.Panel>
        <Tabs.Panel value="stats" pt="sm">
          <PetitionStats />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

function PetitionRegister({ onOpen, fromEntry }: { onOpen: (id: number) => void; fromEntry: string | null }) {
  const { t } = useTranslation();
  const { tz, clockOffset } = useDesk();
  const today = localDate(Date.now() + clockOffset, tz);
  const [from, setFrom] = useState(`${today.slice(0, 7)}-01`);
  const [to, setTo] = useState(today);
  const [state, setState] = useState<'all' | 'open' | 'overdue'>('all');
  const [level, setLevel] = useState<PetitionLevel | null>(null);
  const [query, setQuery] = useState('');
  const [creating, setCreating] = useState(false);
  const entryId = fromEntry ? Number(fromEntry) : null;
  const entry = useApiQuery('log.get', { id: entryId ?? 0 }, { enabled: entryId !== null && entryId > 0 });
  const input: Input<'petitions.list'> = {
    ...(from ? { from } : {}),
    ...(to ? { to } : {}),
    state,
    ...(level ? { level } : {}),
    ...(query.trim() ? { query: query.trim() } : {}),
  };
  const list = useApiQuery('petitions.list', input);
  const showForm = creating || (entryId !== null && !!entry.data);
  return (
    <Stack>
      <Group align="flex-end" gap="xs" wrap="wrap">
        <DateField label={t('petitions.from')} value={from} onChange={setFrom} w={150} />
        <DateField label={t('petitions.to')} value={to} onChange={setTo} w={150} />
        <Select
          label={t('petitions.stateLabel')}
          data={[
            { value: 'all', label: t('petitions.filterAll') },
            { value: 'open', label: t('petitions.filterOpen') },
            { value: 'overdue', label: t('petitions.filterOverdue') },
          ]}
          value={state}
          onChange={(v) => setState((v as typeof state) ?? 'all')}
          allowDeselect={false}
          w={170}
        />
        <Select
          label={t('petitions.levelLabel')}
          data={petitionLevels.map((l) => ({ value: l, label: t(`petitions.level.${l}`) }))}
          value={level}
          onChange={(v) => setLevel(v as PetitionLevel | null)}
          clearable
          placeholder={t('petitions.filterAll')}
          w={120}
        />
        <TextInput label={t('petitions.search')} value={query} onChange={(e) => setQuery(e.currentTarget.value)} w={200} />
        <Group gap="xs" ml="auto">
          <Button
            variant="default"
            leftSection={<IconFileSpreadsheet size={16} />}
            disabled={!from || !to || from > to}
            onClick={() => void call('petitions.exportXlsx', { from, to }).then((f) => downloadFile(f, true), notifyError)}
          >
            {t('petitions.exportXlsx')}
          </Button>
          <Button onClick={() => setCreating(true)}>{t('petitions.new')}</Button>
        </Group>
      </Group>
      <Table striped highlightOnHover data-testid="petition-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('petitions.no')}</Table.Th>
            <Table.Th>{t('petitions.receivedAt')}</Table.Th>
            <Table.Th>{t('petitions.formLabel')}</Table.Th>
            <Table.Th>{t('petitions.levelLabel')}</Table.Th>
            <Table.Th>{t('petitions.persons')}</Table.Th>
            <Table.Th>{t('petitions.petitioners')}</Table.Th>
            <Table.Th>{t('petitions.summary')}</Table.Th>
            <Table.Th>{t('petitions.stateLabel')}</Table.Th>
            <Table.Th>{t('petitions.nextDeadline')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(list.data ?? []).map((p) => {
            const late = p.nextDeadline?.late ?? false;
            return (
              <Table.Tr key={p.id} style={{ cursor: 'pointer' }} onClick={() => onOpen(p.id)} data-testid="petition-row" data-late={late ? 'true' : 'false'}>
                <Table.Td>{p.no}</Table.Td>
                <Table.Td>{formatDateTime(p.receivedAt, tz)}</Table.Td>
                <Table.Td>{t(`petitions.form.${p.form}`)}</Table.Td>
                <Table.Td>{t(`petitions.level.${p.level}`)}</Table.Td>
                <Table.Td>
                  {p.persons}
                  {p.group && (
                    <Badge size="xs" color="dark" variant="light" ml={4}>
                      {t('petitions.groupVisit')}
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td className="dd-wrap">
                  {p.petitioners.map((x) => x.name).join(t('common.listComma'))}
                  {p.repeat && (
                    <Badge size="xs" color="grape" variant="light" ml={4}>
                      {t('petitions.repeatVisit')}
                    </Badge>
                  )}
                  {p.abnormal && (
                    <Badge size="xs" color="red" variant="outline" ml={4}>
                      {t('petitions.abnormal')}
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td className="dd-wrap">{p.summary}</Table.Td>
                <Table.Td>{t(`petitions.state.${p.state}`)}</Table.Td>
                <Table.Td>
                  {p.nextDeadline ? (
                    <Text size="sm" c={late ? 'var(--dd-overdue)' : undefined} fw={late ? 700 : undefined}>
                      {t(`petitions.deadline.${p.nextDeadline.kind}`)} {p.nextDeadline.dueDate}
                      {late ? ` · ${t('petitions.late')}` : ''}
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
      {list.data?.length === 0 && <Text c="dimmed">{t('petitions.noPetitions')}</Text>}
      {showForm && (
        <PetitionForm
          {...(entryId !== null && entry.data ? { fromEntry: entry.data } : {})}
          onClose={() => {
            setCreating(false);
            if (entryId !== null) window.location.hash = '#/petitions';
          }}
          onSaved={(p) => onOpen(p.id)}
        />
      )}
    </Stack>
  );
}
