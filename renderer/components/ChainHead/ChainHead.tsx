/**
 * Console card: the audit chain head — seq, short hash and a QR code of the
 * full head — so anyone can note or photograph where the chain stood. Warns
 * when the computer's clock runs behind the newest entry (set back).
 */
import { ActionIcon, Alert, Anchor, Card, CopyButton, Group, Skeleton, Stack, Text, Tooltip } from '@mantine/core';
import { IconCheck, IconCopy, IconShieldCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useApiQuery } from '../../api';
import { useDesk, useHasRole } from '../../lib/desk-context';
import { formatDateTime } from '../../lib/format';
import { chainHeadQrText, shortHash } from '../../../shared/domain/audit-verify';
import type { ChainHeadInfo } from '../../../shared/contract/trust';
import { QrSvg } from './QrSvg';

export function ChainHead() {
  const { t } = useTranslation();
  const { tz } = useDesk();
  const canVerify = useHasRole('admin', 'leader');
  const q = useApiQuery('audit.head', {});
  if (!q.data) {
    return (
      <Card withBorder padding="md" data-testid="chain-head">
        <Skeleton height={96} />
      </Card>
    );
  }
  const h = q.data;
  const full = `${t('trust.head.seq', { seq: h.seq })} · ${h.hash}`;
  return (
    <Card withBorder padding="md" data-testid="chain-head">
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Stack gap={2}>
            <Group gap={6}>
              <IconShieldCheck size={18} aria-hidden />
              <Text fw={600}>{t('trust.head.title')}</Text>
            </Group>
            <Text size="lg" fw={700} data-testid="chain-head-seq">
              {h.seq > 0 ? t('trust.head.seq', { seq: h.seq }) : t('trust.head.empty')}
            </Text>
            <Group gap={4} wrap="nowrap">
              <Text ff="monospace" size="md" data-testid="chain-head-hash" title={h.hash}>
                {shortHash(h.hash)}
              </Text>
              <CopyButton value={full}>
                {({ copied, copy }) => (
                  <Tooltip label={copied ? t('common.copied') : t('trust.head.copy')}>
                    <ActionIcon variant="subtle" onClick={copy} aria-label={t('trust.head.copy')}>
                      {copied ? <IconCheck size={16} /> : <IconCopy size={16} />}
                    </ActionIcon>
                  </Tooltip>
                )}
              </CopyButton>
            </Group>
            {h.at && (
              <Text size="xs" c="dimmed">
                {formatDateTime(h.at, tz)}
              </Text>
            )}
            {canVerify && (
              <Anchor component={Link} to="/audit" size="sm">
                {t('trust.audit.verifyTitle')}
              </Anchor>
            )}
          </Stack>
          <QrSvg text={chainHeadQrText(h)} label={t('trust.head.qrLabel', { seq: h.seq, hash: shortHash(h.hash) })} />
        </Group>
        {h.clockBehind && (
          <Alert color="yellow" variant="light" data-testid="clock-behind">
            {t('trust.head.clockBehind')}
          </Alert>
        )}
      </Stack>
    </Card>
  );
}

/**
 * The chain head for printed pages (reports, handover records, rosters):
 * seq, the short hash and the QR code (which carries the full hash) — a
 * 64-character hash does not belong on an official document.
 */
export function ChainHeadStamp({ head }: { head: Pick<ChainHeadInfo, 'deskId' | 'seq' | 'hash'> }) {
  const { t } = useTranslation();
  return (
    <div className="dd-chain-stamp" data-testid="chain-head-stamp" style={{ display: 'flex', gap: 8, alignItems: 'center', fontSize: 10, flexShrink: 0, whiteSpace: 'nowrap' }}>
      <QrSvg text={chainHeadQrText(head)} size={56} label={t('trust.head.qrLabel', { seq: head.seq, hash: shortHash(head.hash) })} />
      <div>{t('trust.audit.printHead', { seq: head.seq, hash: shortHash(head.hash) })}</div>
    </div>
  );
}

/** Loads the head and renders the stamp (nothing until loaded). */
export function LiveChainHeadStamp() {
  const q = useApiQuery('audit.head', {});
  return q.data ? <ChainHeadStamp head={q.data} /> : null;
}
