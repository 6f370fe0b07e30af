/**
 * 值班大屏 — the duty room's screen, readable across the room, using all of it:
 * the clock, who is on duty today with their sign-in state and phones, the
 * handover and the daily report with their countdowns, the open incidents
 * with the next deadline of each and every escalation waiting, as live
 * countdowns; red when passed. It refreshes by push (every change, every
 * deadline passing); the one-minute poll is only the safety net.
 */
import type { CSSProperties, ReactNode } from 'react';
import { Badge, Box, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { AttendanceLine } from '../../../shared/contract/attendance';
import type { DueItem, IncidentSummary } from '../../../shared/contract';
import type { DutyPerson, DutyShift } from '../../../shared/contract/duty';
import { countdownParts } from '../../../shared/domain/deadline';
import { addDays } from '../../../shared/time';
import { useApiQuery } from '../../api';
import { dayTypeColor, stateColor } from '../../components/OnDuty/OnDutyCard';
import { useDesk, useNow } from '../../lib/desk-context';
import { dueLabel, dueSubject, isExhausted, shiftWords } from '../../lib/due-text';
import { formatClock, formatTime, localDate } from '../../lib/format';
import { levelBadgeColor, overdueColor } from '../../theme';

/** Sizes that scale with the screen: readable from across a room on 1366×768 as on 1920×1080. */
const fz = {
  clock: 'clamp(28px, 3.4vw, 64px)',
  title: 'clamp(22px, 2.2vw, 42px)',
  head: 'clamp(18px, 1.6vw, 30px)',
  name: 'clamp(30px, 3.3vw, 64px)',
  phone: 'clamp(20px, 1.9vw, 36px)',
  count: 'clamp(30px, 3.2vw, 60px)',
  tile: 'clamp(24px, 2.4vw, 46px)',
  line: 'clamp(18px, 1.55vw, 30px)',
  small: 'clamp(15px, 1.15vw, 22px)',
} as const;
const mono: CSSProperties = { fontFamily: 'var(--mantine-font-family-monospace)', fontVariantNumeric: 'tabular-nums' };
const refresh = { refetchInterval: 60_000 } as const;

function Panel({ title, children, testId, style }: { title: string; children: ReactNode; testId: string; style?: CSSProperties }) {
  return (
    <Paper withBorder radius="md" p="clamp(10px, 1.2vw, 24px)" data-testid={testId} style={{ display: 'flex', flexDirection: 'column', minHeight: 0, overflow: 'hidden', ...style }}>
      <Text fw={700} c="dimmed" style={{ fontSize: fz.head }} mb={6}>
        {title}
      </Text>
      {children}
    </Paper>
  );
}

/** "剩 1:23:45" or "超时 0:05:10", large and monospaced; red once passed. */
function Countdown({ dueAt, now, testId, size = fz.count }: { dueAt: string; now: number; testId?: string; size?: string }) {
  const { t } = useTranslation();
  const c = countdownParts(Date.parse(dueAt) - now);
  return (
    <Text fw={800} c={c.overdue ? overdueColor : undefined} style={{ ...mono, fontSize: size, lineHeight: 1.05, whiteSpace: 'nowrap' }} data-testid={testId} data-overdue={c.overdue ? 'true' : 'false'}>
      {c.overdue ? t('wallboard.overdue') : t('wallboard.left')} {c.text}
    </Text>
  );
}

function Person({ p, line }: { p: DutyPerson; line: AttendanceLine | undefined }) {
  const { t } = useTranslation();
  const { tz } = useDesk();
  const phone = p.mobile ?? p.officePhone;
  const state = line?.state ?? 'pending';
  return (
    <Group gap="md" wrap="nowrap" align="baseline" data-testid="wallboard-person">
      <Text fw={800} style={{ fontSize: fz.name, lineHeight: 1.1, whiteSpace: 'nowrap' }}>
        {p.name}
      </Text>
      {phone && (
        <Text fw={600} style={{ ...mono, fontSize: fz.phone, whiteSpace: 'nowrap' }}>
          {phone}
        </Text>
      )}
      <Badge size="xl" radius="sm" autoContrast color={stateColor[state]} style={{ fontSize: fz.small, height: 'auto', padding: '0.25em 0.6em', flexShrink: 0 }} data-testid="wallboard-signin">
        {t(`attendance.state.${state}`)}
        {line?.signInAt ? ` ${formatTime(line.signInAt, tz)}` : ''}
      </Badge>
    </Group>
  );
}

function RoleRow({ label, people, lines }: { label: string; people: DutyPerson[]; lines: AttendanceLine[] }) {
  const { t } = useTranslation();
  return (
    <Group gap="lg" wrap="nowrap" align="flex-start">
      <Text c="dimmed" fw={600} style={{ fontSize: fz.line, width: '4.5em', flexShrink: 0, paddingTop: '0.5em' }}>
        {label}
      </Text>
      <Stack gap={4} style={{ minWidth: 0 }}>
        {people.length === 0 && <Text style={{ fontSize: fz.line }}>{t('roster.duty.noDuty')}</Text>}
        {people.map((p) => (
          <Person key={p.personId} p={p} line={lines.find((l) => l.personId === p.personId)} />
        ))}
      </Stack>
    </Group>
  );
}

function Duty({ shift, lines }: { shift: DutyShift; lines: AttendanceLine[] }) {
  const { t } = useTranslation();
  const { tz } = useDesk();
  const covers = lines.filter((l) => l.role === null);
  return (
    <Stack gap="clamp(6px, 1.4vh, 20px)">
      <Text fw={700} style={{ fontSize: fz.line }}>
        {t('wallboard.shift', { name: shift.shiftName, from: formatTime(shift.start, tz), to: formatTime(shift.end, tz) })}
      </Text>
      <RoleRow label={t('roster.duty.leader')} people={shift.leader} lines={lines} />
      <RoleRow label={t('roster.duty.officers')} people={shift.officer} lines={lines} />
      <RoleRow label={t('roster.duty.standby')} people={shift.standby} lines={lines} />
      {covers.map((c) => (
        <Text key={c.personId} fw={700} c="grape.9" style={{ fontSize: fz.line }}>
          {t('attendance.state.covering')}{t('common.colon')}{c.name}
          {c.coveringName ? `${t('common.parenOpen')}${t('attendance.coveringFor', { name: c.coveringName })}${t('common.parenClose')}` : ''}
        </Text>
      ))}
    </Stack>
  );
}

/** A tile with one deadline: the handover or the daily report. */
function Tile({ title, sub, note, dueAt, now, red, testId, done }: { title: string; sub: string; note: string; dueAt: string | null; now: number; red: boolean; testId: string; done?: string }) {
  return (
    <Paper
      withBorder
      radius="md"
      p="clamp(10px, 1.2vw, 24px)"
      data-testid={testId}
      bg={red ? 'var(--mantine-color-red-light)' : undefined}
      style={{ borderColor: red ? 'var(--mantine-color-red-7)' : undefined, borderWidth: red ? 3 : undefined, minWidth: 0 }}
    >
      <Text fw={700} c="dimmed" style={{ fontSize: fz.head }}>
        {title}
      </Text>
      <Text fw={700} style={{ fontSize: fz.line }} className="dd-wrap">
        {sub}
      </Text>
      <Text fw={600} style={{ fontSize: fz.small }} className="dd-wrap">
        {note}
      </Text>
      {done ? (
        <Text fw={800} c="var(--dd-color-done)" style={{ fontSize: fz.tile }}>
          {done}
        </Text>
      ) : (
        dueAt && <Countdown dueAt={dueAt} now={now} size={fz.tile} testId={`${testId}-countdown`} />
      )}
    </Paper>
  );
}

function IncidentLine({ i, now }: { i: IncidentSummary; now: number }) {
  const { t } = useTranslation();
  const d = i.nextDeadline;
  return (
    <Group justify="space-between" wrap="nowrap" gap="md" data-testid="wallboard-incident">
      <Stack gap={0} style={{ minWidth: 0 }}>
        <Group gap="xs" wrap="nowrap">
          <Badge size="xl" radius="sm" color={levelBadgeColor[i.level]} autoContrast style={{ fontSize: fz.small, height: 'auto', padding: '0.2em 0.5em', flexShrink: 0 }}>
            {t(`incidents.level.${i.level}`)}
          </Badge>
          <Text fw={700} style={{ fontSize: fz.line, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>
            {i.title}
          </Text>
        </Group>
        <Text c="dimmed" style={{ fontSize: fz.small }}>
          {i.no} · {d ? t(`incidents.deadline.${d.kind}`) : t('wallboard.noDeadline')}
        </Text>
      </Stack>
      {d && <Countdown dueAt={d.dueAt} now={now} testId="wallboard-incident-countdown" />}
    </Group>
  );
}

function EscalationLine({ i, now }: { i: DueItem; now: number }) {
  const { t } = useTranslation();
  const red = i.overdue || isExhausted(i) || Date.parse(i.dueAt) <= now;
  return (
    <Group justify="space-between" wrap="nowrap" gap="md" data-testid="wallboard-due">
      <Stack gap={0} style={{ minWidth: 0 }}>
        <Text fw={700} c={red ? overdueColor : undefined} style={{ fontSize: fz.line }}>
          {dueLabel(t, i)}
        </Text>
        <Text c="dimmed" style={{ fontSize: fz.small, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>
          {dueSubject(t, i)}
        </Text>
      </Stack>
      <Countdown dueAt={i.dueAt} now={now} />
    </Group>
  );
}

export function WallboardPage() {
  const { t, i18n } = useTranslation();
  const { tz } = useDesk();
  const now = useNow(1000);
  const duty = useApiQuery('duty.now', {}, refresh);
  const att = useApiQuery('attendance.today', {}, refresh);
  const due = useApiQuery('due.list', {}, { ...refresh, staleTime: 0 });
  const today = localDate(now, tz);
  const reports = useApiQuery('dailyReport.list', { from: addDays(today, -1), to: addDays(today, 1) }, refresh);
  const d = duty.data;
  const shifts = d?.current ?? [];
  const items = due.data?.items ?? [];
  const incidents = due.data?.openIncidents ?? [];
  // Report deadlines show on each incident; the escalations (incidents') wait for an acknowledgement.
  const escalations = items.filter((i) => i.kind === 'escalation');
  const handover = items.find((i) => i.kind === 'handover');
  // The daily report: one passed and not sent stays red; else the next one due.
  const days = reports.data ?? [];
  const report = days.find((r) => r.state !== 'sent' && Date.parse(r.dueAt) <= now) ?? days.find((r) => Date.parse(r.dueAt) > now);
  const lang = i18n.language === 'en' ? 'en' : 'zh-CN';
  const maxIncidents = 5;
  const maxEscalations = 3;
  const stale = duty.isError || due.isError;

  return (
    <Box
      data-testid="wallboard"
      style={{ height: '100vh', display: 'grid', gridTemplateRows: 'auto minmax(0, 1fr) auto', gap: 'clamp(8px, 1.6vh, 24px)', padding: 'clamp(12px, 1.6vw, 32px)', overflow: 'hidden' }}
    >
      <Group justify="space-between" align="center" wrap="nowrap">
        <Group gap="lg" wrap="nowrap" style={{ minWidth: 0 }}>
          <Title order={1} style={{ fontSize: fz.title, whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' }}>
            {d?.unitName}
          </Title>
          {d && d.day.type !== 'workday' && (
            <Badge size="xl" color={dayTypeColor(d.day.type)} autoContrast style={{ fontSize: fz.small, height: 'auto', padding: '0.25em 0.6em' }}>
              {d.day.holidayName ?? t(`roster.dayTypes.${d.day.type}`)}
            </Badge>
          )}
        </Group>
        <Group gap="lg" wrap="nowrap">
          <Text fw={800} style={{ ...mono, fontSize: fz.clock, whiteSpace: 'nowrap' }} data-testid="wallboard-clock">
            {formatClock(now, tz, lang, true)}
          </Text>
          <Button component={Link} to="/console" variant="default" className="dd-no-print">
            {t('roster.duty.exit')}
          </Button>
        </Group>
      </Group>

      <Box style={{ display: 'grid', gridTemplateColumns: 'minmax(0, 5fr) minmax(0, 6fr)', gap: 'clamp(8px, 1.2vw, 24px)', minHeight: 0 }}>
        <Panel title={t('wallboard.today')} testId="wallboard-duty">
          <Stack gap="clamp(10px, 2.4vh, 36px)" style={{ minHeight: 0 }}>
            {d && shifts.length === 0 && <Text style={{ fontSize: fz.line }}>{t('roster.duty.nobody')}</Text>}
            {shifts.map((s) => (
              <Duty key={`${s.date}-${s.shiftId}`} shift={s} lines={att.data?.shifts.find((a) => a.dutyDate === s.date && a.shiftId === s.shiftId)?.lines ?? []} />
            ))}
          </Stack>
          <Box mt="auto" pt="md">
            <Text c="dimmed" fw={600} style={{ fontSize: fz.line }}>
              {t('roster.duty.dutyPhone')}
            </Text>
            <Text fw={800} style={{ ...mono, fontSize: fz.count }} data-testid="wallboard-phone">
              {d?.dutyPhone ?? '—'}
            </Text>
          </Box>
        </Panel>

        <Box style={{ display: 'grid', gridTemplateRows: 'auto minmax(0, 1fr)', gap: 'clamp(8px, 1.2vw, 24px)', minHeight: 0 }}>
          <Box style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 'clamp(8px, 1.2vw, 24px)' }}>
            <Tile
              testId="wallboard-handover"
              title={t('wallboard.handover')}
              now={now}
              red={!!handover && (handover.overdue || Date.parse(handover.dueAt) <= now)}
              sub={
                handover
                  ? `${handover.dutyDate}${shiftWords(handover.shiftName)} · ${t(`handover.state.${handover.state}`)}`
                  : d?.handoverAt
                    ? t('wallboard.handoverAt', { time: formatTime(d.handoverAt, tz) })
                    : '—'
              }
              note={handover ? dueLabel(t, handover) : ''}
              dueAt={handover ? handover.dueAt : (d?.handoverAt ?? null)}
            />
            <Tile
              testId="wallboard-report"
              title={t('wallboard.dailyReport')}
              now={now}
              red={!!report && report.state !== 'sent' && Date.parse(report.dueAt) <= now}
              sub={report ? `${report.date} · ${t('wallboard.reportDue', { time: formatTime(report.dueAt, tz) })}` : '—'}
              note={report ? `${report.kind ? t(`reports.kind.${report.kind}`) : t('reports.kind.daily')} · ${t(`reports.state.${report.state}`)}` : ''}
              dueAt={report?.dueAt ?? null}
              {...(report?.state === 'sent' ? { done: t('wallboard.reportSent') } : {})}
            />
          </Box>
          <Panel title={t('wallboard.incidents')} testId="wallboard-incidents">
            <Stack gap="clamp(6px, 1.4vh, 18px)" style={{ minHeight: 0 }}>
              {escalations.slice(0, maxEscalations).map((i) => (
                <EscalationLine key={i.id} i={i} now={now} />
              ))}
              {incidents.length === 0 && escalations.length === 0 && (
                <Text c="dimmed" style={{ fontSize: fz.line }}>
                  {t('wallboard.noIncidents')}
                </Text>
              )}
              {incidents.slice(0, maxIncidents).map((i) => (
                <IncidentLine key={i.id} i={i} now={now} />
              ))}
              {incidents.length + escalations.length > maxIncidents + Math.min(escalations.length, maxEscalations) && (
                <Text c="dimmed" style={{ fontSize: fz.small }}>
                  {t('wallboard.more', { n: Math.max(0, incidents.length - maxIncidents) + Math.max(0, escalations.length - maxEscalations) })}
                </Text>
              )}
            </Stack>
          </Panel>
        </Box>
      </Box>

      <Group justify="space-between" wrap="nowrap" style={{ fontSize: fz.small }}>
        <Group gap="xl" wrap="nowrap" style={{ minWidth: 0 }}>
          {d?.next && (
            <Text style={{ fontSize: fz.small }} className="dd-wrap">
              {t('roster.duty.next')}{t('common.parenOpen')}{d.next.date.slice(5)} {formatTime(d.next.start, tz)}{t('common.parenClose')}{t('common.colon')}{[...d.next.leader, ...d.next.officer].map((p) => p.name).join(t('common.listComma')) || '—'}
            </Text>
          )}
          {d?.fax && (
            <Text style={{ fontSize: fz.small }}>
              {t('wallboard.fax')} <span style={mono}>{d.fax}</span>
            </Text>
          )}
        </Group>
        <Text c={stale ? overdueColor : 'dimmed'} fw={stale ? 700 : undefined} style={{ fontSize: fz.small }}>
          {stale ? t('wallboard.offline', { time: formatTime(due.dataUpdatedAt || now, tz) }) : t('wallboard.pushed')}
        </Text>
      </Group>
    </Box>
  );
}
