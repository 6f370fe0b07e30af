/**
 * 设置 → 上级汇总: enrol this desk at its superior office's hub with the
 * address and one-time code the hub gave, see the link state, sync now, or
 * leave the hub (with a reason); the daily report rules the hub prescribed
 * and where they came from.
 */
import { useState } from 'react';
import { Alert, Badge, Button, Card, Group, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { IconPlugConnected, IconRefresh } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { call, queryClient, useApiQuery } from '../../api';
import { ReasonDialog } from '../../components/ReasonDialog/ReasonDialog';
import { useDesk, useHasRole } from '../../lib/desk-context';
import { errorText, fieldErrors, notifyError, notifySaved } from '../../lib/errors';
import type { UplinkStatus } from '../../../shared/contract/uplink';
import { formatDateTime } from '../../lib/format';
import { rulesText, UplinkLine } from '../console/HubPanel';
import type { SettingsPanel } from './TrustPanels';

/** The report rules applied from the hub: the values, their source, whether still in force. */
function PrescribedCard() {
  const { t } = useTranslation();
  const { tz } = useDesk();
  const q = useApiQuery('uplink.prescribed', {});
  if (q.data === undefined) return null;
  const p = q.data;
  return (
    <Card withBorder data-testid="uplink-prescribed">
      <Stack gap="xs">
        <Title order={2} size="h4">
          {t('uplink.settings.prescribedTitle')}
        </Title>
        {!p ? (
          <Text size="sm" c="dimmed">
            {t('uplink.settings.prescribedNone')}
          </Text>
        ) : (
          <>
            <Group gap="xs">
              <Text fw={600}>{rulesText(t, p)}</Text>
              <Badge color={p.inForce ? '#1e6b30' : '#a34700'} variant="filled">
                {p.inForce ? t('uplink.settings.prescribedInForce') : t('uplink.settings.prescribedNotInForce')}
              </Badge>
            </Group>
            {p.zeroWording && (
              <Text size="sm" className="dd-wrap">
                {t('uplink.inbox.rulesZero', { text: p.zeroWording })}
              </Text>
            )}
            <Text size="sm" c="dimmed">
              {t('uplink.settings.prescribedFrom', { from: p.from, title: p.title, by: p.appliedBy, at: formatDateTime(p.appliedAt, tz) })}
            </Text>
          </>
        )}
      </Stack>
    </Card>
  );
}

/** The hub's CA certificate or pinned fingerprint, for a hub with the district's own certificate. */
function TlsFields({ caPem, pin, onCaPem, onPin, errors }: { caPem: string; pin: string; onCaPem: (v: string) => void; onPin: (v: string) => void; errors: Record<string, string> }) {
  const { t } = useTranslation();
  return (
    <>
      <Textarea label={t('uplink.settings.caPem')} description={t('uplink.settings.caPemHint')} value={caPem} onChange={(e) => onCaPem(e.currentTarget.value)} error={errors.caPem} autosize minRows={2} maxRows={8} styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }} />
      <TextInput label={t('uplink.settings.pin')} description={t('uplink.settings.pinHint')} value={pin} onChange={(e) => onPin(e.currentTarget.value)} error={errors.pin} autoComplete="off" styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }} />
    </>
  );
}

function TlsCard({ status }: { status: UplinkStatus }) {
  const { t } = useTranslation();
  const { tz } = useDesk();
  const isAdmin = useHasRole('admin');
  const [caPem, setCaPem] = useState('');
  const [pin, setPin] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const save = async () => {
    setErrors({});
    setError(null);
    try {
      await call('uplink.setTls', { caPem: caPem.trim() || null, pin: pin.trim() || null });
      setCaPem('');
      setPin('');
      notifySaved();
      await queryClient.invalidateQueries();
    } catch (e) {
      setErrors(fieldErrors(t, e));
      setError(errorText(t, e));
    }
  };
  const cur = status.tls;
  return (
    <Card withBorder data-testid="uplink-tls">
      <Stack gap="xs">
        <Title order={2} size="h4">
          {t('uplink.settings.tlsTitle')}
        </Title>
        <Text size="sm">{t('uplink.settings.tlsIntro')}</Text>
        <Text size="sm" fw={600} data-testid="uplink-tls-current" className="dd-wrap">
          {cur.ca
            ? t('uplink.settings.tlsCa', { subject: cur.ca.subject, until: cur.ca.validTo ? formatDateTime(cur.ca.validTo, tz) : '?' })
            : cur.pin
              ? t('uplink.settings.tlsPin', { pin: cur.pin })
              : t('uplink.settings.tlsNone')}
        </Text>
        {isAdmin && (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              void save();
            }}
          >
            <Stack gap="xs">
              <TlsFields caPem={caPem} pin={pin} onCaPem={setCaPem} onPin={setPin} errors={errors} />
              {error && !Object.keys(errors).length && <Alert color="red">{error}</Alert>}
              <Group>
                <Button type="submit" variant="light" data-testid="uplink-tls-save">
                  {t('uplink.settings.tlsSave')}
                </Button>
              </Group>
            </Stack>
          </form>
        )}
      </Stack>
    </Card>
  );
}

