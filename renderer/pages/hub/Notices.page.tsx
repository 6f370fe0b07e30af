/**
 * 通知 / 节假日安排: send a notice, or the State Council's holiday notice, to
 * every desk or some; see which desks received it and read (or applied) it —
 * as their own streams report.
 */
import { useState } from 'react';
import { Button, Card, Group, NumberInput, Stack, Table, Text, TextInput, Textarea, Title } from '@mantine/core';
import { IconSend } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../lib/format';
import { errorText, notifySaved } from '../../lib/errors';
import { hubCall, hubQueryClient, useHubQuery } from './hub-api';
import { useHub } from './hub-context';
import { Targets } from './targets';
import { DeskDeliveryCells } from './DeskDelivery';

export function NoticesPage({ kind }: { kind: 'notice' | 'holiday' }) {
  const { t } = useTranslation();
  const { tz, today, canSend, isAdmin } = useHub();
  const q = useHubQuery('hub.notices', { kind }, { refetchInterval: 10_000 });
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [year, setYear] = useState<number>(Number(today.slice(0, 4)) + 1);
  const [targets, setTargets] = useState<string[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const mayWrite = kind === 'notice' ? canSend : isAdmin;
  const send = async () => {
    setBusy(true);
    setError(null);
    try {
      if (kind === 'notice') {
        await hubCall('hub.sendNotice', { title, body, deskIds: targets });
        notifySaved(t('hub.notices.sent'));
      } else {
        const r = await hubCall('hub.sendHoliday', { year, title, text: body, deskIds: targets });
        notifySaved(t('hub.holidays.sent', { days: r.days }));
      }
      setTitle('');
      setBody('');
      await hubQueryClient.invalidateQueries();
    } catch (e) {
      setError(errorText(t, e));
    } finally {
      setBusy(false);
    }
  };
  const ns = kind === 'notice' ? 'hub.notices' : 'hub.holidays';
  return (
    <Stack>
      <Title order={1} size="h2">
        {t(`${ns}.title`)}
      </Title>
      {kind === 'holiday' && <Text size="sm">{t('hub.holidays.intro')}</Text>}
      {mayWrite && (
        <Card withBorder maw={720}>
          <form
            onSubmit={(e) => {
              e.preventDefault();
              void send();
            }}
          >
            <Stack>
              {kind === 'holiday' && <NumberInput label={t('hub.holidays.year')} value={year} min={2000} max={2100} onChange={(v) => setYear(typeof v === 'number' ? v : year)} required />}
              <TextInput label={t(`${ns}.newTitle`)} value={title} onChange={(e) => setTitle(e.currentTarget.value)} required />
              <Textarea label={t(kind === 'notice' ? 'hub.notices.body' : 'hub.holidays.text')} value={body} onChange={(e) => setBody(e.currentTarget.value)} autosize minRows={4} maxRows={16} required={kind === 'holiday'} />
              <Targets value={targets} onChange={setTargets} />
              {error && (
                <Text c="red" role="alert">
                  {error}
                </Text>
              )}
              <Group>
                <Button type="submit" loading={busy} leftSection={<IconSend size={16} />} disabled={targets !== null && targets.length === 0}>
                  {t(`${ns}.send`)}
                </Button>
              </Group>
            </Stack>
          </form>
        </Card>
      )}
      {(q.data ?? []).length === 0 && <Text c="dimmed">{t('hub.notices.empty')}</Text>}
      {(q.data ?? []).map((n) => {
        const handled = n.desks.filter((d) => d.handled && !d.declined).length;
        return (
          <Card withBorder key={n.version} data-testid="sent-notice">
            <Group justify="space-between">
              <Text fw={600}>
                {n.year ? `${n.year} · ` : ''}
                {n.title}
              </Text>
              <Text size="sm" c="dimmed">
                {t('hub.notices.sentBy', { by: n.sentBy, at: formatDateTime(n.sentAt, tz) })}
              </Text>
            </Group>
            <Text size="sm" mb="xs">
              {kind === 'notice'
                ? t('hub.notices.progress', { received: n.desks.filter((d) => d.received).length, handled, total: n.desks.length })
                : t('hub.holidays.progress', { applied: handled, total: n.desks.length })}
            </Text>
            <Table withTableBorder>
              <Table.Tbody>
                {n.desks.map((d) => (
                  <Table.Tr key={d.deskId}>
                    <DeskDeliveryCells
                      d={d}
                      tz={tz}
                      labels={{
                        done: kind === 'notice' ? t('hub.notices.acked') : t('hub.holidays.applied'),
                        declined: t('hub.holidays.declined'),
                        received: kind === 'notice' ? t('hub.notices.received') : t('hub.holidays.waiting'),
                        notReceived: t('hub.notices.notReceived'),
                      }}
                    />
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Card>
        );
      })}
    </Stack>
  );
}
