/**
 * 值班大屏 — full-screen wallboard for the duty room: who is on duty in large
 * type, phones, time to handover, the next shift; refreshes every 30 seconds.
 */
import { Badge, Box, Button, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useApiQuery } from '../../api';
import { useDesk, useNow } from '../../lib/desk-context';
import { formatClock, formatTime } from '../../lib/format';
import { dayTypeColor } from '../../components/OnDuty/OnDutyCard';
import type { DutyPerson } from "../../../shared/contract/duty";

function Big({ label, people }: { label: string; people: DutyPerson[] }) {
  const { t } = useTranslation();
  return (
    <Stack gap={4}>
      <Text size="xl" c="dimmed">
        {label}
      </Text>
      {people.length === 0 && <Text fz={40}>{t('roster.duty.noDuty')}</Text>}
      {people.map((p) => (
        <Box key={p.personId}>
          <Text fz={56} fw={700} lh={1.1}>
            {p.name}
          </Text>
          <Text fz={32} ff="monospace">
            {p.mobile ?? p.officePhone ?? ''}
          </Text>
        </Box>
      ))}
    </Stack>
  );
}

export function WallboardPage() {
  const { t, i18n } = useTranslation();
  const { tz } = useDesk();
  const now = useNow(1000);
  const q = useApiQuery('duty.now', {}, { refetchInterval: 30_000 });
  const d = q.data;
  const cur = d?.current[0];
  const left = d?.handoverAt ? Math.max(0, Date.parse(d.handoverAt) - now) : null;
  return (
    <Box p="xl" mih="100vh" data-testid="wallboard">
      <Group justify="space-between" align="flex-start">
        <Stack gap={0}>
          <Title order={1} fz={44}>
            {d?.unitName}
          </Title>
          <Text fz={32} data-testid="wallboard-clock">
            {formatClock(now, tz, i18n.language === 'en' ? 'en' : 'zh-CN', true)}
          </Text>
          {d?.day.holidayName && (
            <Badge size="xl" color={dayTypeColor(d.day.type)} mt="xs">
              {d.day.holidayName}
            </Badge>
          )}
        </Stack>
        <Button component={Link} to="/console" variant="subtle" className="dd-no-print">
          {t('roster.duty.exit')}
        </Button>
      </Group>
      {d && !cur && (
        <Text fz={40} mt="xl">
          {t('roster.duty.nobody')}
        </Text>
      )}
      {cur && (
        <SimpleGrid cols={3} mt={48} spacing={48}>
          <Big label={t('roster.duty.leader')} people={cur.leader} />
          <Big label={t('roster.duty.officers')} people={cur.officer} />
          <Big label={t('roster.duty.standby')} people={cur.standby} />
        </SimpleGrid>
      )}
      <Group mt={64} gap={64}>
        <Stack gap={0}>
          <Text size="xl" c="dimmed">
            {t('roster.duty.dutyPhone')}
          </Text>
          <Text fz={48} ff="monospace" fw={700}>
            {d?.dutyPhone ?? '—'}
          </Text>
        </Stack>
        {left !== null && d?.handoverAt && (
          <Stack gap={0}>
            <Text size="xl" c="dimmed">
              {t('roster.duty.handover')}（{formatTime(d.handoverAt, tz)}）
            </Text>
            <Text fz={48} ff="monospace" fw={700}>
              {t('roster.duty.minutes', { h: Math.floor(left / 3_600_000), m: Math.floor((left % 3_600_000) / 60_000) })}
            </Text>
          </Stack>
        )}
        {d?.next && (
          <Stack gap={0}>
            <Text size="xl" c="dimmed">
              {t('roster.duty.next')}（{d.next.date.slice(5)} {formatTime(d.next.start, tz)}）
            </Text>
            <Text fz={40}>{[...d.next.leader, ...d.next.officer].map((p) => p.name).join('　')}</Text>
          </Stack>
        )}
      </Group>
      <Text c="dimmed" mt="xl">
        {t('roster.duty.refreshEvery')}
      </Text>
    </Box>
  );
}
