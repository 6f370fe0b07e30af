/**
 * One incoming document or telegram: its register entry, 拟办意见 and 批示,
 * the circulation (传阅: who read it and when), and its result; the deadline
 * red once passed and not done; void with a reason.
 */
import { useState } from 'react';
import { Badge, Button, Group, Paper, SimpleGrid, Stack, Table, Text, TextInput, Textarea, Title } from '@mantine/core';
import { DateTimeField } from '../../components/DateFields/DateFields';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { call, useApiQuery } from '../../api';
import { useDesk } from '../../lib/desk-context';
import { errorText, errorTextWithField, notifySaved } from '../../lib/errors';
import { formatDateTime } from '../../lib/format';
import { fromLocalInput } from '../../lib/local-input';
import { VersionHistory } from '../../components/VersionHistory/VersionHistory';
import type { DocumentFields } from '../../../shared/contract';
import { DocumentEditDialog, type DocumentEditFocus } from './DocumentEdit';
import { urgencyColor } from './Documents.page';
import type { TFunction } from 'i18next';

export function DocumentDetailPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const { tz } = useDesk();
  const navigate = useNavigate();
  const q = useApiQuery('documents.get', { id: Number(id) });
  const history = useApiQuery('documents.history', { id: Number(id) });
  const [editing, setEditing] = useState<DocumentEditFocus | null>(null);
  const [reader, setReader] = useState('');
  const [readAt, setReadAt] = useState('');
  const [readNote, setReadNote] = useState('');
  const [result, setResult] = useState('');
  const [voidReason, setVoidReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  if (q.error) return <Text c="red">{errorText(t, q.error)}</Text>;
  const d = q.data;
  if (!d) return null;
  const open = !d.voided && d.state !== 'done';
  const run = (f: () => Promise<unknown>, after?: () => void) => {
    setError(null);
    void f().then(
      () => {
        notifySaved();
        after?.();
      },
      (e: unknown) => setError(errorTextWithField(t, e)),
    );
  };
  return (
    <Stack data-testid="document-detail">
      <Group justify="space-between">
        <Group gap="xs">
          <Title order={2}>{d.no}</Title>
          <Badge size="lg">{t(`documents.state.${d.state}`)}</Badge>
          <Badge variant="default">{t(`documents.kind.${d.kind}`)}</Badge>
          <Badge autoContrast color={urgencyColor[d.urgency]}>{t(`documents.urgency.${d.urgency}`)}</Badge>
          {d.overdue && <Badge color="red.8" variant="filled">{t('documents.overdueBadge')}</Badge>}
          {d.voided && <Badge color="gray">{t('documents.voided')}{t('common.colon')}{d.voidReason}</Badge>}
        </Group>
        <Group gap="xs">
          {!d.voided && (
            <Button variant="light" onClick={() => setEditing('all')}>
              {t('documents.editEntry')}
            </Button>
          )}
          <Button variant="default" onClick={() => void navigate('/documents')}>
            {t('documents.title')}
          </Button>
        </Group>
      </Group>
      <Paper withBorder p="sm">
        <Text fw={600} className="dd-wrap">
          {d.title}
        </Text>
        <SimpleGrid cols={4} spacing="xs" mt="xs">
          <Info label={t('documents.fromUnit')} value={d.fromUnit} />
          <Info label={t('documents.docNo')} value={d.docNo ?? '—'} />
          <Info label={t('documents.secrecyLabel')} value={t(`documents.secrecy.${d.secrecy}`)} />
          <Info label={t('documents.pages')} value={d.pages ? String(d.pages) : '—'} />
          <Info label={t('documents.receivedAt')} value={formatDateTime(d.receivedAt, tz)} />
          <Info label={t('documents.dueAt')} value={d.dueAt ? formatDateTime(d.dueAt, tz) : '—'} red={d.overdue} />
          <Info label={t('documents.doneAt')} value={d.doneAt ? `${formatDateTime(d.doneAt, tz)} ${d.doneBy ?? ''}` : '—'} />
        </SimpleGrid>
        <OpinionLine label={t('documents.proposal')} value={d.proposal} empty={t('documents.notFilled')} testId="document-proposal" action={!d.voided ? { label: d.proposal ? t('documents.edit') : t('documents.fillProposal'), onClick: () => setEditing('proposal') } : null} />
        <OpinionLine label={t('documents.instruction')} value={d.instruction} empty={t('documents.notFilled')} testId="document-instruction" action={!d.voided ? { label: d.instruction ? t('documents.edit') : t('documents.fillInstruction'), onClick: () => setEditing('instruction') } : null} />
        {d.result && <OpinionLine label={t('documents.result')} value={d.result} empty="" testId="document-result" action={null} />}
      </Paper>
      {error && (
        <Text c="red" role="alert">
          {error}
        </Text>
      )}
      <Paper withBorder p="sm">
        <Title order={5}>{t('documents.readers')}</Title>
        <Table>
          {d.reads.length > 0 && (
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('documents.reader')}</Table.Th>
                <Table.Th>{t('documents.readAt')}</Table.Th>
                <Table.Th>{t('documents.readNote')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
          )}
          <Table.Tbody>
            {d.reads.map((r) => (
              <Table.Tr key={r.id}>
                <Table.Td>{r.reader}</Table.Td>
                <Table.Td>{formatDateTime(r.readAt, tz)}</Table.Td>
                <Table.Td className="dd-wrap">{r.note ?? ''}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {!d.voided && (
          <Group align="flex-end" gap="xs" mt="xs">
            <TextInput size="xs" label={t('documents.reader')} value={reader} onChange={(e) => setReader(e.currentTarget.value)} />
            <DateTimeField size="xs" label={t('documents.readAt')} value={readAt} onChange={setReadAt} />
            <TextInput size="xs" label={t('documents.readNote')} value={readNote} onChange={(e) => setReadNote(e.currentTarget.value)} style={{ flex: 1 }} />
            <Button
              size="xs"
              disabled={!reader.trim()}
              onClick={() =>
                run(
                  () => call('documents.read', { id: d.id, reader, ...(readAt && fromLocalInput(readAt, tz) ? { readAt: fromLocalInput(readAt, tz)! } : {}), note: readNote || null }),
                  () => {
                    setReader('');
                    setReadNote('');
                  },
                )
              }
            >
              {t('documents.addRead')}
            </Button>
          </Group>
        )}
      </Paper>
      {open && (
        <Paper withBorder p="sm">
          <Group align="flex-end" gap="xs">
            <Textarea label={t('documents.result')} autosize value={result} onChange={(e) => setResult(e.currentTarget.value)} style={{ flex: 1 }} />
            <Button color="green" disabled={!result.trim()} onClick={() => run(() => call('documents.done', { id: d.id, result }))}>
              {t('documents.markDone')}
            </Button>
          </Group>
        </Paper>
      )}
      <Paper withBorder p="sm">
        <VersionHistory<DocumentFields> versions={history.data ?? []} label={(k) => documentLabel(t, k)} show={(k, v) => documentValue(t, tz, k, v)} testId="document-versions" />
      </Paper>
      {editing && <DocumentEditDialog d={d} focus={editing} onClose={() => setEditing(null)} />}
      {!d.voided && (
        <Group align="flex-end">
          <TextInput label={t('documents.voidReason')} value={voidReason} onChange={(e) => setVoidReason(e.currentTarget.value)} style={{ flex: 1 }} />
          <Button color="gray" variant="outline" disabled={!voidReason.trim()} onClick={() => run(() => call('documents.void', { id: d.id, reason: voidReason }))}>
            {t('documents.void')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}

const documentLabelKeys: Record<string, string> = { kind: 'kindLabel', title: 'titleLabel', secrecy: 'secrecyLabel', urgency: 'urgencyLabel' };
const documentLabel = (t: TFunction, k: string): string => t(`documents.${documentLabelKeys[k] ?? k}`);

function documentValue(t: TFunction, tz: string, k: string, v: unknown): string {
  if (v === null || v === undefined) return '';
  if (k === 'receivedAt' || k === 'dueAt') return formatDateTime(String(v), tz);
  if (k === 'kind' || k === 'secrecy' || k === 'urgency') return t(`documents.${k}.${String(v)}`);
  return String(v);
}

/** 拟办意见 or 批示: what was written, or that nothing was yet, with the button to write it. */
function OpinionLine({ label, value, empty, color, action, testId }: { label: string; value: string | null; empty: string; color?: string; action: { label: string; onClick: () => void } | null; testId: string }) {
  return (
    <Group gap="xs" mt="xs" align="flex-start" wrap="nowrap">
      <Text size="sm" fw={600} w={110} style={{ flexShrink: 0 }}>
        {label}
      </Text>
      <Text size="sm" className="dd-wrap" c={value ? color : 'dimmed'} style={{ flex: 1 }} data-testid={testId}>
        {value ?? empty}
      </Text>
      {action && (
        <Button size="compact-xs" variant="light" onClick={action.onClick}>
          {action.label}
        </Button>
      )}
    </Group>
  );
}

function Info({ label, value, red }: { label: string; value: string; red?: boolean }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" c={red ? 'var(--dd-overdue)' : undefined} fw={red ? 700 : undefined}>
        {value}
      </Text>
    </Stack>
  );
}
