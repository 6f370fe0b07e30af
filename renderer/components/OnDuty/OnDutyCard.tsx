/**
 * Console card: who is on duty now — leader, officers, standby with phones —
 * the duty phone, time to handover and who is next; the user's own duty
 * tomorrow and roster notices (swap requests and approvals).
 */
import { Alert, Badge, Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconBell, IconDeviceTv } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useApiMutation, useApiQuery } from '../../api';
import { useDesk, useHasRole, useNow } from '../../lib/desk-context';
import { formatTime } from '../../lib/format';
import { CopyNumber } from '../CopyNumber/CopyNumber';
import type { DayType } from '../../../shared/domain/calendar';
import type { DutyPerson } from "../../../shared/contract/duty";
import type { AttendanceLine } from '../../../shared/contract/attendance';
import type { AttendanceState } from '../../../shared/domain/attendance';
import { SignInButton } from '../DutyDay/SignIn';

export const dayTypeColor = (t: DayType): string => ({ holiday: 'red', weekend: 'orange', makeup: 'grape', workday: 'gray' })[t];

export const stateColor: Record<AttendanceState, string> = {
  normal: 'teal.9',
  onDuty: 'teal.9',
  late: 'orange.5',
  earlyLeave: 'orange.5',
  lateAndEarly: 'orange.5',
  absent: 'red.9',
  leave: 'gray.7',
  covering: 'grape.9',
  pending: 'gray.7',
};

function PersonLine({ p, line }: { p: DutyPerson; line: AttendanceLine | undefined }) {
  const { t } = useTranslation();
  const { tz } = useDesk();
  const phone = p.mobile ?? p.officePhone;
  return (
    <Group gap="xs" style={{ rowGap: 2 }}>
      {/* A name never breaks between its characters; the phone and the state wrap under it instead. */}
      <Text fw={700} size="lg" style={{ whiteSpace: 'nowrap' }}>
        {p.name}
      </Text>
      {phone && <CopyNumber value={phone} />}
      {line && (
        <Badge size="sm" autoContrast color={stateColor[line.state]} data-testid="attendance-state">
          {t(`attendance.state.${line.state}`)}
          {line.signInAt ? ` ${formatTime(line.signInAt, tz)}` : ''}
        </Badge>
      )}
      {line?.coveredBy && (
        <Text size="xs" c="grape.9">
          {t('attendance.coveredBy', { name: line.coveredBy })}
        </Text>
      )}
    </Group>
  );
}

function RoleBlock({ label, people, lines }: { label: string; people: DutyPerson[]; lines: AttendanceLine[] }) {
  const { t } = useTranslation();
  return (
    <Stack gap={2}>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      {people.length ? people.map((p) => <PersonLine key={p.personId} p={p} line={lines.find((l) => l.personId === p.personId)} />) : <Text c="dimmed">{t('roster.duty.noDuty')}</Text>}
    </Stack>
  );
}

function Notices() {
  const { t } = useTranslation();
  const mine = useApiQuery('duty.mine', {}, { refetchInterval: 60_000 });
  const ack = useApiMutation('duty.ackNotice');
  const roles = t('roster.roles', { returnObjects: true }) as Record<string, string>;
  const unread = mine.data?.notices.filter((n) => !n.readAt) ?? [];
  const tomorrow = mine.data?.tomorrow;
  if (!tomorrow && unread.length === 0) return null;
  return (
    <Stack gap="xs" data-testid="duty-notices">
      {tomorrow && (
        <Alert color="blue" icon={<IconBell size={16} />} p="xs">
          {t('roster.duty.tomorrowMine', { shift: tomorrow.shiftName, role: roles[tomorrow.role] })}
        </Alert>
      )}
      {unread.map((n) => (
        <Alert key={n.id} color={n.kind === 'swapRejected' ? 'orange' : 'teal'} icon={<IconBell size={16} />} p="xs">
          <Group justify="space-between" wrap="nowrap">
            <Text size="sm">{t(`roster.notices.${n.kind}`, n.params)}</Text>
            <Button size="compact-xs" variant="light" onClick={() => ack.mutate({ id: n.id })}>
              {t('roster.notices.markRead')}
            </Button>
          </Group>
        </Alert>
      ))}
    </Stack>
  );
}

