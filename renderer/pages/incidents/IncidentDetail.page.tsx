/**
 * One incident: facts and grade, deadlines, the report chain, escalation,
 * leader instructions, attachments, the timeline of everything, versions.
 */
import { useState } from 'react';
import {
  Alert,
  Badge,
  Button,
  Grid,
  Group,
  Modal,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { call, useApiQuery } from '../../api';
import type { IncidentDetail, TimelineItem } from '../../../shared/contract';
import {
  incidentLevels,
  levelColor,
  reportTitle,
  type IncidentLevel,
  type IncidentStatus,
  type ReportKind,
} from '../../../shared/domain/incident';
import { casualtiesText } from '../../../shared/domain/incident-report';
import { countdownParts } from '../../../shared/domain/deadline';
import { useDesk, useHasRole, useNow } from '../../lib/desk-context';
import { formatDateTime } from '../../lib/format';
import { errorText } from '../../lib/errors';
import { IncidentForm } from './IncidentForm';
import { ReportForm } from './ReportForm';
import { EscalationPanel } from './EscalationPanel';
import { AttachmentsPanel } from './AttachmentsPanel';
import { ReasonDialog } from '../../components/ReasonDialog/ReasonDialog';

const nextStatus: Record<IncidentStatus, IncidentStatus[]> = { open: ['handling', 'closed'], handling: ['closed'], closed: ['handling'] };

export function IncidentDetailPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const q = useApiQuery('incident.get', { id: Number(id) }, { refetchInterval: 10_000 });
  if (q.error) return <Alert color="red">{errorText(t, q.error)}</Alert>;
  if (!q.data) return null;
  return <Detail d={q.data} />;
}

