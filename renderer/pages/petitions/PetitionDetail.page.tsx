/**
 * One petition: its facts and petitioners (ID numbers masked unless the role
 * may see them), the statutory deadlines with the day each was met on (late
 * stays late), the workflow steps possible in its state, 交办/转办, 督办 and
 * 回访, the leader's case (五包), versions and void with reason.
 */
import { useState } from 'react';
import { Badge, Button, Checkbox, Group, Modal, NumberInput, Paper, SegmentedControl, SimpleGrid, Stack, Table, Text, TextInput, Textarea, Title } from '@mantine/core';
import { DateField } from '../../components/DateFields/DateFields';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { useNavigate, useParams } from 'react-router';
import { call, useApiQuery } from '../../api';
import { caseDuties, type CaseDuty, type Petitioner, type PetitionDetail, type PetitionStepInput, type PetitionVersionData } from '../../../shared/contract';
import { dayOfPeriod, type PetitionState } from '../../../shared/domain/petition';
import { useDesk, useHasRole } from '../../lib/desk-context';
import { errorText, errorTextWithField, notifyError, notifySaved } from '../../lib/errors';
import { formatDateTime } from '../../lib/format';
import { VersionHistory } from '../../components/VersionHistory/VersionHistory';
import { PetitionEditDialog, PetitionerEditDialog, PetitionersDialog } from './PetitionEdit';

type Step = PetitionStepInput['step'];
const stepsFor: Record<PetitionState, Step[]> = {
  registered: ['accept', 'reject'],
  accepted: ['startHandling', 'conclude', 'extend'],
  handling: ['conclude', 'extend'],
  rejected: [],
  concluded: ['requestReview'],
  reviewRequested: ['answerReview'],
  reviewed: ['requestRecheck'],
  recheckRequested: ['answerRecheck'],
  rechecked: [],
};

