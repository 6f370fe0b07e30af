/**
 * 值班台 — one screen for the night-shift officer, top to bottom:
 * now (who is on duty), due next, the log box, tonight's timeline.
 */
import { Grid, Group, Paper, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import { IconPhone, IconPrinter } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../api';
import { OnDutyCard } from '../../components/OnDuty/OnDutyCard';
import { DueNext } from './DueNext';
import { MyItems } from './MyItems';
import { LogBox } from './LogBox';
import { Timeline } from './Timeline';
import { ChainHead } from '../../components/ChainHead/ChainHead';
import { CopyNumber } from '../../components/CopyNumber/CopyNumber';
import { CarryOverCard, ResponsibilityBanner } from '../../components/DutyDay/CarryOver';
import { HubChecks, HubPanel } from './HubPanel';

function DeskCard() {
  const { t } = useTranslation();
  const desk = useApiQuery('desk.get', {});
  if (!desk.data) return null;
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h4" className="dd-wrap">
        {desk.data.unitName}
      </Title>
      <Group gap="lg" mt="xs">
        <Group gap={4}>
          <IconPhone size={16} />
          <Text size="sm">{t('desk.dutyPhone')}</Text>
          {desk.data.dutyPhone ? <CopyNumber value={desk.data.dutyPhone} size="lg" /> : <Text c="dimmed">—</Text>}
        </Group>
        <Group gap={4}>
          <IconPrinter size={16} />
          <Text size="sm">{t('desk.fax')}</Text>
          {desk.data.fax ? <CopyNumber value={desk.data.fax} /> : <Text c="dimmed">—</Text>}
        </Group>
      </Group>
    </Paper>
  );
}

export function ConsolePage() {
  const { t } = useTranslation();
  return (
    <Stack gap="md" data-testid="console">
      <VisuallyHidden>
        <h1>{t('nav.console')}</h1>
      </VisuallyHidden>
      <HubChecks />
      <Grid>
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <Stack gap="md">
            <ResponsibilityBanner />
            <OnDutyCard />
            <LogBox />
            <Timeline />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <Stack gap="md">
            <HubPanel />
            <DeskCard />
            <MyItems />
            <DueNext />
            <CarryOverCard />
            <ChainHead />
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