export function OnDutyCard() {
  const { t } = useTranslation();
  const { tz } = useDesk();
  const now = useNow(15_000);
  const q = useApiQuery('duty.now', {}, { refetchInterval: 60_000 });
  const d = q.data;
  const cur = d?.current[0];
  const att = useApiQuery('attendance.today', {}, { refetchInterval: 60_000 });
  const lines = att.data?.shifts.find((s) => cur && s.dutyDate === cur.date && s.shiftId === cur.shiftId)?.lines ?? [];
  const covers = lines.filter((l) => l.role === null);
  const left = d?.handoverAt ? Math.max(0, Date.parse(d.handoverAt) - now) : null;
  return (
    <Paper withBorder p="md" data-testid="on-duty-card">
      <Group justify="space-between" mb="sm">
        <Group gap="xs">
          <Title order={2} size="h4">
            {t('roster.duty.now')}
          </Title>
          {d && d.day.type !== 'workday' && (
            <Badge color={dayTypeColor(d.day.type)} variant="light">
              {d.day.holidayName ?? t(`roster.dayTypes.${d.day.type}`)}
            </Badge>
          )}
        </Group>
        <Button component={Link} to="/wallboard" size="compact-sm" variant="subtle" leftSection={<IconDeviceTv size={14} />}>
          {t('roster.wallboard')}
        </Button>
      </Group>
      {d && !cur && <NextSteps />}
      {cur && (
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
          <RoleBlock label={t('roster.duty.leader')} people={cur.leader} lines={lines} />
          <RoleBlock label={t('roster.duty.officers')} people={cur.officer} lines={lines} />
          <RoleBlock label={t('roster.duty.standby')} people={cur.standby} lines={lines} />
        </SimpleGrid>
      )}
      {covers.map((c) => (
        <Text key={c.personId} size="sm" c="grape.9" mt={4} data-testid="attendance-cover">
          {t('attendance.state.covering')}
          {t('common.colon')}
          {c.name}
          {c.coveringName ? `${t('common.parenOpen')}${t('attendance.coveringFor', { name: c.coveringName })}${t('common.parenClose')}` : ''}
        </Text>
      ))}
      <Group mt="sm">
        <SignInButton />
      </Group>
      {d && (
        <Group mt="sm" gap="lg">
          {left !== null && d.handoverAt && (
            <Text size="sm" data-testid="handover-countdown">
              {t('roster.duty.handover')} {t('roster.duty.minutes', { h: Math.floor(left / 3_600_000), m: Math.floor((left % 3_600_000) / 60_000) })}
              {t('common.parenOpen')}
              {t('roster.duty.handoverAt', { time: formatTime(d.handoverAt, tz) })}
              {t('common.parenClose')}
            </Text>
          )}
          {d.next && (
            <Text size="sm" c="dimmed">
              {t('roster.duty.next')}
              {t('common.colon')}
              {d.next.date.slice(5)} {formatTime(d.next.start, tz)}
              {t('common.gap')}
              {[...d.next.leader, ...d.next.officer].map((p) => p.name).join(t('common.listComma'))}
            </Text>
          )}
        </Group>
      )}
      <Stack mt="sm">
        <Notices />
      </Stack>
    </Paper>
  );
}

/**
 * What to do when no published roster covers now: on a new desk, the next
 * steps (people and their logins, then a roster), not only "nobody".
 */
function NextSteps() {
  const { t } = useTranslation();
  const isAdmin = useHasRole('admin');
  return (
    <Stack gap={4} data-testid="next-steps">
      <Text c="dimmed">{t('roster.duty.nobody')}</Text>
      {isAdmin ? (
        <>
          <Text size="sm" fw={600}>
            {t('roster.duty.nextSteps')}
          </Text>
          <Text size="sm">
            1. {t('roster.duty.stepPeople')}{' '}
            <Button component={Link} to="/directory" size="compact-xs" variant="light">
              {t('roster.duty.goDirectory')}
            </Button>
          </Text>
          <Text size="sm">
            2. {t('roster.duty.stepRoster')}{' '}
            <Button component={Link} to="/roster" size="compact-xs" variant="light">
              {t('roster.duty.goRoster')}
            </Button>
          </Text>
        </>
      ) : (
        <Text size="sm">{t('roster.duty.askAdmin')}</Text>
      )}
    </Stack>
  );
}
