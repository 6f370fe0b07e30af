/**
 * 来文登记 — the register of incoming documents and telegrams for a date
 * range: 收文号, 来文单位, 文号, 标题, 密级, 紧急程度, 办理时限 (red once
 * passed and not done), state; print the register (A4) or export it.
 * `?fromEntry=<id>` registers a 来文 log entry.
 */
import { PrintActions } from '../../components/Print/PrintButton';
import { useState } from 'react';
import { Badge, Button, Group, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { DateField } from '../../components/DateFields/DateFields';
import { IconFileSpreadsheet } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Urgency } from '../../../shared/domain/document';
import { useNavigate, useSearchParams } from 'react-router';
import { call, useApiQuery } from '../../api';
import { documentKinds, type DocumentKind } from '../../../shared/domain/document';
import { useDesk } from '../../lib/desk-context';
import { notifyError } from '../../lib/errors';
import { formatDateTime, localDate } from '../../lib/format';
import { downloadFile } from '../roster/lib';
import { DocumentForm } from './DocumentForm';

/** 紧急程度: 特急 red, 加急 orange, 平急 grey — always with the word; dark or light text as the colour needs. */
export const urgencyColor: Record<Urgency, string> = { extraUrgent: 'red.9', urgent: 'orange.5', normal: 'gray.6' };

export function DocumentsPage() {
  const { t } = useTranslation();
  const { tz, clockOffset } = useDesk();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const today = localDate(Date.now() + clockOffset, tz);
  const [from, setFrom] = useState(`${today.slice(0, 7)}-01`);
  const [to, setTo] = useState(today);
  const [kind, setKind] = useState<DocumentKind | null>(null);
  const [query, setQuery] = useState('');
  const [creating, setCreating] = useState(false);
  const entryId = params.get('fromEntry') ? Number(params.get('fromEntry')) : null;
  const entry = useApiQuery('log.get', { id: entryId ?? 0 }, { enabled: entryId !== null && entryId > 0 });
  const range = { from, to, ...(kind ? { kind } : {}), ...(query.trim() ? { query: query.trim() } : {}) };
  const valid = !!from && !!to && from <= to;
  const list = useApiQuery('documents.list', range, { enabled: valid });
  const qs = new URLSearchParams(Object.entries(range) as [string, string][]).toString();
  return (
    <Stack data-testid="documents-page">
      <Group justify="space-between">
        <Title order={2}>{t('documents.title')}</Title>
        <Group gap="xs">
          {valid && <PrintActions route={`/print/documents?${qs}`} label={t('documents.print')} testId="documents-print" />}
          <Button variant="default" leftSection={<IconFileSpreadsheet size={16} />} disabled={!valid} onClick={() => void call('documents.exportXlsx', range).then((f) => downloadFile(f, true), notifyError)}>
            {t('documents.exportXlsx')}
          </Button>
          <Button onClick={() => setCreating(true)}>{t('documents.new')}</Button>
        </Group>
      </Group>
      <Group align="flex-end" gap="xs">
        <DateField label={t('documents.from')} value={from} onChange={setFrom} w={150} />
        <DateField label={t('documents.to')} value={to} onChange={setTo} w={150} />
        <Select label={t('documents.kindLabel')} data={documentKinds.map((k) => ({ value: k, label: t(`documents.kind.${k}`) }))} value={kind} onChange={(k) => setKind(k as DocumentKind | null)} clearable placeholder={t('documents.allKinds')} w={140} />
        <TextInput label={t('documents.search')} value={query} onChange={(e) => setQuery(e.currentTarget.value)} w={200} />
      </Group>
      <Table striped highlightOnHover data-testid="documents-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('documents.no')}</Table.Th>
            <Table.Th>{t('documents.receivedAt')}</Table.Th>
            <Table.Th>{t('documents.kindLabel')}</Table.Th>
            <Table.Th>{t('documents.fromUnit')}</Table.Th>
            <Table.Th>{t('documents.docNo')}</Table.Th>
            <Table.Th>{t('documents.titleLabel')}</Table.Th>
            <Table.Th>{t('documents.secrecyLabel')}</Table.Th>
            <Table.Th>{t('documents.urgencyLabel')}</Table.Th>
            <Table.Th>{t('documents.dueAt')}</Table.Th>
            <Table.Th>{t('documents.stateLabel')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(list.data ?? []).map((d) => (
            <Table.Tr key={d.id} style={{ cursor: 'pointer' }} onClick={() => void navigate(`/documents/${d.id}`)} data-testid="document-row" bg={d.overdue ? 'var(--mantine-color-red-light)' : undefined}>
              <Table.Td>{d.no}</Table.Td>
              <Table.Td>{formatDateTime(d.receivedAt, tz)}</Table.Td>
              <Table.Td>{t(`documents.kind.${d.kind}`)}</Table.Td>
              <Table.Td>{d.fromUnit}</Table.Td>
              <Table.Td>{d.docNo ?? ''}</Table.Td>
              <Table.Td className="dd-wrap">{d.title}</Table.Td>
              <Table.Td>{t(`documents.secrecy.${d.secrecy}`)}</Table.Td>
              <Table.Td>
                <Badge autoContrast color={urgencyColor[d.urgency]}>
                  {t(`documents.urgency.${d.urgency}`)}
                </Badge>
              </Table.Td>
              <Table.Td c={d.overdue ? 'var(--dd-overdue)' : undefined} fw={d.overdue ? 700 : undefined}>
                {d.dueAt ? formatDateTime(d.dueAt, tz) : '—'}
                {d.overdue ? ` · ${t('documents.overdueBadge')}` : ''}
              </Table.Td>
              <Table.Td>{t(`documents.state.${d.state}`)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {list.data?.length === 0 && <Text c="dimmed">{t('documents.empty')}</Text>}
      {(creating || (entryId !== null && entry.data)) && (
        <DocumentForm
          {...(entryId !== null && entry.data && !creating ? { fromEntry: entry.data } : {})}
          onClose={() => {
            setCreating(false);
            if (entryId !== null) window.location.hash = '#/documents';
          }}
          onSaved={(d) => void navigate(`/documents/${d.id}`)}
        />
      )}
    </Stack>
  );
}
