/**
 * One supervised item: its facts (the hazard's too), progress notes, the
 * extensions (a leader or admin, later, with a reason), the evidence, and
 * 销号 by a leader or admin with a closing note once evidence is there.
 * Past its deadline and open it is red; closed it never changes.
 */
import { useRef, useState } from 'react';
import { Badge, Button, Group, Paper, Select, SimpleGrid, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { DateField } from '../../components/DateFields/DateFields';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { call, useApiQuery } from '../../api';
import type { LedgerAttachment, LedgerDetail } from '../../../shared/contract';
import { attachmentMaxBytes } from '../../../shared/contract/incidents';
import { rectifyStates, type RectifyState } from '../../../shared/domain/ledger';
import { useDesk, useHasRole } from '../../lib/desk-context';
import { openWithSystemViewer } from '../../lib/desktop';
import { errorText, errorTextWithField, notifySaved } from '../../lib/errors';
import { formatDateTime } from '../../lib/format';
import { fileToBase64 } from '../roster/lib';
import { stateKey } from './Ledger.page';
import { LedgerEditDialog } from './LedgerEdit';
import { ReasonDialog } from '../../components/ReasonDialog/ReasonDialog';
import { VersionHistory } from '../../components/VersionHistory/VersionHistory';
import type { LedgerFields } from '../../../shared/contract';
import type { TFunction } from 'i18next';

export function LedgerDetailPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const { tz } = useDesk();
  const navigate = useNavigate();
  const q = useApiQuery('ledger.get', { id: Number(id) });
  const history = useApiQuery('ledger.history', { id: Number(id) });
  const [editing, setEditing] = useState(false);
  const mayClose = useHasRole('leader', 'admin');
  const [note, setNote] = useState('');
  const [extendTo, setExtendTo] = useState('');
  const [extendReason, setExtendReason] = useState('');
  const [closing, setClosing] = useState('');
  const [voidReason, setVoidReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  if (q.error) return <Text c="red">{errorText(t, q.error)}</Text>;
  const i = q.data;
  if (!i) return null;
  const open = i.state === 'open' && !i.voided;
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
    <Stack data-testid="ledger-detail">
      <Group justify="space-between">
        <Group gap="xs">
          <Title order={2}>{i.no}</Title>
          <Badge size="lg" color={i.overdue ? 'red.8' : i.state === 'closed' ? 'green' : 'blue'} variant={i.overdue ? 'filled' : 'light'}>
            {t(`ledger.stateText.${stateKey(i)}`)}
          </Badge>
          <Badge variant="outline">{t(`ledger.source.${i.source}`)}</Badge>
          {i.voided && <Badge color="gray">{t('ledger.voided')}{t('common.colon')}{i.voidReason}</Badge>}
        </Group>
        <Group gap="xs">
          {open && (
            <Button variant="light" onClick={() => setEditing(true)}>
              {t('ledger.edit')}
            </Button>
          )}
          <Button variant="default" onClick={() => void navigate(i.source === 'hazard' ? '/ledger?view=hazard' : '/ledger')}>
            {t('ledger.title')}
          </Button>
        </Group>
      </Group>
      <Paper withBorder p="sm" bg={i.overdue ? 'var(--mantine-color-red-light)' : undefined}>
        <Text fw={600} className="dd-wrap">
          {i.title}
        </Text>
        {i.detail && <Text size="sm" className="dd-wrap">{i.detail}</Text>}
        <SimpleGrid cols={4} spacing="xs" mt="xs">
          <Info label={t('ledger.enteredDate')} value={i.enteredDate} />
          <Info label={t('ledger.deadline')} value={`${i.deadline}${i.firstDeadline !== i.deadline ? `${t('common.parenOpen')}${t('ledger.extensionsFrom', { n: i.extensions, first: i.firstDeadline })}${t('common.parenClose')}` : ''}`} red={i.overdue} />
          <Info label={t('ledger.ownerUnit')} value={`${i.ownerUnit}${i.ownerPerson ? ` · ${i.ownerPerson}` : ''}`} />
          <Info label={t('ledger.sourceRef')} value={i.sourceRef ?? '—'} />
          {i.source === 'hazard' && (
            <>
              <Info label={t('ledger.hazardPlace')} value={i.hazardPlace ?? '—'} />
              <Info label={t('ledger.hazardLevelLabel')} value={i.hazardLevel ? t(`ledger.hazardLevel.${i.hazardLevel}`) : '—'} />
              <Info label={t('ledger.measures')} value={i.measures ?? '—'} />
              <Info label={t('ledger.rectifyLabel')} value={i.rectifyState ? t(`ledger.rectify.${i.rectifyState}`) : '—'} />
            </>
          )}
        </SimpleGrid>
        {i.closingStandard && (
          <Text size="sm" mt="xs">
            {t('ledger.closingStandard')}{t('common.colon')}{i.closingStandard}
          </Text>
        )}
        {i.state === 'closed' && (
          <Text size="sm" mt="xs" c="green.8">
            {t('ledger.closedAt')}{t('common.colon')}{i.closedAt ? formatDateTime(i.closedAt, tz) : ''} · {t('ledger.closedBy')}{t('common.colon')}{i.closedBy} · {i.closingNote}
          </Text>
        )}
      </Paper>
      {error && (
        <Text c="red" role="alert">
          {error}
        </Text>
      )}
      <SimpleGrid cols={2}>
        <Paper withBorder p="sm">
          <Title order={5}>{t('ledger.notes')}</Title>
          <Stack gap={2} mt={4}>
            {i.notes.map((n) => (
              <Text key={n.id} size="sm" className="dd-wrap">
                {formatDateTime(n.at, tz)} {n.by}{t('common.colon')}{n.text}
              </Text>
            ))}
          </Stack>
          {open && (
            <Group align="flex-end" gap="xs" mt="xs">
              <Textarea aria-label={t('ledger.addNote')} placeholder={t('ledger.addNote')} autosize value={note} onChange={(e) => setNote(e.currentTarget.value)} style={{ flex: 1 }} />
              <Button size="xs" disabled={!note.trim()} onClick={() => run(() => call('ledger.note', { id: i.id, text: note }), () => setNote(''))}>
                {t('ledger.addNote')}
              </Button>
            </Group>
          )}
          {open && i.source === 'hazard' && <RectifyEditor item={i} onError={setError} />}
        </Paper>
        <Paper withBorder p="sm">
          <Title order={5}>{t('ledger.extensionsTitle')}</Title>
          {i.extensionList.map((x) => (
            <Text key={x.id} size="sm" className="dd-wrap">
              {formatDateTime(x.at, tz)} {x.by}{t('common.colon')}{x.fromDeadline} → {x.toDeadline}{t('common.parenOpen')}{x.reason}{t('common.parenClose')}
            </Text>
          ))}
          {open && mayClose && (
            <Group align="flex-end" gap="xs" mt="xs">
              <DateField size="xs" label={t('ledger.extendTo')} value={extendTo} onChange={setExtendTo} />
              <TextInput size="xs" label={t('ledger.extendReason')} value={extendReason} onChange={(e) => setExtendReason(e.currentTarget.value)} style={{ flex: 1 }} />
              <Button size="xs" variant="light" disabled={!extendTo || !extendReason.trim()} onClick={() => run(() => call('ledger.extend', { id: i.id, deadline: extendTo, reason: extendReason }), () => setExtendReason(''))}>
                {t('ledger.extend')}
              </Button>
            </Group>
          )}
        </Paper>
      </SimpleGrid>
      <Evidence item={i} open={open} onError={setError} />
      {open && (
        <Paper withBorder p="sm">
          <Text size="sm" c="dimmed">
            {t('ledger.closeHint')}
          </Text>
          {mayClose && (
            <Group align="flex-end" gap="xs" mt="xs">
              <TextInput label={t('ledger.closingNote')} value={closing} onChange={(e) => setClosing(e.currentTarget.value)} style={{ flex: 1 }} />
              <Button color="green" disabled={!closing.trim()} onClick={() => run(() => call('ledger.close', { id: i.id, note: closing }))}>
                {t('ledger.close')}
              </Button>
            </Group>
          )}
        </Paper>
      )}
      <Paper withBorder p="sm">
        <VersionHistory<LedgerFields & { deadline: string }> versions={history.data ?? []} label={(k) => ledgerLabel(t, k)} show={(k, v) => ledgerValue(t, k, v)} testId="ledger-versions" />
      </Paper>
      {editing && <LedgerEditDialog item={i} onClose={() => setEditing(false)} />}
      {!i.voided && (
        <Group align="flex-end">
          <TextInput label={t('ledger.voidReason')} value={voidReason} onChange={(e) => setVoidReason(e.currentTarget.value)} style={{ flex: 1 }} />
          <Button color="gray" variant="outline" disabled={!voidReason.trim()} onClick={() => run(() => call('ledger.void', { id: i.id, reason: voidReason }))}>
            {t('ledger.void')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}

const ledgerLabelKeys: Record<string, string> = { source: 'sourceLabel', title: 'titleLabel', hazardLevel: 'hazardLevelLabel', rectifyState: 'rectifyLabel' };
const ledgerLabel = (t: TFunction, k: string): string => t(`ledger.${ledgerLabelKeys[k] ?? k}`);

function ledgerValue(t: TFunction, k: string, v: unknown): string {
  if (v === null || v === undefined) return '';
  if (k === 'source') return t(`ledger.source.${String(v)}`);
  if (k === 'hazardLevel') return t(`ledger.hazardLevel.${String(v)}`);
  if (k === 'rectifyState') return t(`ledger.rectify.${String(v)}`);
  return String(v);
}

function Info({ label, value, red }: { label: string; value: string; red?: boolean }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" c={red ? 'var(--dd-overdue)' : undefined} fw={red ? 700 : undefined} className="dd-wrap">
        {value}
      </Text>
    </Stack>
  );
}

function RectifyEditor({ item, onError }: { item: LedgerDetail; onError: (e: string | null) => void }) {
  const { t } = useTranslation();
  const [state, setState] = useState<RectifyState>(item.rectifyState ?? 'pending');
  const [reason, setReason] = useState('');
  return (
    <Group align="flex-end" gap="xs" mt="xs">
      <Select size="xs" label={t('ledger.rectifyLabel')} data={rectifyStates.map((s) => ({ value: s, label: t(`ledger.rectify.${s}`) }))} value={state} onChange={(s) => s && setState(s as RectifyState)} allowDeselect={false} w={120} />
      <TextInput size="xs" label={t('ledger.editReason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} style={{ flex: 1 }} />
      <Button
        size="xs"
        variant="light"
        disabled={!reason.trim() || state === item.rectifyState}
        onClick={() =>
          void call('ledger.update', { id: item.id, expectedVersion: item.version, reason, rectifyState: state }).then(
            () => setReason(''),
            (e: unknown) => onError(errorText(t, e)),
          )
        }
      >
        {t('common.save')}
      </Button>
    </Group>
  );
}

function Evidence({ item, open, onError }: { item: LedgerDetail; open: boolean; onError: (e: string | null) => void }) {
  const { t } = useTranslation();
  const { tz } = useDesk();
  const input = useRef<HTMLInputElement>(null);
  const [voiding, setVoiding] = useState<LedgerAttachment | null>(null);
  const add = async (files: FileList | null) => {
    onError(null);
    for (const f of Array.from(files ?? [])) {
      if (f.size > attachmentMaxBytes) {
        onError(t('incidents.errors.attachmentTooLarge', { mb: 20 }));
        continue;
      }
      try {
        await call('ledger.attach', { itemId: item.id, name: f.name, mime: f.type || 'application/octet-stream', dataBase64: await fileToBase64(f) });
      } catch (e) {
        onError(errorText(t, e));
      }
    }
    if (input.current) input.current.value = '';
  };
  const view = async (a: LedgerAttachment) => {
    try {
      const full = await call('ledger.attachment', { id: a.id });
      if (await openWithSystemViewer(a.name, full.dataBase64)) return;
      const bytes = Uint8Array.from(atob(full.dataBase64), (c) => c.charCodeAt(0));
      const url = URL.createObjectURL(new Blob([bytes], { type: a.mime }));
      window.open(url, '_blank', 'noopener');
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    } catch (e) {
      onError(errorText(t, e));
    }
  };
  return (
    <Paper withBorder p="sm" data-testid="ledger-evidence">
      <Group justify="space-between">
        <Title order={5}>{t('ledger.evidence')}</Title>
        {open && (
          <>
            <input ref={input} type="file" hidden multiple aria-label={t('ledger.addEvidence')} onChange={(e) => void add(e.currentTarget.files)} data-testid="ledger-evidence-input" />
            <Button size="xs" variant="light" onClick={() => input.current?.click()}>
              {t('ledger.addEvidence')}
            </Button>
          </>
        )}
      </Group>
      {item.attachments.map((a) => (
        <Group key={a.id} gap="xs">
          <Button size="compact-sm" variant="subtle" onClick={() => void view(a)} td={a.voided ? 'line-through' : undefined}>
            {a.name}
          </Button>
          <Text size="xs" c="dimmed">
            {Math.ceil(a.size / 1024)} KB · {a.addedBy} · {formatDateTime(a.addedAt, tz)}
            {a.voided ? ` · ${t('ledger.evidenceVoided')}${a.voidReason ? `${t('common.colon')}${a.voidReason}` : ''}` : ''}
          </Text>
          {open && !a.voided && (
            <Button size="compact-xs" variant="subtle" color="gray" aria-label={`${t('ledger.voidEvidence')} ${a.name}`} onClick={() => setVoiding(a)}>
              {t('ledger.voidEvidence')}
            </Button>
          )}
        </Group>
      ))}
      {voiding && (
        <ReasonDialog
          title={`${t('ledger.voidEvidence')} · ${voiding.name}`}
          label={t('ledger.voidReason')}
          confirmLabel={t('ledger.voidEvidence')}
          confirmColor="gray"
          onConfirm={(reason) => call('ledger.voidAttachment', { id: voiding.id, reason })}
          onClose={() => setVoiding(null)}
        />
      )}
    </Paper>
  );
}
