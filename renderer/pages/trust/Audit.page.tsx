/**
 * 审计日志 — `/audit`, for admins and leaders (inspectors sign in as one):
 * verify the chain, checkpoints, and the entries by date range with CSV
 * export and a printable view.
 */
import { DateField } from '../../components/DateFields/DateFields';
import { PrintActions } from '../../components/Print/PrintButton';
import { Alert, Button, Card, Group, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { IconFileSpreadsheet } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call, useApiQuery, type ApiCallError } from '../../api';
import { useDesk, useHasRole, useNow } from '../../lib/desk-context';
import { formatDateTime } from '../../lib/format';
import { notifyError } from '../../lib/errors';
import type { AuditEvent } from '../../../shared/audit';
import { shortHash } from '../../../shared/domain/audit-verify';
import { CheckpointPanel } from './CheckpointPanel';
import { VerifyPanel } from './VerifyPanel';
import { defaultRange, downloadText } from './lib';

const isDate = (s: string) => /^\d{4}-\d{2}-\d{2}$/u.test(s);

export function AuditPage() {
  const { t } = useTranslation();
  const allowed = useHasRole('admin', 'leader');
  if (!allowed) {
    return (
      <Alert color="yellow" m="md">
        {t('errors.FORBIDDEN')}
      </Alert>
    );
  }
  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        {t('trust.audit.title')}
      </Title>
      <Card withBorder>
        <Title order={2} size="h4" mb="xs">
          {t('trust.audit.verifyTitle')}
        </Title>
        <VerifyPanel />
      </Card>
      <Card withBorder>
        <Title order={2} size="h4" mb="xs">
          {t('trust.checkpoint.title')}
        </Title>
        <CheckpointPanel />
      </Card>
      <Card withBorder>
        <Title order={2} size="h4" mb="xs">
          {t('trust.audit.list')}
        </Title>
        <AuditList />
      </Card>
    </Stack>
  );
}

function AuditList() {
  const { t } = useTranslation();
  const { tz } = useDesk();
  const now = useNow(60_000);
  const [range, setRange] = useState(() => defaultRange(now, tz));
  const [entity, setEntity] = useState('');
  const [actor, setActor] = useState('');
  const [more, setMore] = useState<AuditEvent[]>([]);
  const valid = isDate(range.from) && isDate(range.to) && range.from <= range.to;
  const filter = { from: range.from, to: range.to, limit: 100, ...(entity.trim() ? { entity: entity.trim() } : {}), ...(actor.trim() ? { actor: actor.trim() } : {}) };
  const q = useApiQuery('audit.list', filter, { enabled: valid });
  useEffect(() => setMore([]), [range.from, range.to, entity, actor]);
  const rows = [...(q.data?.rows ?? []), ...more];

  const loadMore = async () => {
    const last = rows.at(-1);
    if (!last) return;
    try {
      const page = await call('audit.list', { ...filter, beforeSeq: last.seq });
      setMore((m) => [...m, ...page.rows]);
    } catch (e) {
      notifyError(e as ApiCallError);
    }
  };
  const exportCsv = async () => {
    try {
      const csv = await call('audit.exportCsv', { from: range.from, to: range.to });
      downloadText(csv.fileName, csv.content, 'text/csv;charset=utf-8');
    } catch (e) {
      notifyError(e as ApiCallError);
    }
  };

  return (
    <Stack gap="sm">
      <Group align="flex-end" wrap="wrap">
        <DateField label={t('trust.audit.from')} value={range.from} onChange={(v: string) => setRange((r) => ({ ...r, from: v }))} data-testid="audit-from" />
        <DateField label={t('trust.audit.to')} value={range.to} onChange={(v: string) => setRange((r) => ({ ...r, to: v }))} data-testid="audit-to" />
        <TextInput label={t('trust.audit.entity')} placeholder={t('trust.audit.all')} value={entity} onChange={(e) => setEntity(e.currentTarget.value)} maxLength={40} w={140} />
        <TextInput label={t('trust.audit.actor')} placeholder={t('trust.audit.all')} value={actor} onChange={(e) => setActor(e.currentTarget.value)} maxLength={64} w={140} />
        <Button variant="default" leftSection={<IconFileSpreadsheet size={16} />} onClick={() => void exportCsv()} disabled={!valid} data-testid="audit-export-csv">
          {t('trust.audit.exportCsv')}
        </Button>
        {valid && <PrintActions route={`/print/audit?from=${range.from}&to=${range.to}`} label={t('trust.audit.printPdf')} testId="audit-print" />}
      </Group>
      {q.isError && <Alert color="red">{q.error.error.message}</Alert>}
      {q.data && (
        <Text size="sm" c="dimmed" data-testid="audit-total">
          {t('trust.audit.total', { total: q.data.total })}
        </Text>
      )}
      {q.data && q.data.total === 0 ? (
        <Text>{t('trust.audit.noRows')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={720}>
          <Table striped highlightOnHover withTableBorder data-testid="audit-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('trust.audit.columns.seq')}</Table.Th>
                <Table.Th>{t('trust.audit.columns.at')}</Table.Th>
                <Table.Th>{t('trust.audit.columns.actor')}</Table.Th>
                <Table.Th>{t('trust.audit.columns.action')}</Table.Th>
                <Table.Th>{t('trust.audit.columns.entity')}</Table.Th>
                <Table.Th>{t('trust.audit.columns.reason')}</Table.Th>
                <Table.Th>{t('trust.audit.columns.hash')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((r) => (
                <Table.Tr key={r.seq}>
                  <Table.Td>{r.seq}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(r.at, tz)}</Table.Td>
                  <Table.Td>{r.actor}</Table.Td>
                  <Table.Td>{r.action}</Table.Td>
                  <Table.Td>
                    {r.entity}
                    {r.entityId ? ` #${r.entityId.slice(0, 12)}` : ''}
                  </Table.Td>
                  <Table.Td style={{ maxWidth: 280, overflowWrap: 'anywhere' }}>{r.reason}</Table.Td>
                  <Table.Td ff="monospace" title={r.hash}>
                    {shortHash(r.hash)}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {q.data && rows.length < q.data.total && (
        <Button variant="subtle" onClick={() => void loadMore()} w="fit-content">
          {t('trust.audit.more')}
        </Button>
      )}
    </Stack>
  );
}
