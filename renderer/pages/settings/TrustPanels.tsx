/**
 * Settings tabs of the trust work: audit and checkpoints, backups and
 * restore, integrity check.
 */
import { Alert, Anchor, Badge, Button, Card, Group, List, NumberInput, Stack, Switch, Table, Text, TextInput, Title } from '@mantine/core';
import { IconDatabaseExport, IconRestore, IconShieldCheck } from '@tabler/icons-react';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { call, useApiMutation, useApiQuery } from '../../api';
import { ReasonDialog } from '../../components/ReasonDialog/ReasonDialog';
import { useDesk, useHasRole } from '../../lib/desk-context';
import { formatDateTime } from '../../lib/format';
import { notifyError, notifySaved } from '../../lib/errors';
import type { IntegrityResult } from '../../../shared/contract/trust';
import { shortHash } from '../../../shared/domain/audit-verify';
import { CheckpointPanel } from '../trust/CheckpointPanel';
import { VerifyPanel } from '../trust/VerifyPanel';
import { formatBytes, problemText } from '../trust/lib';
import type { BackupInfo, BackupSettings } from "../../../shared/contract/backup";

export interface SettingsPanel {
  value: string;
  labelKey: string;
  render: () => React.ReactNode;
}

function RoleGate({ roles, children }: { roles: string[]; children: ReactNode }) {
  const { t } = useTranslation();
  return useHasRole(...roles) ? <>{children}</> : <Alert color="yellow">{t('errors.FORBIDDEN')}</Alert>;
}

function AuditSettings() {
  const { t } = useTranslation();
  return (
    <Stack>
      <Card withBorder>
        <Title order={2} size="h4" mb="xs">
          {t('trust.audit.verifyTitle')}
        </Title>
        <VerifyPanel />
        <Anchor component={Link} to="/audit" size="sm" mt="sm">
          {t('trust.audit.title')} →
        </Anchor>
      </Card>
      <Card withBorder>
        <Title order={2} size="h4" mb="xs">
          {t('trust.checkpoint.title')}
        </Title>
        <CheckpointPanel />
      </Card>
    </Stack>
  );
}

function BackupSettingsForm({ settings }: { settings: BackupSettings }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(settings);
  useEffect(() => setDraft(settings), [settings]);
  const save = useApiMutation('backup.updateSettings');
  const submit = () =>
    save.mutate(
      { secondFolder: draft.secondFolder?.trim() ? draft.secondFolder.trim() : null, hourly: draft.hourly, keepHourly: draft.keepHourly, keepDaily: draft.keepDaily },
      { onSuccess: () => notifySaved(), onError: notifyError },
    );
  return (
    <Stack gap="sm" maw={560}>
      <TextInput
        label={t('trust.backup.secondFolder')}
        value={draft.secondFolder ?? ''}
        onChange={(e) => setDraft({ ...draft, secondFolder: e.currentTarget.value })}
        maxLength={400}
        data-testid="backup-second-folder"
      />
      <Switch label={t('trust.backup.hourly')} checked={draft.hourly} onChange={(e) => setDraft({ ...draft, hourly: e.currentTarget.checked })} />
      <Group grow>
        <NumberInput label={t('trust.backup.keepHourly')} min={1} max={1000} value={draft.keepHourly} onChange={(v) => setDraft({ ...draft, keepHourly: Number(v) || 1 })} />
        <NumberInput label={t('trust.backup.keepDaily')} min={1} max={3650} value={draft.keepDaily} onChange={(v) => setDraft({ ...draft, keepDaily: Number(v) || 1 })} />
      </Group>
      <Button onClick={submit} loading={save.isPending} w="fit-content">
        {t('common.save')}
      </Button>
    </Stack>
  );
}

function RestoreDialog({ backup, onClose }: { backup: BackupInfo | null; onClose: () => void }) {
  const { t } = useTranslation();
  if (!backup) return null;
  return (
    <ReasonDialog
      key={`${backup.folder}/${backup.fileName}`}
      title={t('trust.backup.restoreTitle')}
      label={t('trust.backup.restoreReason')}
      confirmLabel={t('trust.backup.restoreConfirm')}
      confirmColor="orange"
      confirmIcon={<IconRestore size={16} />}
      size="lg"
      testId="restore"
      onConfirm={async (reason) => {
        // A restore replaces the whole store: the call refreshes every cached query (lib/query-entities.ts).
        const r = await call('backup.restore', { fileName: backup.fileName, folder: backup.folder, reason });
        notifySaved(t('trust.backup.restored', { file: r.restored.fileName, safety: r.safetyBackup?.fileName ?? '—' }));
      }}
      onClose={onClose}
    >
      <Alert color="orange">{t('trust.backup.restoreWarn')}</Alert>
      <Text size="sm">
        {backup.fileName} · {formatBytes(backup.size)}
      </Text>
    </ReasonDialog>
  );
}

