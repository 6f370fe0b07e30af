/**
 * Verify the audit chain, optionally against a signed checkpoint file.
 */
import { Alert, Button, FileButton, Group, List, Stack, Text } from '@mantine/core';
import { IconFileCertificate, IconShieldCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call, type ApiCallError } from '../../api';
import { errorText } from '../../lib/errors';
import { useDesk } from '../../lib/desk-context';
import { formatDateTime } from '../../lib/format';
import type { AuditVerifyResult } from '../../../shared/contract/trust';
import { shortHash } from '../../../shared/domain/audit-verify';
import { problemText } from './lib';

export function VerifyPanel() {
  const { t } = useTranslation();
  const { tz } = useDesk();
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<AuditVerifyResult | null>(null);
  const [error, setError] = useState<string | null>(null);

  const verify = async () => {
    setBusy(true);
    setError(null);
    setResult(null);
    try {
      const checkpoint = file ? await file.text() : undefined;
      setResult(await call('audit.verify', checkpoint ? { checkpoint } : {}));
    } catch (e) {
      setError(errorText(t, e as ApiCallError));
    } finally {
      setBusy(false);
    }
  };

  const cp = result?.checkpoint ?? null;
  return (
    <Stack gap="sm" data-testid="verify-panel">
      <Text size="sm">{t('trust.audit.verifyIntro')}</Text>
      <Group>
        <FileButton onChange={setFile} accept="application/json,.json">
          {(props) => (
            <Button variant="default" leftSection={<IconFileCertificate size={16} />} {...props} data-testid="checkpoint-file">
              {file ? file.name : t('trust.audit.checkpointPlaceholder')}
            </Button>
          )}
        </FileButton>
        <Button leftSection={<IconShieldCheck size={16} />} onClick={() => void verify()} loading={busy} data-testid="verify-button">
          {busy ? t('trust.audit.verifying') : t('trust.audit.verify')}
        </Button>
      </Group>
      {error && (
        <Alert color="red" role="alert">
          {error}
        </Alert>
      )}
      {result && (
        <Alert color={result.ok ? 'green' : 'red'} title={result.ok ? undefined : t('trust.audit.bad')} data-testid="verify-result" role="status">
          <Stack gap={4}>
            {result.ok ? (
              <Text>{t('trust.audit.ok', { rows: result.rows, seq: result.headSeq })}</Text>
            ) : result.problem ? (
              <Text fw={600}>{problemText(t, result.problem)}</Text>
            ) : null}
            {cp && (
              <List size="sm">
                {!cp.signatureValid && <List.Item>{t('trust.audit.checkpointBadSignature')}</List.Item>}
                {cp.signatureValid && !cp.sameDesk && <List.Item>{t('trust.audit.checkpointOtherDesk')}</List.Item>}
                {cp.signatureValid && !cp.keyKnown && <List.Item>{t('trust.audit.checkpointUnknownKey')}</List.Item>}
                {cp.signatureValid && cp.sameDesk && result.ok && <List.Item>{t('trust.audit.checkpointOk', { seq: cp.seq, at: formatDateTime(cp.at, tz) })}</List.Item>}
              </List>
            )}
            <Text size="xs" c="dimmed">
              {t('trust.head.seq', { seq: result.headSeq })} · {shortHash(result.headHash)} · {t('trust.audit.duration', { seconds: (result.durationMs / 1000).toFixed(2) })}
            </Text>
          </Stack>
        </Alert>
      )}
    </Stack>
  );
}
