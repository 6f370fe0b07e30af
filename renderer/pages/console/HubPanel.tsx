/**
 * Console: the link to the hub (已连接 / 离线 since … / N 条待上报) and what
 * the hub sent down — a presence check (上级查岗) rings and stays at the top
 * until the officer on duty answers 在岗; notices stay until read; a holiday
 * notice and the report rules the hub prescribes wait for the admin's
 * confirmation.
 */
import { useState } from 'react';
import { Alert, Badge, Button, Group, Modal, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { IconAlarm, IconCalendarEvent, IconCheck, IconClockHour5, IconCloud, IconCloudOff, IconMail } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { call, queryClient, useApiQuery } from '../../api';
import type { InboxItem, PrescribedValues, UplinkStatus } from '../../../shared/contract/uplink';
import { formatMinutes } from '../../../shared/time';
import type { TFunction } from 'i18next';
import { useDesk, useHasRole, useNow } from '../../lib/desk-context';
import { formatDateTime } from '../../lib/format';
import { errorText, notifyError } from '../../lib/errors';
import { ReasonDialog } from '../../components/ReasonDialog/ReasonDialog';
import { useOpenChecks } from '../../components/Alarm/HubCheckWatcher';

// Filled dark shades with white text: ≥ 4.5:1 (WCAG AA) in both themes; the word is always there too.
const stateColor: Record<UplinkStatus['state'], string> = { off: '#495057', connecting: '#0d56b3', connected: '#1e6b30', offline: '#a34700', refused: '#b3261e' };

/** 已连接 · 全部已上报 / 离线（自 …）· N 条待上报 / 被上级拒收 — one line, for the console and settings. */
export function UplinkLine({ status }: { status: UplinkStatus }) {
  const { t } = useTranslation();
  const { tz } = useDesk();
  const Icon = status.state === 'connected' ? IconCloud : IconCloudOff;
  return (
    <Group gap="xs" data-testid="uplink-state" data-state={status.state}>
      <Icon size={18} aria-hidden />
      <Badge color={stateColor[status.state]} variant="filled" size="lg">
        {status.state === 'offline' && status.offlineSince
          ? t('uplink.state.offline', { since: formatDateTime(status.offlineSince, tz) })
          : status.state === 'refused' && status.error?.code.startsWith('CERT_')
            ? t('uplink.state.certificate')
            : t(`uplink.state.${status.state}`)}
      </Badge>
      {status.enrolled && (
        <Text size="sm" c={status.pending > 0 ? '#a34700' : 'dimmed'} fw={status.pending > 0 ? 700 : undefined} data-testid="uplink-pending">
          {status.pending > 0 ? t('uplink.pending', { n: status.pending }) : t('uplink.allSent')}
        </Text>
      )}
    </Group>
  );
}

const refresh = (): Promise<void> => queryClient.invalidateQueries();

function CheckAlert({ item, now }: { item: InboxItem; now: number }) {
  const { t } = useTranslation();
  const { tz } = useDesk();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const left = item.dueAt ? Math.ceil((Date.parse(item.dueAt) - now) / 1000) : null;
  const answer = async () => {
    setBusy(true);
    setError(null);
    try {
      await call('uplink.answerCheck', { id: item.id });
      await refresh();
    } catch (e) {
      setError(errorText(t, e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Alert color="red" variant="filled" icon={<IconAlarm size={28} />} title={t('uplink.inbox.check')} data-testid="hub-check" role="alert">
      <Stack gap="xs">
        <Text size="sm">
          {t('uplink.inbox.from', { from: item.from, at: formatDateTime(item.sentAt, tz) })} ·{' '}
          {left !== null && left > 0 ? t('uplink.inbox.dueIn', { seconds: left }) : t('uplink.inbox.overdue', { limit: item.limitSeconds })}
        </Text>
        <Group>
          <Button size="lg" color="white" variant="white" c="#b3261e" leftSection={<IconCheck />} loading={busy} onClick={() => void answer()} data-testid="hub-check-answer">
            {t('uplink.inbox.answer')}
          </Button>
          <Text size="sm">{t('uplink.inbox.answerHint')}</Text>
        </Group>
        {error && (
          <Text size="sm" fw={700} data-testid="hub-check-error">
            {error}
          </Text>
        )}
      </Stack>
    </Alert>
  );
}

function HolidayApply({ item, onClose }: { item: InboxItem; onClose: () => void }) {
  const { t } = useTranslation();
  const preview = useApiQuery('uplink.previewHoliday', { id: item.id });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const days = preview.data?.days ?? [];
  const apply = async () => {
    setBusy(true);
    try {
      await call('uplink.applyHoliday', { id: item.id });
      await refresh();
      onClose();
    } catch (e) {
      setError(errorText(t, e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal opened onClose={onClose} title={t('uplink.inbox.applyTitle', { year: item.year })} size="lg">
      <Stack>
        <Text size="sm">{t('uplink.inbox.applyIntro')}</Text>
        <Text fw={600}>{item.title}</Text>
        <Group gap="xs">
          <Badge color="#b3261e" variant="filled">
            {t('uplink.inbox.holidays', { n: days.filter((d) => d.type === 'holiday').length })}
          </Badge>
          <Badge color="#0d56b3" variant="filled">
            {t('uplink.inbox.makeups', { n: days.filter((d) => d.type === 'makeup').length })}
          </Badge>
        </Group>
        {preview.data && preview.data.problems.length > 0 && <Alert color="orange">{t('uplink.inbox.problems', { problems: preview.data.problems.join(t('common.listSep')) })}</Alert>}
        <Table.ScrollContainer minWidth={300} mah={300}>
          <Table striped data-testid="holiday-preview">
            <Table.Tbody>
              {days.map((d) => (
                <Table.Tr key={d.date}>
                  <Table.Td>{d.date}</Table.Td>
                  <Table.Td>{d.name}</Table.Td>
                  <Table.Td>{t(d.type === 'holiday' ? 'uplink.inbox.dayHoliday' : 'uplink.inbox.dayMakeup')}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        {error && <Alert color="red">{error}</Alert>}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button onClick={() => void apply()} loading={busy} disabled={days.length === 0} data-testid="holiday-apply">
            {t('uplink.inbox.apply')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** "每日 17:00 前报送前 24 小时情况" / "每个值班日交接班时报送". */
export const rulesText = (t: TFunction, r: PrescribedValues): string =>
  r.mode === 'clock' ? t('uplink.inbox.rulesByClock', { at: formatMinutes(r.cutoffMinutes) }) : t('uplink.inbox.rulesByHandover');

function RulesApply({ item, onClose }: { item: InboxItem; onClose: () => void }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const apply = async () => {
    setBusy(true);
    try {
      await call('uplink.applyReportRules', { id: item.id });
      await refresh();
      onClose();
    } catch (e) {
      setError(errorText(t, e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal opened onClose={onClose} title={t('uplink.inbox.rulesApplyTitle')} size="lg">
      <Stack>
        <Text size="sm">{t('uplink.inbox.rulesApplyIntro')}</Text>
        <Text fw={600}>{item.title}</Text>
        {item.rules && <Text data-testid="rules-preview">{rulesText(t, item.rules)}</Text>}
        {item.rules?.zeroWording && (
          <Text size="sm" className="dd-wrap">
            {t('uplink.inbox.rulesZero', { text: item.rules.zeroWording })}
          </Text>
        )}
        {error && <Alert color="red">{error}</Alert>}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button onClick={() => void apply()} loading={busy} data-testid="rules-apply">
            {t('uplink.inbox.rulesApply')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function ItemRow({ item }: { item: InboxItem }) {
  const { t } = useTranslation();
  const { tz } = useDesk();
  const isAdmin = useHasRole('admin');
  const [applying, setApplying] = useState(false);
  const [declining, setDeclining] = useState(false);
  const Icon = item.kind === 'holiday' ? IconCalendarEvent : item.kind === 'reportRules' ? IconClockHour5 : IconMail;
  return (
    <Paper withBorder p="sm" data-testid={`hub-${item.kind}`}>
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <Stack gap={2} style={{ minWidth: 0 }}>
          <Group gap="xs">
            <Icon size={16} aria-hidden />
            <Badge size="sm" variant="light">
              {t(`uplink.inbox.${item.kind}`)}
            </Badge>
            <Text fw={600} className="dd-wrap">
              {item.title}
            </Text>
          </Group>
          <Text size="xs" c="dimmed">
            {t('uplink.inbox.from', { from: item.from, at: formatDateTime(item.sentAt, tz) })}
          </Text>
          {item.kind === 'reportRules' && item.rules && <Text size="sm">{rulesText(t, item.rules)}</Text>}
          {item.kind === 'notice' && item.body && (
            <Text size="sm" className="dd-wrap" style={{ whiteSpace: 'pre-wrap' }}>
              {item.body}
            </Text>
          )}
        </Stack>
        {item.kind === 'notice' && (
          <Button
            size="xs"
            onClick={() =>
              void call('uplink.ackNotice', { id: item.id })
                .then(refresh)
                .catch(notifyError)
            }
            data-testid="hub-notice-ack"
          >
            {t('uplink.inbox.ack')}
          </Button>
        )}
        {item.kind === 'holiday' && isAdmin && (
          <Group gap="xs" wrap="nowrap">
            <Button size="xs" onClick={() => setApplying(true)} data-testid="hub-holiday-preview">
              {t('uplink.inbox.preview')}
            </Button>
            <Button size="xs" variant="default" onClick={() => setDeclining(true)}>
              {t('uplink.inbox.decline')}
            </Button>
          </Group>
        )}
        {item.kind === 'reportRules' && isAdmin && (
          <Group gap="xs" wrap="nowrap">
            <Button size="xs" onClick={() => setApplying(true)} data-testid="hub-rules-preview">
              {t('uplink.inbox.rulesApply')}
            </Button>
            <Button size="xs" variant="default" onClick={() => setDeclining(true)}>
              {t('uplink.inbox.decline')}
            </Button>
          </Group>
        )}
      </Group>
      {applying && item.kind === 'holiday' && <HolidayApply item={item} onClose={() => setApplying(false)} />}
      {applying && item.kind === 'reportRules' && <RulesApply item={item} onClose={() => setApplying(false)} />}
      {declining && (
        <ReasonDialog
          title={t(item.kind === 'reportRules' ? 'uplink.inbox.rulesDeclineTitle' : 'uplink.inbox.declineTitle')}
          label={t('common.reason')}
          confirmLabel={t('uplink.inbox.decline')}
          onConfirm={(reason) => call(item.kind === 'reportRules' ? 'uplink.declineReportRules' : 'uplink.declineHoliday', { id: item.id, reason }).then(refresh)}
          onClose={() => setDeclining(false)}
        />
      )}
    </Paper>
  );
}

/** 上级查岗 at the top of the console, full width, until answered. */
export function HubChecks() {
  const now = useNow(1000);
  const { checks } = useOpenChecks();
  if (checks.length === 0) return null;
  return (
    <Stack gap="sm">
      {checks.map((c) => (
        <CheckAlert key={c.id} item={c} now={now} />
      ))}
    </Stack>
  );
}

/** The link state and the notices and holiday notices waiting. */
export function HubPanel() {
  const { t } = useTranslation();
  const { status, inbox } = useOpenChecks();
  if (!status || !status.enrolled) return null;
  const others = (inbox?.open ?? []).filter((i) => i.kind !== 'check');
  return (
    <Paper withBorder p="md" data-testid="hub-panel">
      <Stack gap="xs">
        <Title order={2} size="h5">
          {t('uplink.inbox.title')}
        </Title>
        <UplinkLine status={status} />
        {others.map((i) => (
          <ItemRow key={i.id} item={i} />
        ))}
      </Stack>
    </Paper>
  );
}