function Detail({ d }: { d: IncidentDetail }) {
  const { t } = useTranslation();
  const { tz } = useDesk();
  const now = useNow(1000);
  const isLeader = useHasRole('leader', 'admin');
  const inc = d.incident;
  const [editing, setEditing] = useState(false);
  const [filing, setFiling] = useState<ReportKind | null>(null);
  const [levelOpen, setLevelOpen] = useState(false);
  const [reopenTo, setReopenTo] = useState<IncidentStatus | null>(null);
  const [error, setError] = useState<string | null>(null);

  const move = async (to: IncidentStatus) => {
    setError(null);
    // Reopening a closed incident asks why, in a dialog; the reason goes on the timeline.
    if (inc.status === 'closed') return setReopenTo(to);
    try {
      await call('incident.setStatus', { id: inc.id, status: to });
    } catch (e) {
      setError(errorText(t, e));
    }
  };

  const followups = d.reports.filter((r) => r.kind === 'followup').length;

  return (
    <Stack data-testid="incident-detail">
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Group gap="xs">
            <Text c="dimmed">{inc.no}</Text>
            <Badge color={levelColor[inc.level]} size="lg" data-testid="incident-level-badge">
              {t(`incidents.level.${inc.level}`)}
            </Badge>
            <Badge variant="outline">{t(`incidents.status.${inc.status}`)}</Badge>
            <Text size="sm">
              {t(`incidents.category.${inc.category}`)} · {t(`incidents.subType.${inc.subType}`)}
            </Text>
          </Group>
          <Title order={2} className="dd-wrap">
            {inc.title}
          </Title>
        </Stack>
        <Group gap="xs">
          <Button variant="default" onClick={() => setEditing(true)}>
            {t('incidents.detail.edit')}
          </Button>
          {isLeader && (
            <Button variant="default" onClick={() => setLevelOpen(true)}>
              {t('incidents.detail.setLevel')}
            </Button>
          )}
          {nextStatus[inc.status].map((s) => (
            <Button key={s} variant="light" onClick={() => void move(s)}>
              {t('incidents.detail.moveTo', { status: t(`incidents.status.${s}`) })}
            </Button>
          ))}
        </Group>
      </Group>
      {inc.levelOverride && (
        <Alert color="orange" p="xs" data-testid="level-override">
          {t('incidents.detail.override', {
            suggested: inc.suggestedLevel ? t(`incidents.level.${inc.suggestedLevel}`) : '—',
            level: t(`incidents.level.${inc.level}`),
            by: inc.levelOverride.by,
            reason: inc.levelOverride.reason,
          })}
        </Alert>
      )}
      {error && <Alert color="red">{error}</Alert>}

      <Grid>
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Stack>
            <Paper withBorder p="md">
              <Title order={4} mb="xs">
                {t('incidents.detail.overview')}
              </Title>
              <SimpleGrid cols={2} spacing={4}>
                <Fact label={t('incidents.form.occurredAt')} value={formatDateTime(inc.occurredAt, tz)} />
                <Fact label={t('incidents.form.learnedAt')} value={formatDateTime(inc.learnedAt, tz)} />
                <Fact label={t('incidents.form.location')} value={inc.location} />
                <Fact label={t('incidents.form.unit')} value={inc.unit} />
                <Fact label={t('incidents.form.source')} value={inc.source} />
                <Fact label={t('incidents.detail.status')} value={t(`incidents.status.${inc.status}`)} />
              </SimpleGrid>
              <Text mt="xs" data-testid="casualties">
                {casualtiesText(inc)}
              </Text>
              {inc.suggestedLevel && (
                <Text size="sm" c="dimmed">
                  {inc.suggestedBasis.length
                    ? t('incidents.form.suggested', {
                        level: t(`incidents.level.${inc.suggestedLevel}`),
                        basis: inc.suggestedBasis.map((b) => t(`incidents.basis.${b}`)).join('、'),
                      })
                    : t('incidents.form.suggestedNone')}
                </Text>
              )}
              {inc.supplementUntil && (
                <Text size="sm" c="dimmed">
                  {t('incidents.detail.supplementUntil', { at: formatDateTime(inc.supplementUntil, tz) })}
                </Text>
              )}
              {inc.description && (
                <Text mt="xs" className="dd-wrap" style={{ whiteSpace: 'pre-wrap' }}>
                  {inc.description}
                </Text>
              )}
            </Paper>

            <Paper withBorder p="md" data-testid="reports-panel">
              <Group justify="space-between" mb="xs">
                <Title order={4}>{t('incidents.detail.reports')}</Title>
                <Group gap="xs">
                  {d.nextReportKinds.map((k) => (
                    <Button key={k} size="xs" color={k === 'first' ? 'red' : undefined} onClick={() => setFiling(k)}>
                      {t('incidents.detail.fileReport', { title: reportTitle(k, k === 'followup' ? followups + 1 : null) })}
                    </Button>
                  ))}
                </Group>
              </Group>
              {d.deadlines.length > 0 && (
                <Stack gap={4} mb="sm" data-testid="deadlines">
                  {d.deadlines.map((dl) => {
                    const c = countdownParts(Date.parse(dl.dueAt) - now);
                    const state = dl.metAt ? dl.state : c.overdue ? 'overdue' : 'pending';
                    const red = state === 'overdue' || state === 'metLate';
                    return (
                      <Group key={dl.id} gap="xs" data-testid="deadline" data-state={state}>
                        <Badge color={red ? 'red' : state === 'met' ? 'green' : 'blue'}>{t(`incidents.deadlineState.${state}`)}</Badge>
                        <Text size="sm">
                          {t(`incidents.deadline.${dl.kind}`)} · {t('incidents.detail.dueAt')} {formatDateTime(dl.dueAt, tz)}
                          {dl.metAt ? ` · ${t('incidents.detail.metAt', { at: formatDateTime(dl.metAt, tz) })}` : ''}
                        </Text>
                        {!dl.metAt && (
                          <Text size="sm" ff="monospace" fw={700} c={c.overdue ? 'red' : undefined}>
                            {c.overdue ? t('due.overdue', { t: c.text }) : t('due.left', { t: c.text })}
                          </Text>
                        )}
                      </Group>
                    );
                  })}
                </Stack>
              )}
              {d.reports.length === 0 && <Text c="dimmed">{t('incidents.detail.noReports')}</Text>}
              <Stack gap="xs">
                {d.reports.map((r) => (
                  <Paper key={r.id} withBorder p="xs" data-testid="report-row">
                    <Group justify="space-between">
                      <Group gap="xs">
                        <Text fw={700}>{r.title}</Text>
                        <Badge color={r.late ? 'red' : 'green'} data-testid="report-late">
                          {r.late ? t('incidents.detail.lateForever') : t('incidents.detail.onTime')}
                        </Badge>
                        <Text size="sm">
                          {t(`incidents.method.${r.method}`)} → {r.recipient} · {formatDateTime(r.sentAt, tz)}
                          {r.signedBy ? ` · ${t('incidents.detail.signedBy')} ${r.signedBy}` : ''}
                        </Text>
                      </Group>
                      <Button size="compact-xs" variant="subtle" component={Link} to={`/print/report/${r.id}`} target="_blank">
                        {t('incidents.detail.print')}
                      </Button>
                    </Group>
                    <Text size="xs" c="dimmed">
                      {t('incidents.detail.recordedBy', { by: r.recordedBy, at: formatDateTime(r.recordedAt, tz) })}
                    </Text>
                  </Paper>
                ))}
              </Stack>
            </Paper>

            <TimelineCard items={d.timeline} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <Stack>
            <EscalationPanel incidentId={inc.id} escalations={d.escalations} />
            <InstructionsCard d={d} />
            <AttachmentsPanel incidentId={inc.id} attachments={d.attachments} />
            <VersionsCard d={d} />
          </Stack>
        </Grid.Col>
      </Grid>

      {editing && <IncidentForm incident={inc} onClose={() => setEditing(false)} />}
      {filing && <ReportForm incidentId={inc.id} kind={filing} onClose={() => setFiling(null)} />}
      {levelOpen && <LevelDialog id={inc.id} level={inc.level} onClose={() => setLevelOpen(false)} />}
      {reopenTo && <ReopenDialog id={inc.id} to={reopenTo} onClose={() => setReopenTo(null)} />}
    </Stack>
  );
}