function UplinkSettings() {
  const { t } = useTranslation();
  const { tz } = useDesk();
  const isAdmin = useHasRole('admin');
  const status = useApiQuery('uplink.status', {}, { refetchInterval: 10_000 });
  const [hubUrl, setHubUrl] = useState('');
  const [code, setCode] = useState('');
  const [caPem, setCaPem] = useState('');
  const [pin, setPin] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [leaving, setLeaving] = useState(false);
  const s = status.data;
  if (!s) return null;

  const enrol = async () => {
    setBusy(true);
    setError(null);
    setErrors({});
    try {
      const tls = caPem.trim() || pin.trim() ? { caPem: caPem.trim() || null, pin: pin.trim() || null } : {};
      await call('uplink.enrol', { hubUrl: hubUrl.trim(), code: code.trim(), ...tls });
      setCode('');
      await queryClient.invalidateQueries();
    } catch (e) {
      setErrors(fieldErrors(t, e));
      setError(errorText(t, e));
    } finally {
      setBusy(false);
    }
  };
  const syncNow = async () => {
    try {
      await call('uplink.syncNow', {});
      await queryClient.invalidateQueries();
    } catch (e) {
      notifyError(e);
    }
  };

  return (
    <Stack maw={720}>
      <Text size="sm">{t('uplink.settings.intro')}</Text>
      <Card withBorder>
        <Stack gap="xs">
          <Title order={2} size="h4">
            {t('uplink.linkLabel')}
          </Title>
          <UplinkLine status={s} />
          {s.enrolled && (
            <>
              <Text size="sm" data-testid="uplink-enrolled">
                {t('uplink.settings.enrolled', { url: s.hubUrl, at: s.enrolledAt ? formatDateTime(s.enrolledAt, tz) : '' })}
              </Text>
              <Text size="sm" c="dimmed">
                {s.lastOkAt ? t('uplink.settings.lastOk', { at: formatDateTime(s.lastOkAt, tz) }) : t('uplink.settings.never')} ·{' '}
                {t('uplink.settings.progress', { acked: s.ackedSeq, head: s.headSeq })}
              </Text>
              {s.error && s.state === 'refused' && (
                <Alert color="red" data-testid="uplink-error">
                  {s.error.code.startsWith('CERT_') ? s.error.message : t('uplink.settings.hubSaid', { message: s.error.message })}
                </Alert>
              )}
              <Group>
                <Button variant="light" leftSection={<IconRefresh size={16} />} onClick={() => void syncNow()}>
                  {t('uplink.settings.syncNow')}
                </Button>
                {isAdmin && (
                  <Button variant="default" color="red" onClick={() => setLeaving(true)}>
                    {t('uplink.settings.unenrol')}
                  </Button>
                )}
              </Group>
            </>
          )}
        </Stack>
      </Card>
      {s.enrolled && <PrescribedCard />}
      {(s.enrolled || s.tls.ca || s.tls.pin) && <TlsCard status={s} />}
      {isAdmin && !s.enrolled && (
        <Card withBorder>
          <form
            onSubmit={(e) => {
              e.preventDefault();
              void enrol();
            }}
          >
            <Stack>
              <TextInput label={t('uplink.settings.hubUrl')} description={t('uplink.settings.hubUrlHint')} value={hubUrl} onChange={(e) => setHubUrl(e.currentTarget.value)} error={errors.hubUrl} required />
              <TextInput label={t('uplink.settings.code')} description={t('uplink.settings.codeHint')} value={code} onChange={(e) => setCode(e.currentTarget.value)} error={errors.code} required autoComplete="off" />
              {hubUrl.trim().startsWith('https:') && <TlsFields caPem={caPem} pin={pin} onCaPem={setCaPem} onPin={setPin} errors={errors} />}
              {error && (
                <Alert color="red" data-testid="uplink-enrol-error">
                  {error}
                </Alert>
              )}
              <Group>
                <Button type="submit" loading={busy} leftSection={<IconPlugConnected size={16} />}>
                  {t('uplink.settings.enrol')}
                </Button>
              </Group>
            </Stack>
          </form>
        </Card>
      )}
      {leaving && (
        <ReasonDialog
          title={t('uplink.settings.unenrolTitle')}
          label={t('common.reason')}
          confirmLabel={t('uplink.settings.unenrol')}
          confirmColor="red"
          onConfirm={(reason) => call('uplink.unenrol', { reason }).then(() => queryClient.invalidateQueries())}
          onClose={() => setLeaving(false)}
        >
          <Text size="sm">{t('uplink.settings.unenrolIntro')}</Text>
        </ReasonDialog>
      )}
    </Stack>
  );
}

export const uplinkPanels: SettingsPanel[] = [{ value: 'uplink', labelKey: 'uplink.settings.tab', render: () => <UplinkSettings /> }];
