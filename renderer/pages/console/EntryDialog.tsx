/**
 * One log entry: the duty phone record (DOMAIN §6) with its follow-up fields,
 * edited as a new version with a reason; its history; void with reason;
 * raise an incident, a petition, an incoming document or a supervised item from it.
 */
import { DateTimeField, eventProps } from '../../components/DateFields/DateFields';
import { lazy, Suspense, useEffect, useState } from 'react';
import { Badge, Button, Group, Modal, Select, SimpleGrid, Stack, Table, Tabs, Text, TextInput, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { call, useApiQuery } from '../../api';
import type { LogEntry } from '../../../shared/contract';
import { logKinds, type LogKind } from '../../../shared/domain/log';
import { useDesk } from '../../lib/desk-context';
import { formatDateTime } from '../../lib/format';
import { errorText, notifyError, notifySaved } from '../../lib/errors';
import { fromLocalInput, toLocalInput } from '../../lib/local-input';
const IncidentForm = lazy(() => import('../incidents/IncidentForm').then((m) => ({ default: m.IncidentForm })));

type Editable = Pick<
  LogEntry,
  | 'kind'
  | 'sourceUnit'
  | 'sourcePerson'
  | 'sourcePhone'
  | 'summary'
  | 'detail'
  | 'reportedTo'
  | 'proposal'
  | 'instruction'
  | 'outcome'
  | 'handler'
> & { occurredAt: string; handledAt: string };

const toForm = (e: LogEntry, tz: string): Editable => ({
  kind: e.kind,
  occurredAt: toLocalInput(e.occurredAt, tz),
  sourceUnit: e.sourceUnit ?? '',
  sourcePerson: e.sourcePerson ?? '',
  sourcePhone: e.sourcePhone ?? '',
  summary: e.summary,
  detail: e.detail ?? '',
  reportedTo: e.reportedTo ?? '',
  proposal: e.proposal ?? '',
  instruction: e.instruction ?? '',
  outcome: e.outcome ?? '',
  handler: e.handler ?? '',
  handledAt: e.handledAt ? toLocalInput(e.handledAt, tz) : '',
});

const petitionKinds: readonly LogKind[] = ['visit', 'incoming_call', 'incoming_doc'];

/** Raise a register record from this entry (来访/来电/来文 → 信访; 来文 → 来文登记; any → 督办事项), or open the one raised. */
function RegisterButtons({ entry, go }: { entry: LogEntry; go: (to: string) => void }) {
  const { t } = useTranslation();
  const petitions = useApiQuery('petitions.list', { fromLogEntryId: entry.id, state: 'all' }, { enabled: petitionKinds.includes(entry.kind) });
  const documents = useApiQuery('documents.list', { fromLogEntryId: entry.id }, { enabled: entry.kind === 'incoming_doc' });
  const ledger = useApiQuery('ledger.list', { fromLogEntryId: entry.id });
  const p = petitions.data?.[0];
  const d = documents.data?.[0];
  const l = ledger.data?.[0];
  return (
    <>
      {petitionKinds.includes(entry.kind) &&
        (p ? (
          <Button variant="light" onClick={() => go(`/petitions/${p.id}`)}>
            {t('registers.linkedPetition', { no: p.no })}
          </Button>
        ) : (
          <Button variant="outline" onClick={() => go(`/petitions?fromEntry=${entry.id}`)}>
            {t('registers.raisePetition')}
          </Button>
        ))}
      {entry.kind === 'incoming_doc' &&
        (d ? (
          <Button variant="light" onClick={() => go(`/documents/${d.id}`)}>
            {t('registers.linkedDocument', { no: d.no })}
          </Button>
        ) : (
          <Button variant="outline" onClick={() => go(`/documents?fromEntry=${entry.id}`)}>
            {t('registers.raiseDocument')}
          </Button>
        ))}
      {l ? (
        <Button variant="light" onClick={() => go(`/ledger/${l.id}`)}>
          {t('registers.linkedLedger', { no: l.no })}
        </Button>
      ) : (
        <Button variant="outline" onClick={() => go(`/ledger?fromEntry=${entry.id}`)}>
          {t('registers.raiseLedger')}
        </Button>
      )}
    </>
  );
}

export function EntryDialog({ id, onClose }: { id: number; onClose: () => void }) {
  const { t } = useTranslation();
  const { tz } = useDesk();
  const navigate = useNavigate();
  const q = useApiQuery('log.get', { id });
  const history = useApiQuery('log.history', { id });
  const [form, setForm] = useState<Editable | null>(null);
  const [reason, setReason] = useState('');
  const [voidReason, setVoidReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [raise, setRaise] = useState(false);
  const e = q.data;

  useEffect(() => {
    if (e) setForm(toForm(e, tz));
  }, [e, tz]);

  if (!e || !form) return null;
  const text = (k: keyof Editable) => ({
    value: form[k] ?? '',
    onChange: (ev: { currentTarget: { value: string } }) => {
      const value = ev.currentTarget.value;
      setForm((f) => (f ? { ...f, [k]: value } : f));
    },
    readOnly: e.voided,
  });

  const save = async () => {
    setError(null);
    const occurredAt = fromLocalInput(form.occurredAt, tz);
    const handledAt = form.handledAt ? fromLocalInput(form.handledAt, tz) : null;
    try {
      await call('log.update', {
        id,
        expectedVersion: e.version,
        reason,
        kind: form.kind,
        ...(occurredAt ? { occurredAt } : {}),
        sourceUnit: form.sourceUnit || null,
        sourcePerson: form.sourcePerson || null,
        sourcePhone: form.sourcePhone || null,
        summary: form.summary,
        detail: form.detail || null,
        reportedTo: form.reportedTo || null,
        proposal: form.proposal || null,
        instruction: form.instruction || null,
        outcome: form.outcome || null,
        handler: form.handler || null,
        handledAt,
      });
      setReason('');
    } catch (err) {
      setError(errorText(t, err));
    }
  };

  const doVoid = async () => {
    setError(null);
    try {
      await call('log.void', { id, reason: voidReason });
      onClose();
    } catch (err) {
      setError(errorText(t, err));
    }
  };

  if (raise) {
    return (
      <Suspense fallback={null}>
        <IncidentForm
          fromEntry={e}
          onClose={() => setRaise(false)}
          onSaved={(incidentId) => {
            onClose();
            void navigate(`/incidents/${incidentId}`);
          }}
        />
      </Suspense>
    );
  }

  return (
    <Modal opened onClose={onClose} size="xl" title={`${t(`log.kind.${e.kind}`)} · ${formatDateTime(e.occurredAt, tz)}`}>
      <Tabs defaultValue="record">
        <Tabs.List>
          <Tabs.Tab value="record">{t('log.title')}</Tabs.Tab>
          <Tabs.Tab value="history">
            {t('log.history')} ({history.data?.length ?? 1})
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="record" pt="sm">
          <Stack gap="xs">
            {e.voided && (
              <Text c="red">
                {t('log.voided')}{t('common.colon')}{e.voidReason}{t('common.parenOpen')}{e.voidedBy} {e.voidedAt ? formatDateTime(e.voidedAt, tz) : ''}{t('common.parenClose')}
              </Text>
            )}
            <SimpleGrid cols={2} spacing="xs">
              <Select
                label={t('log.kindLabel')}
                data={logKinds.map((k) => ({ value: k, label: t(`log.kind.${k}`) }))}
                value={form.kind}
                onChange={(k) => k && setForm({ ...form, kind: k as LogKind })}
                readOnly={e.voided}
                allowDeselect={false}
              />
              <DateTimeField label={t('log.time')} {...eventProps(text('occurredAt'))} />
              <TextInput label={t('log.sourceUnit')} {...text('sourceUnit')} />
              <TextInput label={t('log.sourcePerson')} {...text('sourcePerson')} />
              <TextInput label={t('log.sourcePhone')} {...text('sourcePhone')} />
              <Text size="sm" c="dimmed" mt="lg">
                {t('log.recordedBy')}{t('common.colon')}{e.recordedBy} · {t('log.recordedAt')}{t('common.colon')}{formatDateTime(e.recordedAt, tz)}
              </Text>
            </SimpleGrid>
            <Textarea label={t('log.summary')} autosize minRows={2} {...text('summary')} />
            <Textarea label={t('log.detail')} autosize minRows={2} {...text('detail')} />
            <Text fw={600} mt="xs">
              {t('log.followUpFields')}
            </Text>
            <Textarea label={t('log.reportedTo')} autosize {...text('reportedTo')} />
            <SimpleGrid cols={2} spacing="xs">
              <Textarea label={t('log.proposal')} autosize {...text('proposal')} />
              <Textarea label={t('log.instruction')} autosize {...text('instruction')} />
              <Textarea label={t('log.outcome')} autosize {...text('outcome')} />
              <Stack gap="xs">
                <TextInput label={t('log.handler')} {...text('handler')} />
                <DateTimeField label={t('log.handledAt')} {...eventProps(text('handledAt'))} />
              </Stack>
            </SimpleGrid>
            {error && (
              <Text c="red" role="alert">
                {error}
              </Text>
            )}
            {!e.voided && (
              <Group align="flex-end">
                <TextInput
                  label={t('log.editReason')}
                  value={reason}
                  onChange={(ev) => setReason(ev.currentTarget.value)}
                  style={{ flex: 1 }}
                />
                <Button onClick={() => void save()} disabled={!reason.trim()}>
                  {t('common.save')}
                </Button>
              </Group>
            )}
            {!e.voided && (
              <Group align="flex-end">
                <TextInput
                  label={t('log.voidReason')}
                  value={voidReason}
                  onChange={(ev) => setVoidReason(ev.currentTarget.value)}
                  style={{ flex: 1 }}
                />
                <Button color="gray" variant="outline" onClick={() => void doVoid()} disabled={!voidReason.trim()}>
                  {t('log.void')}
                </Button>
                <RegisterButtons entry={e} go={(to) => {
                  onClose();
                  void navigate(to);
                }} />
                {e.incidentId === null ? (
                  <Button color="red" onClick={() => setRaise(true)}>
                    {t('log.raiseIncident')}
                  </Button>
                ) : (
                  <Button
                    variant="light"
                    color="red"
                    onClick={() => {
                      onClose();
                      void navigate(`/incidents/${e.incidentId}`);
                    }}
                  >
                    {t('incidents.list.title')}
                  </Button>
                )}
              </Group>
            )}
            {!e.voided && (
              <Group gap="xs">
                <Button
                  variant="light"
                  color="orange"
                  data-testid="mark-unfinished"
                  onClick={() => void call('todo.add', { kind: 'todo', text: e.summary, logEntryId: e.id }).then(() => { notifySaved(t('handover.markedUnfinished')); onClose(); }, notifyError)}
                >
                  {t('handover.markUnfinished')}
                </Button>
                {e.kind === 'presence_check' && (
                  <Button
                    variant="light"
                    onClick={() => {
                      onClose();
                      void navigate(`/presence?fromLog=${e.id}`);
                    }}
                  >
                    {t('presence.fromLog')}
                  </Button>
                )}
              </Group>
            )}
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="history" pt="sm">
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>#</Table.Th>
                <Table.Th>{t('log.recordedAt')}</Table.Th>
                <Table.Th>{t('log.recordedBy')}</Table.Th>
                <Table.Th>{t('common.reason')}</Table.Th>
                <Table.Th>{t('log.summary')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(history.data ?? []).map((h) => (
                <Table.Tr key={h.version}>
                  <Table.Td>
                    <Badge variant="outline">{h.version}</Badge>
                  </Table.Td>
                  <Table.Td>{formatDateTime(h.at, tz)}</Table.Td>
                  <Table.Td>{h.by}</Table.Td>
                  <Table.Td className="dd-wrap">{h.reason ?? '—'}</Table.Td>
                  <Table.Td className="dd-wrap">
                    {h.entry.summary}
                    {h.entry.instruction ? ` · ${t('log.instruction')}${t('common.colon')}${h.entry.instruction}` : ''}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Tabs.Panel>
      </Tabs>
    </Modal>
  );
}
