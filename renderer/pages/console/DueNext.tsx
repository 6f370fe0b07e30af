/**
 * Console: every running countdown, soonest first — report deadlines,
 * escalations waiting for acknowledgement, the registers' deadlines (信访,
 * 督办事项, 来文) — then the open incidents with
 * their latest leader instruction. Overdue stays red and listed until dealt
 * with. The alarm itself (beep, notification, the red bar on other pages)
 * is the shell's AlarmWatcher; here each event can be silenced.
 */
import { ActionIcon, Badge, Group, Paper, Stack, Text, Title, Tooltip } from '@mantine/core';
import { IconBell, IconBellOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { RegisterDueItem } from '../../../shared/contract';
import type { TFunction } from 'i18next';
import { countdownParts } from '../../../shared/domain/deadline';
import { useDesk } from '../../lib/desk-context';
import { formatDate, formatDateTime } from '../../lib/format';
import { silence } from '../../components/Alarm/alarm';
import { alarming, useAlarm } from '../../components/Alarm/useAlarm';
import { dueLabel, dueLink, dueSubject, dueTarget, dueWhen, isExhausted } from '../../lib/due-text';
import { instructionColor, levelBadgeColor, overdueColor } from '../../theme';

const registerPaths = { petition: '/petitions', ledger: '/ledger', document: '/documents' } as const;
const registerLink = (i: RegisterDueItem): string => `${registerPaths[i.register]}/${i.recordId}`;

/** A register's deadline as its last day (信访, 督办: a date) or its time (来文: an instant). */
function registerDue(i: RegisterDueItem, tz: string, t: TFunction): string {
  if (i.register === 'document') return formatDateTime(i.dueAt, tz);
  // Day deadlines end at the midnight closing their last day: show that day.
  return t('registers.lastDay', { date: formatDate(Date.parse(i.dueAt) - 1, tz) });
}

/** Register deadlines run in days: "3天4小时" above a day, the clock below it. */
function registerCountdown(ms: number, t: TFunction): { overdue: boolean; text: string } {
  const abs = Math.abs(ms);
  if (abs < 86_400_000) return countdownParts(ms);
  return { overdue: ms < 0, text: t('registers.days', { d: Math.floor(abs / 86_400_000), h: Math.floor((abs % 86_400_000) / 3_600_000) }) };
}

export function DueNext() {
  const { t } = useTranslation();
  const { tz } = useDesk();
  // The shell's AlarmWatcher rings and notifies; this list shows and silences.
  const { query: q, now, items, muted } = useAlarm();

  return (
    <Paper withBorder p="md" data-testid="due-next">
      <Title order={4} mb="xs">
        {t('due.title')}
      </Title>
      {items.length === 0 && <Text c="dimmed">{t('due.empty')}</Text>}
      <Stack gap={6}>
        {items.map((i) => {
          const ms = Date.parse(i.dueAt) - now;
          const c = i.kind === 'register' ? registerCountdown(ms, t) : countdownParts(ms);
          const overdue = c.overdue || isExhausted(i) || (i.kind === 'handover' && i.overdue);
          const target = dueTarget(i);
          const isMuted = muted.has(i.id);
          return (
            <Paper
              key={i.id}
              p="xs"
              withBorder
              bg={overdue ? 'var(--mantine-color-red-light)' : undefined}
              style={{ borderColor: overdue ? 'var(--mantine-color-red-6)' : undefined }}
              data-testid="due-item"
              data-overdue={overdue ? 'true' : 'false'}
            >
              <Group justify="space-between" wrap="nowrap" align="flex-start">
                <Stack gap={0} style={{ minWidth: 0 }}>
                  <Text size="sm" fw={600}>
                    {dueLabel(t, i)}
                  </Text>
                  {i.kind === 'register' ? (
                    <Text size="sm" className="dd-wrap" component={Link} to={registerLink(i)} data-testid="due-register">
                      <Badge size="xs" color={overdue ? 'red.8' : 'gray'} variant={overdue ? 'filled' : 'light'} mr={4}>
                        {t(`registers.register.${i.register}`)}
                      </Badge>
                      {i.no} {i.title}
                    </Text>
                  ) : (
                    <Text size="sm" className="dd-wrap" component={Link} to={dueLink(i)}>
                      {(i.kind === 'report' || i.kind === 'escalation') && (
                        <Badge size="xs" color={levelBadgeColor[i.level]} autoContrast mr={4}>
                          {t(`incidents.level.${i.level}`)}
                        </Badge>
                      )}
                      {dueSubject(t, i)}
                    </Text>
                  )}
                  {target && (
                    <Text size="xs" c="dimmed">
                      {target.name ?? t('incidents.detail.unresolved')} {target.phone ?? ''}
                    </Text>
                  )}
                  {target?.fallback && (
                    <Text size="xs" c={overdueColor} className="dd-wrap" data-testid="due-fallback">
                      {t(`escalation.fallback.${target.fallback}`)}
                    </Text>
                  )}
                  <Text size="xs" c="dimmed">
                    {i.kind === 'register' ? registerDue(i, tz, t) : dueWhen(i.dueAt, now, tz)}
                  </Text>
                </Stack>
                <Stack gap={2} align="flex-end">
                  <Text ff="monospace" fw={700} size="lg" c={overdue ? overdueColor : undefined} data-testid="due-countdown">
                    {overdue ? t('due.overdue', { t: c.text }) : t('due.left', { t: c.text })}
                  </Text>
                  {(alarming(i, now) || (overdue && i.kind !== 'register')) && (
                    <Tooltip label={isMuted ? t('due.silenced') : t('due.silence')}>
                      <ActionIcon
                        variant="subtle"
                        color={isMuted ? 'gray' : 'red'}
                        aria-label={isMuted ? t('due.silenced') : t('due.silence')}
                        disabled={isMuted}
                        onClick={() => silence(i.id)}
                      >
                        {isMuted ? <IconBellOff size={18} /> : <IconBell size={18} />}
                      </ActionIcon>
                    </Tooltip>
                  )}
                </Stack>
              </Group>
            </Paper>
          );
        })}
      </Stack>
      {(q.data?.openIncidents.length ?? 0) > 0 && (
        <>
          <Title order={5} mt="md" mb={4}>
            {t('due.openIncidents')}
          </Title>
          <Stack gap={4} data-testid="open-incidents">
            {q.data!.openIncidents.slice(0, 8).map((o) => (
              <Stack key={o.id} gap={0}>
                <Text size="sm" component={Link} to={`/incidents/${o.id}`} className="dd-wrap">
                  <Badge size="xs" color={levelBadgeColor[o.level]} autoContrast mr={4}>
                    {t(`incidents.level.${o.level}`)}
                  </Badge>
                  {o.no} {o.title}
                </Text>
                {o.lastInstruction && (
                  <Text size="xs" c={instructionColor} className="dd-wrap" data-testid="console-instruction">
                    {t('due.latestInstruction')}
                    {t('common.colon')}
                    {o.lastInstruction}
                  </Text>
                )}
              </Stack>
            ))}
          </Stack>
        </>
      )}
    </Paper>
  );
}
