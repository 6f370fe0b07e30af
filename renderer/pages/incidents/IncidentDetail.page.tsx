/**
 * One incident: facts and grade, deadlines, the report chain, escalation,
 * leader instructions, attachments, the timeline of everything, versions.
 *
 * The page holds the header (level, status moves) and the dialogs; each card
 * is its own file in this folder.
 */
import { useState } from 'react';
import { Alert, Badge, Button, Grid, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { call, useApiQuery } from '../../api';
import type { IncidentDetail } from '../../../shared/contract';
import { levelColor, type IncidentStatus, type ReportKind } from '../../../shared/domain/incident';
import { useHasRole } from '../../lib/desk-context';
import { errorText } from '../../lib/errors';
import { IncidentForm } from './IncidentForm';
import { ReportForm } from './ReportForm';
import { EscalationPanel } from './EscalationPanel';
import { AttachmentsPanel } from './AttachmentsPanel';
import { OverviewCard } from './OverviewCard';
import { ReportsCard } from './ReportsCard';
import { DeadlineDriftAlert } from './DeadlineDriftAlert';
import { TimelineCard } from './TimelineCard';
import { InstructionsCard } from './InstructionsCard';
import { VersionsCard } from './VersionsCard';
import { LevelDialog } from './LevelDialog';
import { ReopenDialog } from './ReopenDialog';

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
      {d.deadlineDrift && <DeadlineDriftAlert incidentId={inc.id} drift={d.deadlineDrift} />}
      {error && <Alert color="red">{error}</Alert>}

      <Grid>
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Stack>
            <OverviewCard inc={inc} />
            <ReportsCard d={d} onFile={setFiling} />
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
