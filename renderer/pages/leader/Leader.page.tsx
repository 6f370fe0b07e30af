/**
 * 带班领导: one screen for the leader on duty — who is on duty tonight and
 * whether they signed in, what happened since the shift began, every
 * deadline, and everything waiting for the leader: alerts to acknowledge,
 * incidents without a 批示 (given here, under the leader's own name), daily
 * reports to review, handover objections, instructions being followed up.
 */
import { useState } from 'react';
import { Badge, Button, Group, Modal, Paper, SimpleGrid, Stack, Text, Textarea, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { IncidentSummary } from '../../../shared/contract';
import { levelColor } from '../../../shared/domain/incident';
import { useApiMutation, useApiQuery } from '../../api';
import { AcknowledgeHandover } from '../../components/DutyDay/AcknowledgeHandover';
import { InstructionLine } from '../../components/DutyDay/FollowUp';
import { useDesk, useHasRole } from '../../lib/desk-context';
import { dueLabel, dueLink, dueSubject, handoverLink, shiftWords } from '../../lib/due-text';
import { errorTextWithField, notifySaved } from '../../lib/errors';
import { formatDate, formatDateTime, formatTime } from '../../lib/format';
import { instructionColor, neutralColor, overdueColor } from '../../theme';

function Instruct({ incident, onClose }: { incident: IncidentSummary; onClose: () => void }) {
  const { t } = useTranslation();
  const m = useApiMutation('leader.instruct');
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  return (
    <Modal opened onClose={onClose} title={`${t('leader.instruct')} · ${incident.no} ${incident.title}`}>
      <Stack>
        <Textarea label={t('leader.instructText')} value={text} onChange={(e) => setText(e.currentTarget.value)} autosize minRows={3} data-autofocus />
        {error && (
          <Text c={overdueColor} size="sm" role="alert">
            {error}
          </Text>
        )}
        <Button
          loading={m.isPending}
          onClick={() =>
            m.mutate(
              { incidentId: incident.id, text },
              {
                onSuccess: () => {
                  notifySaved(t('leader.instructed'));
                  onClose();
                },
                onError: (e) => setError(errorTextWithField(t, e)),
              },
            )
          }
        >
          {t('leader.instruct')}
        </Button>
      </Stack>
    </Modal>
  );
}

function Section({ title, children, testId }: { title: string; children: React.ReactNode; testId?: string }) {
  return (
    <Paper withBorder p="md" data-testid={testId}>
      <Title order={2} size="h4" mb="xs">
        {title}
      </Title>
      {children}
    </Paper>
  );
}

export function LeaderPage() {
  const { t } = useTranslation();
  const { tz } = useDesk();
  const isLeader = useHasRole('leader');
  const q = useApiQuery('leader.desk', {}, { refetchInterval: 60_000 });
  const [instructing, setInstructing] = useState<IncidentSummary | null>(null);
  const d = q.data;
  if (!d) return null;
  const nothing = <Text c="dimmed" size="sm">{t('leader.nothing')}</Text>;
  return (
    <Stack gap="md" data-testid="leader-page">
      <Title order={1} size="h2">
        {t('leader.title')}
      </Title>
      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        <Stack gap="md">
          <Section title={`${t('leader.tonight')} · ${d.dutyDate}`} testId="leader-tonight">
            {d.attendance.length === 0 && nothing}
            {d.attendance.map((s) => (
              <Group key={`${s.dutyDate}-${s.shiftId}`} gap="md">
                {s.lines.map((l) => (
                  <Text key={l.personId} size="sm">
                    {l.role ? t(`roster.roles.${l.role}`) : t('attendance.state.covering')} {l.name}{' '}
                    <Badge size="sm" variant="outline" color={neutralColor}>
                      {t(`attendance.state.${l.state}`)}
                      {l.signInAt ? ` ${formatTime(l.signInAt, tz)}` : ''}
                    </Badge>
                  </Text>
                ))}
              </Group>
            ))}
          </Section>
          <Section title={d.shiftStart ? t('leader.since', { time: formatDateTime(d.shiftStart, tz) }) : t('leader.entries')} testId="leader-log">
            {d.entries.length === 0 && nothing}
            <Stack gap={2}>
              {d.entries.map((e) => (
                <Text key={e.id} size="sm" className="dd-wrap">
                  {formatTime(e.occurredAt, tz)} {t(`log.kind.${e.kind}`)} {e.summary}
                  {e.instruction ? ` · ${t('log.instruction')}${t('common.colon')}${e.instruction}` : ''}
                </Text>
              ))}
            </Stack>
          </Section>
          <Section title={t('leader.due')}>
            {d.due.length === 0 && nothing}
            {d.due.map((i) => (
              <Text key={i.id} size="sm" c={i.overdue ? overdueColor : undefined} component={Link} to={dueLink(i)} display="block">
                {/* A deadline of another day (an old one still overdue, tomorrow's) carries its date. */}
                {formatDate(i.dueAt, tz) === formatDate(d.now, tz) ? formatTime(i.dueAt, tz) : formatDateTime(i.dueAt, tz)} {dueLabel(t, i)} · {dueSubject(t, i)}
              </Text>
            ))}
          </Section>
        </Stack>
        <Stack gap="md">
          <Section title={t('leader.waiting')} testId="leader-waiting">
            <Stack gap="sm">
              <Text fw={600} size="sm">
                {t('leader.escalations')}
              </Text>
              {d.waiting.escalations.length === 0 && nothing}
              {d.waiting.escalations.map((i) => (
                <Group key={i.id} justify="space-between" wrap="nowrap">
                  <Text size="sm" c={overdueColor} component={Link} to={dueLink(i)} className="dd-wrap">
                    {dueLabel(t, i)} · {dueSubject(t, i)}
                  </Text>
                  {isLeader && i.kind === 'handover' && <AcknowledgeHandover dutyDate={i.dutyDate} shiftId={i.shiftId} label={dueSubject(t, i)} />}
                </Group>
              ))}
              <Text fw={600} size="sm">
                {t('leader.toInstruct')}
              </Text>
              {d.incidents.length === 0 && nothing}
              {d.incidents.map((i) => (
                <Group key={i.id} justify="space-between" wrap="nowrap">
                  <Text size="sm" component={Link} to={`/incidents/${i.id}`} className="dd-wrap">
                    <Badge size="xs" color={levelColor[i.level]} autoContrast mr={4}>
                      {t(`incidents.level.${i.level}`)}
                    </Badge>
                    {i.no} {i.title}
                    {i.lastInstruction ? ` · ${i.lastInstruction}` : ''}
                  </Text>
                  {isLeader && (
                    <Button size="compact-sm" onClick={() => setInstructing(i)}>
                      {t('leader.instruct')}
                    </Button>
                  )}
                </Group>
              ))}
              <Text fw={600} size="sm">
                {t('leader.reportsToReview')}
              </Text>
              {d.waiting.reportsToReview.length === 0 && nothing}
              {d.waiting.reportsToReview.map((r) => (
                <Text key={r.id} size="sm" component={Link} to={`/reports?date=${r.reportDate}`}>
                  {t(`reports.kind.${r.kind}`)} {r.reportDate} · {t('reports.dueAt')} {formatDateTime(r.dueAt, tz)}
                </Text>
              ))}
              <Text fw={600} size="sm">
                {t('leader.objections')}
              </Text>
              {d.waiting.objections.length === 0 && nothing}
              {d.waiting.objections.map((o) => (
                <Text key={`${o.dutyDate}-${o.shiftId}`} size="sm" c={instructionColor} component={Link} to={handoverLink(o.dutyDate, o.shiftId)}>
                  {o.dutyDate}
                  {shiftWords(o.shiftName)} {o.by}{t('reports.punct.colon')}{o.note}
                </Text>
              ))}
            </Stack>
          </Section>
          <Section title={t('leader.instructions')} testId="leader-instructions">
            {d.waiting.instructions.length === 0 && nothing}
            <Stack gap="xs">
              {d.waiting.instructions.map((i) => (
                <InstructionLine key={i.id} i={i} />
              ))}
            </Stack>
          </Section>
        </Stack>
      </SimpleGrid>
      {instructing && <Instruct incident={instructing} onClose={() => setInstructing(null)} />}
    </Stack>
  );
}
