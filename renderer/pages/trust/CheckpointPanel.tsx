/**
 * Export a signed checkpoint (admins) and list the ones issued.
 */
import { useState } from 'react';
import { Alert, Button, Code, Group, Stack, Table, Text } from '@mantine/core';
import { IconDownload, IconKey } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { call, useApiMutation, useApiQuery } from '../../api';
import { ReasonDialog } from '../../components/ReasonDialog/ReasonDialog';
import { useDesk, useHasRole } from '../../lib/desk-context';
import { formatDateTime } from '../../lib/format';
import { notifyError, notifySaved } from '../../lib/errors';
import { shortHash } from '../../../shared/domain/audit-verify';
import { downloadText } from './lib';

export function CheckpointPanel() {
  const { t } = useTranslation();
  const { tz } = useDesk();
  const isAdmin = useHasRole('admin');
  const head = useApiQuery('audit.head', {});
  const list = useApiQuery('audit.checkpoints', {});
  const create = useApiMutation('audit.checkpoint');
  const [rotating, setRotating] = useState(false);

  const exportCheckpoint = () =>
    create.mutate(
      {},
      {
        onSuccess: (cp) => {
          downloadText(`checkpoint-${cp.seq}-${cp.at.slice(0, 10)}.json`, `${JSON.stringify(cp, null, 2)}\n`, 'application/json');
          notifySaved(t('trust.checkpoint.created', { seq: cp.seq }));
        },
        onError: notifyError,
      },
    );

  return (
    <Stack gap="sm" data-testid="checkpoint-panel">
      <Text size="sm">{t('trust.checkpoint.intro')}</Text>
      <Text size="sm">
        {t('trust.checkpoint.fingerprint')}: {head.data?.keyFingerprint ? <Code data-testid="key-fingerprint">{head.data.keyFingerprint}</Code> : t('trust.checkpoint.noKey')}
      </Text>
      {isAdmin && (
        <Group gap="xs">
          <Button leftSection={<IconDownload size={16} />} onClick={exportCheckpoint} loading={create.isPending} w="fit-content" data-testid="export-checkpoint">
            {t('trust.checkpoint.create')}
          </Button>
          <Button variant="default" leftSection={<IconKey size={16} />} onClick={() => setRotating(true)} data-testid="rotate-key">
            {t('trust.checkpoint.rotate')}
          </Button>
        </Group>
      )}
      {rotating && <RotateKeyDialog onClose={() => setRotating(false)} />}
      {list.isError && <Alert color="red">{list.error.error.message}</Alert>}
      {list.data && list.data.length > 0 && (
        <Table striped withTableBorder aria-label={t('trust.checkpoint.list')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('trust.audit.columns.seq')}</Table.Th>
              <Table.Th>{t('trust.checkpoint.at')}</Table.Th>
              <Table.Th>{t('trust.audit.columns.hash')}</Table.Th>
              <Table.Th>{t('trust.checkpoint.by')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.data.map((c) => (
              <Table.Tr key={`${c.seq}-${c.at}`}>
                <Table.Td>{c.seq}</Table.Td>
                <Table.Td>{formatDateTime(c.at, tz)}</Table.Td>
                <Table.Td ff="monospace">{shortHash(c.hash)}</Table.Td>
                <Table.Td>{c.actor}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}

/** Replaces the signing key (admins, with a reason) and saves the first checkpoint signed by the new key. */
function RotateKeyDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <ReasonDialog
      title={t('trust.checkpoint.rotateTitle')}
      label={t('trust.checkpoint.rotateReason')}
      confirmLabel={t('trust.checkpoint.rotate')}
      confirmColor="red"
      onConfirm={async (reason) => {
        const cp = await call('audit.rotateKey', { reason });
        downloadText(`checkpoint-${cp.seq}-${cp.at.slice(0, 10)}.json`, `${JSON.stringify(cp, null, 2)}\n`, 'application/json');
        notifySaved(t('trust.checkpoint.rotated', { fingerprint: cp.keyFingerprint.slice(0, 16) }));
      }}
      onClose={onClose}
    >
      <Text size="sm">{t('trust.checkpoint.rotateHint')}</Text>
    </ReasonDialog>
  );
}
