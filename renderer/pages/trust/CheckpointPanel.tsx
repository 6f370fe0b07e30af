/**
 * Export a signed checkpoint (admins) and list the ones issued.
 */
import { useState } from 'react';
import { Alert, Button, Code, Group, Modal, Stack, Table, Text, Textarea } from '@mantine/core';
import { IconDownload, IconKey } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useApiMutation, useApiQuery } from '../../api';
import { useDesk, useHasRole } from '../../lib/desk-context';
import { formatDateTime } from '../../lib/format';
import { errorText, notifyError, notifySaved } from '../../lib/errors';
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
  const [reason, setReason] = useState('');
  const rotate = useApiMutation('audit.rotateKey');
  return (
    <Modal opened onClose={onClose} title={t('trust.checkpoint.rotateTitle')}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          rotate.mutate(
            { reason: reason.trim() },
            {
              onSuccess: (cp) => {
                downloadText(`checkpoint-${cp.seq}-${cp.at.slice(0, 10)}.json`, `${JSON.stringify(cp, null, 2)}\n`, 'application/json');
                notifySaved(t('trust.checkpoint.rotated', { fingerprint: cp.keyFingerprint.slice(0, 16) }));
                onClose();
              },
            },
          );
        }}
      >
        <Stack>
          <Text size="sm">{t('trust.checkpoint.rotateHint')}</Text>
          <Textarea label={t('trust.checkpoint.rotateReason')} required autosize minRows={2} value={reason} onChange={(e) => setReason(e.currentTarget.value)} data-autofocus />
          {rotate.error && (
            <Text c="red" role="alert">
              {errorText(t, rotate.error)}
            </Text>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" color="red" disabled={!reason.trim()} loading={rotate.isPending}>
              {t('trust.checkpoint.rotate')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