function Fact({ label, value }: { label: string; value: string | null }) {
  return (
    <Text size="sm" className="dd-wrap">
      <Text span c="dimmed">
        {label}：
      </Text>
      {value ?? '—'}
    </Text>
  );
}

function LevelDialog({ id, level, onClose }: { id: number; level: IncidentLevel; onClose: () => void }) {
  const { t } = useTranslation();
  const [l, setL] = useState(String(level));
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  return (
    <Modal opened onClose={onClose} title={t('incidents.detail.setLevel')}>
      <Stack>
        <Select
          label={t('incidents.form.level')}
          data={incidentLevels.map((x) => ({ value: String(x), label: t(`incidents.level.${x}`) }))}
          value={l}
          onChange={(x) => x && setL(x)}
          allowDeselect={false}
        />
        <TextInput label={t('incidents.form.levelReason')} required value={reason} onChange={(e) => setReason(e.currentTarget.value)} />
        {error && <Text c="red">{error}</Text>}
        <Button
          disabled={!reason.trim()}
          onClick={() =>
            void call('incident.setLevel', { id, level: Number(l) as IncidentLevel, reason })
              .then(onClose)
              .catch((e: unknown) => setError(errorText(t, e)))
          }
        >
          {t('common.save')}
        </Button>
      </Stack>
    </Modal>
  );
}

function ReopenDialog({ id, to, onClose }: { id: number; to: IncidentStatus; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <ReasonDialog
      title={t('incidents.detail.reopenTitle')}
      label={t('incidents.detail.reopenReason')}
      confirmLabel={t('incidents.detail.moveTo', { status: t(`incidents.status.${to}`) })}
      onConfirm={async (reason) => {
        await call('incident.setStatus', { id, status: to, reason });
      }}
      onClose={onClose}
    />
  );
}

