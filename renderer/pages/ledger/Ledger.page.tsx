/**
 * 督办台账 — ledgers as views over supervised items: all, by source, by owner
 * unit, and the hazard-screening ledger (隐患排查台账) with its own columns;
 * filtered by state (在办 / 已超期 / 已销号). Overdue items are red. Each view
 * prints as an A4 台账 and exports to Excel. `?fromEntry=<id>` enters an item
 * from a log entry.
 */
import { PrintActions } from '../../components/Print/PrintButton';
import { useState } from 'react';
import { Badge, Button, Group, SegmentedControl, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { IconFileSpreadsheet } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { call, useApiQuery } from '../../api';
import type { LedgerFilter, LedgerItem } from '../../../shared/contract';
import { ledgerSources, type LedgerSource } from '../../../shared/domain/ledger';
import { notifyError } from '../../lib/errors';
import { downloadFile } from '../roster/lib';
import { LedgerForm } from './LedgerForm';

type View = 'all' | 'hazard' | 'bySource' | 'byOwner';
type State = NonNullable<LedgerFilter['state']>;

/** The filter as a query string (the print view reads it back). */
export const filterQuery = (f: LedgerFilter): string =>
  new URLSearchParams(Object.entries(f).filter(([, v]) => v !== undefined && v !== '') as [string, string][]).toString();

export const stateKey = (i: LedgerItem): 'open' | 'overdue' | 'closed' => (i.state === 'closed' ? 'closed' : i.overdue ? 'overdue' : 'open');

export function LedgerPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [view, setView] = useState<View>(params.get('view') === 'hazard' ? 'hazard' : 'all');
  const [source, setSource] = useState<LedgerSource | null>(null);
  const [owner, setOwner] = useState<string | null>(null);
  const [state, setState] = useState<State>('all');
  const [query, setQuery] = useState('');
  const [creating, setCreating] = useState<'item' | 'hazard' | null>(null);
  const entryId = params.get('fromEntry') ? Number(params.get('fromEntry')) : null;
  const entry = useApiQuery('log.get', { id: entryId ?? 0 }, { enabled: entryId !== null && entryId > 0 });
  const filter: LedgerFilter = {
    ...(view === 'hazard' ? { source: 'hazard' as const } : view === 'bySource' && source ? { source } : {}),
    ...(view === 'byOwner' && owner ? { ownerUnit: owner } : {}),
    state,
    ...(query.trim() ? { query: query.trim() } : {}),
  };
  const list = useApiQuery('ledger.list', filter);
  const all = useApiQuery('ledger.list', {});
  const owners = [...new Set((all.data ?? []).map((i) => i.ownerUnit))].sort();
  const hazard = view === 'hazard';
  const items = list.data ?? [];
  const counts = { total: items.length, open: items.filter((i) => stateKey(i) === 'open').length, overdue: items.filter((i) => i.overdue).length, closed: items.filter((i) => i.state === 'closed').length };
  return (
    <Stack data-testid="ledger-page">
      <Group justify="space-between">
        <Title order={2}>{t('ledger.title')}</Title>
        <Group gap="xs">
          <PrintActions route={`/print/ledger?${filterQuery(filter)}`} label={t('ledger.print')} testId="ledger-print" />
          <Button variant="default" leftSection={<IconFileSpreadsheet size={16} />} onClick={() => void call('ledger.exportXlsx', filter).then((f) => downloadFile(f, true), notifyError)}>
            {t('ledger.exportXlsx')}
          </Button>
          <Button variant="light" onClick={() => setCreating('hazard')}>
            {t('ledger.newHazard')}
          </Button>
          <Button onClick={() => setCreating('item')}>{t('ledger.new')}</Button>
        </Group>
      </Group>
      <Group align="flex-end" gap="xs" wrap="wrap">
        <SegmentedControl value={view} onChange={(v) => setView(v as View)} data={(['all', 'hazard', 'bySource', 'byOwner'] as const).map((v) => ({ value: v, label: t(`ledger.views.${v}`) }))} />
        {view === 'bySource' && (
          <Select aria-label={t('ledger.sourceLabel')} placeholder={t('ledger.allSources')} data={ledgerSources.map((s) => ({ value: s, label: t(`ledger.source.${s}`) }))} value={source} onChange={(s) => setSource(s as LedgerSource | null)} clearable w={160} />
        )}
        {view === 'byOwner' && <Select aria-label={t('ledger.ownerUnit')} placeholder={t('ledger.allOwners')} data={owners} value={owner} onChange={setOwner} clearable searchable w={200} />}
        <SegmentedControl value={state} onChange={(v) => setState(v as State)} data={(['all', 'open', 'overdue', 'closed'] as const).map((v) => ({ value: v, label: t(`ledger.filterState.${v}`) }))} />
        <TextInput aria-label={t('common.search')} placeholder={t('common.search')} value={query} onChange={(e) => setQuery(e.currentTarget.value)} w={180} />
      </Group>
      <Text size="sm" data-testid="ledger-counts">
        {t('ledger.counts', { ...counts, open: counts.open })}
      </Text>
      <Table striped highlightOnHover data-testid="ledger-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('ledger.no')}</Table.Th>
            <Table.Th>{t('ledger.enteredDate')}</Table.Th>
            <Table.Th>{hazard ? t('ledger.hazardPlace') : t('ledger.sourceLabel')}</Table.Th>
            <Table.Th>{hazard ? t('ledger.hazardTitle') : t('ledger.titleLabel')}</Table.Th>
            {hazard && <Table.Th>{t('ledger.hazardLevelLabel')}</Table.Th>}
            <Table.Th>{t('ledger.ownerUnit')}</Table.Th>
            <Table.Th>{hazard ? t('ledger.hazardDeadline') : t('ledger.deadline')}</Table.Th>
            {hazard && <Table.Th>{t('ledger.rectifyLabel')}</Table.Th>}
            <Table.Th>{t('ledger.stateLabel')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((i) => (
            <Table.Tr
              key={i.id}
              style={{ cursor: 'pointer' }}
              bg={i.overdue ? 'var(--mantine-color-red-light)' : undefined}
              onClick={() => void navigate(`/ledger/${i.id}`)}
              data-testid="ledger-row"
              data-overdue={i.overdue ? 'true' : 'false'}
            >
              <Table.Td>{i.no}</Table.Td>
              <Table.Td>{i.enteredDate}</Table.Td>
              <Table.Td>{hazard ? i.hazardPlace : `${t(`ledger.source.${i.source}`)}${i.sourceRef ? ` · ${i.sourceRef}` : ''}`}</Table.Td>
              <Table.Td className="dd-wrap">{i.title}</Table.Td>
              {hazard && <Table.Td>{i.hazardLevel ? t(`ledger.hazardLevel.${i.hazardLevel}`) : ''}</Table.Td>}
              <Table.Td>
                {i.ownerUnit}
                {i.ownerPerson ? ` · ${i.ownerPerson}` : ''}
              </Table.Td>
              <Table.Td c={i.overdue ? 'var(--dd-overdue)' : undefined} fw={i.overdue ? 700 : undefined}>
                {i.deadline}
                {i.extensions > 0 && ` (${t('ledger.extensions', { n: i.extensions })})`}
              </Table.Td>
              {hazard && <Table.Td>{i.rectifyState ? t(`ledger.rectify.${i.rectifyState}`) : ''}</Table.Td>}
              <Table.Td>
                <Badge color={i.overdue ? 'red.8' : i.state === 'closed' ? 'green' : 'blue'} variant={i.overdue ? 'filled' : 'light'}>
                  {t(`ledger.stateText.${stateKey(i)}`)}
                </Badge>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {items.length === 0 && <Text c="dimmed">{t('ledger.empty')}</Text>}
      {(creating || (entryId !== null && entry.data)) && (
        <LedgerForm
          hazard={creating === 'hazard'}
          {...(entryId !== null && entry.data && !creating ? { fromEntry: entry.data } : {})}
          onClose={() => {
            setCreating(null);
            if (entryId !== null) window.location.hash = '#/ledger';
          }}
          onSaved={(i) => void navigate(`/ledger/${i.id}`)}
        />
      )}
    </Stack>
  );
}