export function PetitionDetailPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const { tz } = useDesk();
  const navigate = useNavigate();
  const q = useApiQuery('petitions.get', { id: Number(id) });
  const history = useApiQuery('petitions.history', { id: Number(id) });
  const settings = useApiQuery('petitions.settings', {});
  const [step, setStep] = useState<Step | null>(null);
  const [editing, setEditing] = useState<'fields' | 'petitioners' | Petitioner | null>(null);
  const [voidReason, setVoidReason] = useState('');
  if (q.error) return <Text c="red">{errorText(t, q.error)}</Text>;
  const p = q.data;
  if (!p) return null;
  const doVoid = async () => {
    try {
      await call('petitions.void', { id: p.id, reason: voidReason });
      void navigate('/petitions');
    } catch (e) {
      notifyError(e);
    }
  };
  return (
    <Stack data-testid="petition-detail">
      <Group justify="space-between">
        <Group gap="xs">
          <Title order={2}>{p.no}</Title>
          <Badge size="lg">{t(`petitions.state.${p.state}`)}</Badge>
          {p.group && <Badge color="dark" variant="light">{t('petitions.groupVisit')}</Badge>}
          {p.repeat && <Badge color="grape" variant="light">{t('petitions.repeatVisit')}</Badge>}
          {p.abnormal && <Badge color="red" variant="light">{t('petitions.abnormal')}{p.abnormalKind ? `·${t(`petitions.abnormalKind.${p.abnormalKind}`)}` : ''}</Badge>}
          {p.lateCount > 0 && <Badge color="red.8" variant="filled">{t('petitions.lateCount', { n: p.lateCount })}</Badge>}
          {p.voided && <Badge color="gray">{t('petitions.voided')}{t('common.colon')}{p.voidReason}</Badge>}
        </Group>
        <Group gap="xs">
          {!p.voided && settings.data && (
            <Button variant="light" onClick={() => setEditing('fields')}>
              {t('petitions.edit')}
            </Button>
          )}
          <Button variant="default" onClick={() => void navigate('/petitions')}>
            {t('petitions.listTab')}
          </Button>
        </Group>
      </Group>
      <Paper withBorder p="sm">
        <SimpleGrid cols={3} spacing="xs">
          <Field label={t('petitions.receivedAt')} value={formatDateTime(p.receivedAt, tz)} />
          <Field label={t('petitions.formLabel')} value={`${t(`petitions.form.${p.form}`)} · ${t(`petitions.level.${p.level}`)}`} />
          <Field label={t('petitions.persons')} value={String(p.persons)} />
          <Field label={t('petitions.categoryLabel')} value={p.category} />
          <Field label={t('petitions.leader')} value={p.case?.leader ?? p.leader ?? '—'} />
          <Field label={t('petitions.unit')} value={[p.unit, p.locality].filter(Boolean).join(' · ') || '—'} />
        </SimpleGrid>
        <Text mt="xs" className="dd-wrap">
          <b>{t('petitions.summary')}{t('common.colon')}</b>
          {p.summary}
        </Text>
        {p.demands && (
          <Text className="dd-wrap">
            <b>{t('petitions.demands')}{t('common.colon')}</b>
            {p.demands}
          </Text>
        )}
        <Table mt="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('petitions.petitionerName')}</Table.Th>
              <Table.Th>{t('petitions.phone')}</Table.Th>
              <Table.Th>{t('petitions.idNumber')}</Table.Th>
              <Table.Th>{t('petitions.address')}</Table.Th>
              <Table.Th />
              <Table.Th>
                {!p.voided && (
                  <Button size="compact-xs" variant="light" onClick={() => setEditing('petitioners')}>
                    {t('petitions.editPetitioners')}
                  </Button>
                )}
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {p.petitioners.map((x) => (
              <Table.Tr key={x.id}>
                <Table.Td>{x.name}</Table.Td>
                <Table.Td>{x.phone ?? ''}</Table.Td>
                <Table.Td title={x.idNumberMasked ? t('registers.masked') : undefined} data-testid="petitioner-id">
                  {x.idNumber ?? ''}
                </Table.Td>
                <Table.Td>{x.address ?? ''}</Table.Td>
                <Table.Td>
                  {x.representative && <Badge size="xs" variant="light">{t('petitions.representative')}</Badge>}
                  {x.keyPerson && <Badge size="xs" color="red" variant="light" ml={4}>{t('petitions.keyPerson')}</Badge>}
                  <Badge size="xs" variant="default" ml={4}>{t('petitions.visits', { n: x.visits })}</Badge>
                </Table.Td>
                <Table.Td>
                  {!p.voided && (
                    <Button size="compact-xs" variant="subtle" aria-label={`${t('petitions.edit')} ${x.name}`} onClick={() => setEditing(x)}>
                      {t('petitions.edit')}
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Paper>

      <Paper withBorder p="sm">
        <Group justify="space-between">
          <Title order={4}>{t('petitions.detail.deadlines')}</Title>
          {!p.voided && (
            <Group gap="xs">
              {stepsFor[p.state].map((s) => (
                <Button key={s} size="xs" variant={s === 'reject' || s === 'extend' ? 'default' : 'filled'} onClick={() => setStep(s)}>
                  {t(`petitions.step.${s}`)}
                </Button>
              ))}
            </Group>
          )}
        </Group>
        <Table mt="xs" data-testid="petition-deadlines">
          <Table.Thead>
            <Table.Tr>
              <Table.Th />
              <Table.Th>{t('petitions.detail.startDate')}</Table.Th>
              <Table.Th>{t('petitions.detail.dueDate')}</Table.Th>
              <Table.Th>{t('petitions.detail.metOn')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {p.deadlines.map((d) => (
              <Table.Tr key={d.id} c={d.late ? 'var(--dd-overdue)' : d.superseded ? 'dimmed' : undefined}>
                <Table.Td>{t(`petitions.deadline.${d.kind}`)}</Table.Td>
                <Table.Td>{d.startDate}</Table.Td>
                <Table.Td>{d.dueDate}</Table.Td>
                <Table.Td>{d.metOn ? `${d.metOn}${t('common.parenOpen')}${t('petitions.detail.dayOf', { n: dayOfPeriod(d.startDate, d.metOn) })}${t('common.parenClose')}` : t('petitions.detail.open')}</Table.Td>
                <Table.Td>
                  {d.superseded ? t('petitions.detail.superseded') : d.late ? <Badge color="red" variant="light">{t('petitions.late')}</Badge> : d.metOn ? <Badge color="green" variant="light">{t('petitions.inTime')}</Badge> : null}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Title order={5} mt="sm">
          {t('petitions.detail.steps')}
        </Title>
        <Stack gap={2}>
          {p.steps.map((s) => (
            <Text key={s.id} size="sm" className="dd-wrap">
              {s.onDate} {t(`petitions.step.${s.step}`)}
              {s.days ? ` ${s.days}日` : ''}
              {s.inTime === false ? ` · ${t('petitions.late')}` : ''}
              {s.text ? `${t('common.colon')}${s.text}` : ''}{t('common.parenOpen')}{s.by}{t('common.parenClose')}
            </Text>
          ))}
        </Stack>
      </Paper>

      <SimpleGrid cols={2}>
        <Assignments p={p} />
        <Actions p={p} />
      </SimpleGrid>
      <LeaderCase p={p} />

      <Paper withBorder p="sm">
        <VersionHistory<PetitionVersionData> versions={history.data ?? []} label={(k) => versionLabel(t, k)} show={(k, v) => versionValue(t, tz, k, v)} testId="petition-versions" />
        {!p.voided && (
          <Group align="flex-end" mt="xs">
            <TextInput label={t('petitions.voidReason')} value={voidReason} onChange={(e) => setVoidReason(e.currentTarget.value)} style={{ flex: 1 }} />
            <Button color="gray" variant="outline" disabled={!voidReason.trim()} onClick={() => void doVoid()}>
              {t('petitions.void')}
            </Button>
          </Group>
        )}
      </Paper>
      {step && <StepDialog p={p} step={step} maxExtension={settings.data?.limits.maxExtensionDays ?? 30} onClose={() => setStep(null)} />}
      {editing === 'fields' && settings.data && <PetitionEditDialog p={p} settings={settings.data} onClose={() => setEditing(null)} />}
      {editing === 'petitioners' && <PetitionersDialog p={p} onClose={() => setEditing(null)} />}
      {editing !== null && typeof editing === 'object' && <PetitionerEditDialog x={editing} onClose={() => setEditing(null)} />}
    </Stack>
  );
}

const versionFields = ['receivedAt', 'form', 'persons', 'level', 'abnormal', 'abnormalKind', 'category', 'summary', 'demands', 'leader', 'unit', 'locality', 'petitioners'];
const versionLabelKeys: Record<string, string> = { form: 'formLabel', level: 'levelLabel', category: 'categoryLabel', abnormalKind: 'abnormalKindLabel' };
const versionLabel = (t: TFunction, k: string): string | null => (versionFields.includes(k) ? t(`petitions.${versionLabelKeys[k] ?? k}`) : null);

function versionValue(t: TFunction, tz: string, k: string, v: unknown): string {
  if (v === null || v === undefined) return '';
  if (k === 'receivedAt') return formatDateTime(String(v), tz);
  if (k === 'form') return t(`petitions.form.${String(v)}`);
  if (k === 'level') return t(`petitions.level.${String(v)}`);
  if (k === 'abnormalKind') return t(`petitions.abnormalKind.${String(v)}`);
  if (typeof v === 'boolean') return v ? t('petitions.yesWord') : t('petitions.noWord');
  if (k === 'petitioners') return (v as { name: string; representative: boolean }[]).map((x) => x.name + (x.representative ? `${t('common.parenOpen')}${t('petitions.representative')}${t('common.parenClose')}` : '')).join(t('common.listComma'));
  return String(v);
}

function Field({ label, value }: { label: string; value: string }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm">{value}</Text>
    </Stack>
  );
}

function StepDialog({ p, step, maxExtension, onClose }: { p: PetitionDetail; step: Step; maxExtension: number; onClose: () => void }) {
  const { t } = useTranslation();
  const [on, setOn] = useState('');
  const [text, setText] = useState('');
  const [days, setDays] = useState<number>(maxExtension);
  const [received, setReceived] = useState('');
  const [error, setError] = useState<string | null>(null);
  const needsText = step === 'reject' || step === 'extend' || step === 'conclude' || step === 'answerReview' || step === 'answerRecheck';
  const submit = async () => {
    setError(null);
    const base = { id: p.id, ...(on ? { on } : {}) };
    const input: PetitionStepInput =
      step === 'extend'
        ? { id: p.id, step, days, text }
        : step === 'conclude' || step === 'answerReview'
          ? { ...base, step, text, ...(received ? { answerReceivedOn: received } : {}) }
          : step === 'answerRecheck' || step === 'reject'
            ? { ...base, step, text }
            : { ...base, step, text: text || null };
    try {
      await call('petitions.step', input);
      notifySaved();
      onClose();
    } catch (e) {
      setError(errorTextWithField(t, e));
    }
  };
  return (
    <Modal opened onClose={onClose} title={t(`petitions.step.${step}`)}>
      <Stack gap="xs">
        {step === 'extend' ? (
          <NumberInput label={t('petitions.step.days', { max: maxExtension })} min={1} max={maxExtension} value={days} onChange={(v) => setDays(Number(v) || 1)} />
        ) : (
          <DateField label={t('petitions.step.on')} value={on} onChange={setOn} />
        )}
        <Textarea
          label={step === 'reject' || step === 'extend' ? t('petitions.step.reason') : needsText ? t('petitions.step.result') : t('petitions.step.text')}
          autosize
          minRows={2}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
        />
        {(step === 'conclude' || step === 'answerReview') && (
          <DateField label={t('petitions.step.answerReceivedOn')} value={received} onChange={setReceived} />
        )}
        {error && (
          <Text c="red" role="alert">
            {error}
          </Text>
        )}
        <Group justify="flex-end">
          <Button onClick={() => void submit()} disabled={needsText && !text.trim()}>
            {t('petitions.step.submit')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function Assignments({ p }: { p: PetitionDetail }) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<'assign' | 'transfer'>('assign');
  const [unit, setUnit] = useState('');
  const [due, setDue] = useState('');
  const [results, setResults] = useState<Record<number, string>>({});
  const [error, setError] = useState<string | null>(null);
  const open = !p.voided && ['registered', 'accepted', 'handling'].includes(p.state);
  const add = async () => {
    setError(null);
    try {
      await call('petitions.assign', { id: p.id, kind, unit, dueDate: due || null });
      setUnit('');
      setDue('');
    } catch (e) {
      setError(errorTextWithField(t, e));
    }
  };
  return (
    <Paper withBorder p="sm">
      <Title order={5}>{t('petitions.detail.assignments')}</Title>
      <Stack gap={4} mt={4}>
        {p.assignments.map((a) => (
          <Group key={a.id} gap="xs" wrap="nowrap" align="flex-end">
            <Text size="sm" style={{ flex: 1 }} className="dd-wrap">
              {a.assignedOn} {t(`petitions.assign.${a.kind}`)} {a.unit}
              {a.dueDate ? ` · ${t('petitions.assign.dueDate')} ${a.dueDate}` : ''}
              {a.doneOn ? ` · ${t('petitions.assign.done')} ${a.doneOn}${t('common.colon')}${a.result ?? ''}` : ''}
            </Text>
            {!a.doneOn && (
              <>
                <TextInput size="xs" aria-label={t('petitions.assign.result')} placeholder={t('petitions.assign.result')} value={results[a.id] ?? ''} onChange={(e) => setResults({ ...results, [a.id]: e.currentTarget.value })} />
                <Button size="xs" variant="light" disabled={!results[a.id]?.trim()} onClick={() => void call('petitions.assignmentDone', { assignmentId: a.id, result: results[a.id]! }).catch((e: unknown) => setError(errorText(t, e)))}>
                  {t('petitions.assign.markDone')}
                </Button>
              </>
            )}
          </Group>
        ))}
      </Stack>
      {open && (
        <Group align="flex-end" gap="xs" mt="xs">
          <SegmentedControl size="xs" value={kind} onChange={(v) => setKind(v as typeof kind)} data={[{ value: 'assign', label: t('petitions.assign.assign') }, { value: 'transfer', label: t('petitions.assign.transfer') }]} />
          <TextInput size="xs" label={t('petitions.assign.unit')} value={unit} onChange={(e) => setUnit(e.currentTarget.value)} />
          <DateField size="xs" label={t('petitions.assign.dueDate')} value={due} onChange={setDue} />
          <Button size="xs" disabled={!unit.trim()} onClick={() => void add()}>
            {t(`petitions.assign.${kind}`)}
          </Button>
        </Group>
      )}
      {error && <Text c="red" size="sm">{error}</Text>}
    </Paper>
  );
}

function Actions({ p }: { p: PetitionDetail }) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<'supervise' | 'followup'>('supervise');
  const [text, setText] = useState('');
  const [byName, setByName] = useState('');
  const [satisfied, setSatisfied] = useState<'yes' | 'no' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const add = async () => {
    setError(null);
    try {
      await call('petitions.action', { id: p.id, kind, text, byName: byName || null, ...(kind === 'followup' ? { satisfied: satisfied === null ? null : satisfied === 'yes' } : {}) });
      setText('');
    } catch (e) {
      setError(errorTextWithField(t, e));
    }
  };
  return (
    <Paper withBorder p="sm">
      <Title order={5}>{t('petitions.detail.actions')}</Title>
      <Stack gap={2} mt={4}>
        {p.actions
          .filter((a) => a.kind !== 'caseNote')
          .map((a) => (
            <Text key={a.id} size="sm" className="dd-wrap">
              {a.onDate} {t(`petitions.action.${a.kind}`)}
              {a.byName ? `${t('common.parenOpen')}${a.byName}${t('common.parenClose')}` : ''}{t('common.colon')}{a.text}
              {a.satisfied !== null ? ` · ${a.satisfied ? t('petitions.action.yes') : t('petitions.action.no')}` : ''}
            </Text>
          ))}
      </Stack>
      {!p.voided && (
        <Stack gap={4} mt="xs">
          <Group gap="xs" align="flex-end">
            <SegmentedControl size="xs" value={kind} onChange={(v) => setKind(v as typeof kind)} data={[{ value: 'supervise', label: t('petitions.action.supervise') }, { value: 'followup', label: t('petitions.action.followup') }]} />
            <TextInput size="xs" label={t('petitions.action.byName')} value={byName} onChange={(e) => setByName(e.currentTarget.value)} w={110} />
            {kind === 'followup' && (
              <SegmentedControl size="xs" value={satisfied ?? ''} onChange={(v) => setSatisfied(v as 'yes' | 'no')} data={[{ value: 'yes', label: t('petitions.action.yes') }, { value: 'no', label: t('petitions.action.no') }]} aria-label={t('petitions.action.satisfied')} />
            )}
          </Group>
          <Group gap="xs" align="flex-end">
            <TextInput size="xs" label={t('petitions.action.text')} value={text} onChange={(e) => setText(e.currentTarget.value)} style={{ flex: 1 }} />
            <Button size="xs" disabled={!text.trim()} onClick={() => void add()}>
              {t('petitions.action.add')}
            </Button>
          </Group>
        </Stack>
      )}
      {error && <Text c="red" size="sm">{error}</Text>}
    </Paper>
  );
}

function LeaderCase({ p }: { p: PetitionDetail }) {
  const { t } = useTranslation();
  const mayClose = useHasRole('leader', 'admin');
  const c = p.case;
  const [leader, setLeader] = useState(c?.leader ?? p.leader ?? '');
  const [duties, setDuties] = useState<CaseDuty[]>(c?.duties ?? []);
  const [note, setNote] = useState('');
  const [closing, setClosing] = useState('');
  const [error, setError] = useState<string | null>(null);
  const run = (f: () => Promise<unknown>) => void f().catch((e: unknown) => setError(errorTextWithField(t, e)));
  const closed = !!c?.closedAt;
  return (
    <Paper withBorder p="sm" data-testid="petition-case">
      <Group justify="space-between">
        <Title order={5}>{t('petitions.detail.case')}</Title>
        {closed && <Badge autoContrast color="teal.9" tt="none">{t('petitions.caseClosed')}{t('common.colon')}{c?.closingNote}</Badge>}
      </Group>
      {!p.voided && !closed && (
        <Group align="flex-end" gap="xs" mt={4}>
          <TextInput size="xs" label={t('petitions.leader')} value={leader} onChange={(e) => setLeader(e.currentTarget.value)} />
          <Checkbox.Group value={duties} onChange={(v) => setDuties(v as CaseDuty[])}>
            <Group gap="xs">
              {caseDuties.map((d) => (
                <Checkbox key={d} value={d} label={t(`petitions.caseDuty.${d}`)} size="xs" />
              ))}
            </Group>
          </Checkbox.Group>
          <Button size="xs" disabled={!leader.trim()} onClick={() => run(() => call('petitions.setCase', { id: p.id, leader, duties }))}>
            {c ? t('petitions.caseSave') : t('petitions.caseOpen')}
          </Button>
        </Group>
      )}
      {c && (
        <Group gap="xs" mt={4} data-testid="petition-case-duties">
          <Text size="sm" fw={600}>
            {t('petitions.caseLeader', { leader: c.leader })}
          </Text>
          {c.duties.length === 0 && (
            <Text size="sm" c="dimmed">
              {t('petitions.caseDutiesNone')}
            </Text>
          )}
          {caseDuties
            .filter((d) => c.duties.includes(d))
            .map((d) => (
              <Badge key={d} size="sm" variant="default" tt="none">
                ✓ {t(`petitions.caseDuty.${d}`)}
              </Badge>
            ))}
        </Group>
      )}
      <Stack gap={2} mt={4}>
        {p.actions
          .filter((a) => a.kind === 'caseNote')
          .map((a) => (
            <Text key={a.id} size="sm">
              {a.onDate} {a.text}{t('common.parenOpen')}{a.by}{t('common.parenClose')}
            </Text>
          ))}
      </Stack>
      {c && !closed && (
        <Group align="flex-end" gap="xs" mt="xs">
          <TextInput size="xs" label={t('petitions.action.caseNote')} value={note} onChange={(e) => setNote(e.currentTarget.value)} style={{ flex: 1 }} />
          <Button size="xs" variant="light" disabled={!note.trim()} onClick={() => run(() => call('petitions.action', { id: p.id, kind: 'caseNote', text: note }).then(() => setNote('')))}>
            {t('petitions.action.add')}
          </Button>
          {mayClose && (
            <>
              <TextInput size="xs" label={t('petitions.caseClosingNote')} value={closing} onChange={(e) => setClosing(e.currentTarget.value)} />
              <Button size="xs" color="green" disabled={!closing.trim()} onClick={() => run(() => call('petitions.closeCase', { id: p.id, note: closing }))}>
                {t('petitions.caseClose')}
              </Button>
            </>
          )}
        </Group>
      )}
      {error && <Text c="red" size="sm">{error}</Text>}
    </Paper>
  );
}