function BackupsPanel() {
  const { t } = useTranslation();
  const { tz } = useDesk();
  const q = useApiQuery('backup.status', {});
  const create = useApiMutation('backup.create');
  const [restoring, setRestoring] = useState<BackupInfo | null>(null);
  return (
    <Stack data-testid="backups-panel">
      <Text size="sm">{t('trust.backup.intro')}</Text>
      <Button
        leftSection={<IconDatabaseExport size={16} />}
        w="fit-content"
        loading={create.isPending}
        onClick={() => create.mutate({}, { onSuccess: (b) => notifySaved(t('trust.backup.created', { file: b.fileName })), onError: notifyError })}
        data-testid="backup-now"
      >
        {t('trust.backup.create')}
      </Button>
      {q.isError && <Alert color="red">{q.error.error.message}</Alert>}
      {q.data?.secondFolderReachable === false && <Alert color="yellow">{t('trust.backup.secondUnreachable')}</Alert>}
      {q.data && q.data.backups.length === 0 && <Text>{t('trust.backup.none')}</Text>}
      {q.data && q.data.backups.length > 0 && (
        <Table.ScrollContainer minWidth={720}>
          <Table striped withTableBorder aria-label={t('trust.backup.list')} data-testid="backup-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('trust.backup.time')}</Table.Th>
                <Table.Th>{t('trust.backup.reason')}</Table.Th>
                <Table.Th>{t('trust.backup.folder')}</Table.Th>
                <Table.Th>{t('trust.backup.size')}</Table.Th>
                <Table.Th>{t('trust.backup.head')}</Table.Th>
                <Table.Th>{t('trust.backup.check')}</Table.Th>
                <Table.Th>{t('common.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {q.data.backups.map((b) => (
                <Table.Tr key={`${b.folder}/${b.fileName}`}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }} title={b.fileName}>
                    {formatDateTime(b.createdAt, tz)}
                  </Table.Td>
                  <Table.Td>{t(`trust.backup.reasons.${b.reason}`)}</Table.Td>
                  <Table.Td>{t(`trust.backup.${b.folder}`)}</Table.Td>
                  <Table.Td>{formatBytes(b.size)}</Table.Td>
                  <Table.Td ff="monospace">{b.headSeq !== null && b.headHash ? `${b.headSeq} · ${shortHash(b.headHash)}` : '—'}</Table.Td>
                  <Table.Td>{b.quickCheck === 'ok' ? <Badge color="green">ok</Badge> : <Badge color="gray">{b.quickCheck ?? '—'}</Badge>}</Table.Td>
                  <Table.Td>
                    <Button size="xs" variant="light" color="orange" onClick={() => setRestoring(b)} aria-label={`${t('trust.backup.restore')} ${b.fileName}`}>
                      {t('trust.backup.restore')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {q.data && (
        <Card withBorder>
          <Title order={2} size="h4" mb="xs">
            {t('trust.backup.settings')}
          </Title>
          <BackupSettingsForm settings={q.data.settings} />
        </Card>
      )}
      <RestoreDialog backup={restoring} onClose={() => setRestoring(null)} />
    </Stack>
  );
}

function IntegrityView({ r }: { r: IntegrityResult }) {
  const { t } = useTranslation();
  const { tz } = useDesk();
  const at = formatDateTime(r.at, tz);
  return (
    <Alert color={r.ok ? 'green' : 'red'} data-testid="integrity-result">
      <Text fw={600}>{r.ok ? t('trust.integrity.ok', { at, kind: t(`trust.integrity.kinds.${r.kind}`) }) : t('trust.integrity.bad', { at })}</Text>
      <List size="sm" mt="xs">
        <List.Item>
          {t('trust.integrity.structure')}: {r.integrity.join('; ')}
        </List.Item>
        <List.Item>
          {t('trust.integrity.foreignKeys')}: {r.foreignKeys.length === 0 ? 'ok' : t('trust.integrity.fkProblems', { count: r.foreignKeys.length })}
        </List.Item>
        <List.Item>
          {t('trust.integrity.chain')}: {r.chainOk ? 'ok' : r.chainProblem ? problemText(t, r.chainProblem) : '—'}
        </List.Item>
        {r.records && (
          <List.Item data-testid="integrity-records">
            {t('trust.integrity.records')}:{' '}
            {r.records.ok ? t('trust.integrity.recordsOk', { count: r.records.records }) : t('trust.integrity.recordsBad', { count: r.records.mismatches.length + r.records.more })}
            {!r.records.ok && (
              <List size="sm" withPadding>
                {r.records.mismatches.map((m, i) => (
                  <List.Item key={i}>
                    {t(`trust.integrity.mismatch.${m.kind}`, { table: `${t(`trust.integrity.tables.${m.table}`, { defaultValue: m.table })}${t('common.parenOpen')}${m.table}${t('common.parenClose')}`, id: m.id, field: m.field, expected: m.expected ?? '—', actual: m.actual ?? '—', seq: m.seq ?? '—' })}
                  </List.Item>
                ))}
              </List>
            )}
          </List.Item>
        )}
      </List>
    </Alert>
  );
}

function IntegrityPanel() {
  const { t } = useTranslation();
  const q = useApiQuery('integrity.latest', {});
  const run = useApiMutation('integrity.run');
  return (
    <Stack data-testid="integrity-panel">
      <Text size="sm">{t('trust.integrity.intro')}</Text>
      <Button leftSection={<IconShieldCheck size={16} />} w="fit-content" loading={run.isPending} onClick={() => run.mutate({}, { onError: notifyError })} data-testid="integrity-run">
        {run.isPending ? t('trust.integrity.running') : t('trust.integrity.run')}
      </Button>
      {q.data === null && <Text>{t('trust.integrity.never')}</Text>}
      {q.data && <IntegrityView r={q.data} />}
    </Stack>
  );
}

export const trustPanels: SettingsPanel[] = [
  { value: 'trust-audit', labelKey: 'trust.panels.audit', render: () => <RoleGate roles={['admin', 'leader']}><AuditSettings /></RoleGate> },
  { value: 'trust-backups', labelKey: 'trust.panels.backups', render: () => <RoleGate roles={['admin']}><BackupsPanel /></RoleGate> },
  { value: 'trust-integrity', labelKey: 'trust.panels.integrity', render: () => <RoleGate roles={['admin']}><IntegrityPanel /></RoleGate> },
];