function InstructionsCard({ d }: { d: IncidentDetail }) {
  const { t } = useTranslation();
  const { tz } = useDesk();
  const [leader, setLeader] = useState('');
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  return (
    <Paper withBorder p="md" data-testid="instructions">
      <Title order={4} mb="xs">
        {t('incidents.detail.instructions')}
      </Title>
      {d.instructions.length === 0 && <Text c="dimmed">{t('incidents.detail.noInstructions')}</Text>}
      <Stack gap={4}>
        {d.instructions.map((i) => (
          <Text key={i.id} size="sm" className="dd-wrap">
            <Text span fw={700}>
              {i.leaderName}
            </Text>
            （{formatDateTime(i.givenAt, tz)}）：{i.text}
          </Text>
        ))}
      </Stack>
      <Group align="flex-end" gap="xs" mt="xs">
        <TextInput label={t('incidents.detail.leaderName')} value={leader} onChange={(e) => setLeader(e.currentTarget.value)} w={120} />
        <Textarea
          label={t('incidents.detail.instruction')}
          autosize
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          style={{ flex: 1 }}
        />
        <Button
          variant="light"
          disabled={!leader.trim() || !text.trim()}
          onClick={() =>
            void call('incident.addInstruction', { incidentId: d.incident.id, leaderName: leader, text })
              .then(() => setText(''))
              .catch((e: unknown) => setError(errorText(t, e)))
          }
        >
          {t('incidents.detail.addInstruction')}
        </Button>
      </Group>
      {error && <Text c="red">{error}</Text>}
    </Paper>
  );
}

function timelineText(t: (k: string, o?: Record<string, unknown>) => string, i: TimelineItem): string {
  switch (i.type) {
    case 'created':
      return t('incidents.detail.timelineCreated');
    case 'edited':
      return t('incidents.detail.timelineEdited', { version: i.version, reason: i.reason ?? '' });
    case 'status':
      return (
        t('incidents.detail.timelineStatus', { from: t(`incidents.status.${i.from}`), to: t(`incidents.status.${i.to}`) }) +
        (i.reason ? `（${i.reason}）` : '')
      );
    case 'report':
      return t('incidents.detail.timelineReport', { title: i.title }) + (i.late ? ` · ${t('incidents.detail.lateForever')}` : '');
    case 'escalationStarted':
      return t('incidents.detail.timelineEscalation');
    case 'contact':
      return t('incidents.detail.timelineContact', {
        target: t(`incidents.target.${i.target}`),
        name: i.targetName ?? '',
        method: t(`incidents.contactMethod.${i.method}`),
      });
    case 'acknowledged':
      return `${t('incidents.detail.timelineAck')}：${i.by}`;
    case 'escalationCancelled':
      return `${t('incidents.detail.timelineCancelled')}：${i.reason ?? ''}`;
    case 'instruction':
      return t('incidents.detail.timelineInstruction', { leader: i.leaderName, text: i.text });
    case 'attachment':
      return t('incidents.detail.timelineAttachment', { name: i.name });
    case 'logEntry':
      return t('incidents.detail.timelineLog', { summary: i.summary });
  }
}

function TimelineCard({ items }: { items: TimelineItem[] }) {
  const { t } = useTranslation();
  const { tz } = useDesk();
  return (
    <Paper withBorder p="md">
      <Title order={4} mb="xs">
        {t('incidents.detail.timeline')}
      </Title>
      <Stack gap={2} data-testid="incident-timeline">
        {items.map((i, n) => (
          <Group key={n} gap="sm" wrap="nowrap" align="flex-start">
            <Text size="sm" ff="monospace" w={130} style={{ flexShrink: 0 }}>
              {formatDateTime(i.at, tz)}
            </Text>
            <Text size="sm" className="dd-wrap" style={{ flex: 1 }} c={i.type === 'report' && i.late ? 'red' : undefined}>
              {timelineText(t, i)}
            </Text>
            <Text size="xs" c="dimmed">
              {i.by}
            </Text>
          </Group>
        ))}
      </Stack>
    </Paper>
  );
}

function VersionsCard({ d }: { d: IncidentDetail }) {
  const { t } = useTranslation();
  const { tz } = useDesk();
  return (
    <Paper withBorder p="md">
      <Title order={4} mb="xs">
        {t('incidents.detail.versions')}
      </Title>
      <Table>
        <Table.Tbody>
          {d.versions.map((v) => (
            <Table.Tr key={v.version}>
              <Table.Td>
                <Badge variant="outline">{v.version}</Badge>
              </Table.Td>
              <Table.Td>{formatDateTime(v.at, tz)}</Table.Td>
              <Table.Td>{v.by}</Table.Td>
              <Table.Td className="dd-wrap">
                {t(`incidents.level.${v.fields.level}`)} · {casualtiesText(v.fields)}
                {v.reason ? ` · ${v.reason}` : ''}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}
