/**
 * 查岗: the register of checks received from the superior office and checks
 * made on subordinate units, and the month's statistics (units checked,
 * answer rate, 漏岗 / 脱岗 by unit) to print or export.
 */
import { PrintActions } from '../../components/Print/PrintButton';
import { useState } from 'react';
import { Badge, Button, Checkbox, Group, NumberInput, Paper, SegmentedControl, Select, SimpleGrid, Stack, Table, Text, TextInput, Textarea, Title } from '@mantine/core';
import { MonthField } from '../../components/DateFields/DateFields';
import { IconFileSpreadsheet } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { postStates, presenceMethods_, type PostState, type PresenceDirection, type PresenceMethod } from '../../../shared/contract';
import { call, useApiMutation, useApiQuery } from '../../api';
import { useDesk, useNow } from '../../lib/desk-context';
import { errorTextWithField, notifyError, notifySaved } from '../../lib/errors';
import { formatDateTime, localDate } from '../../lib/format';
import { fromClockTime } from '../../lib/local-input';
import { downloadFile } from '../roster/lib';
import { accentColor, overdueColor } from '../../theme';

const blank = { time: '', checker: '', unitContactId: null as string | null, unitName: '', answered: true, rings: '' as number | string, answerSeconds: '' as number | string, answeredBy: '', officerAtPost: true, leaderAtPost: true, postState: 'atPost' as PostState, followUp: '', note: '' };

function CheckForm() {
  const { t } = useTranslation();
  const { tz } = useDesk();
  const now = useNow(10_000);
  const [params] = useSearchParams();
  const fromLog = params.get('fromLog');
  const log = useApiQuery('log.get', { id: Number(fromLog) }, { enabled: !!fromLog });
  const contacts = useApiQuery('contacts.list', {});
  const create = useApiMutation('presence.create');
  const [direction, setDirection] = useState<PresenceDirection>('received');
  const [method, setMethod] = useState<PresenceMethod>('phone');
  const [v, setV] = useState(blank);
  const [error, setError] = useState<string | null>(null);
  const set = <K extends keyof typeof blank>(k: K, value: (typeof blank)[K]) => setV((x) => ({ ...x, [k]: value }));
  const num = (x: number | string) => (typeof x === 'number' ? x : null);
  const save = () => {
    const at = v.time ? fromClockTime(v.time, now, tz) : null;
    create.mutate(
      {
        direction,
        method,
        ...(at ? { at } : {}),
        checker: v.checker || null,
        answered: v.answered,
        rings: num(v.rings),
        answerSeconds: num(v.answerSeconds),
        answeredBy: v.answeredBy || null,
        followUp: v.followUp || null,
        note: v.note || null,
        ...(direction === 'received'
          ? { officerAtPost: v.officerAtPost, leaderAtPost: v.leaderAtPost }
          : { unitContactId: v.unitContactId ? Number(v.unitContactId) : null, unitName: v.unitName || null, postState: v.answered ? v.postState : 'missed' }),
        ...(fromLog && log.data ? { logEntryId: log.data.id } : {}),
      },
      {
        onSuccess: () => {
          setV(blank);
          setError(null);
          notifySaved(t('presence.saved'));
        },
        onError: (e) => setError(errorTextWithField(t, e)),
      },
    );
  };
  return (
    <Paper withBorder p="md" data-testid="presence-form">
      <Group justify="space-between" mb="sm">
        <SegmentedControl
          value={direction}
          onChange={(d) => setDirection(d as PresenceDirection)}
          data={[
            { value: 'received', label: t('presence.newReceived') },
            { value: 'made', label: t('presence.newMade') },
          ]}
        />
        {log.data && (
          <Text size="sm" c="dimmed" className="dd-wrap">
            {t('presence.fromLog')}{t('common.colon')}{log.data.summary}
          </Text>
        )}
      </Group>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <TextInput label={t('presence.at')} placeholder={t('presence.atHint')} value={v.time} onChange={(e) => set('time', e.currentTarget.value)} />
        <Select label={t('presence.method.label')} data={presenceMethods_.map((m) => ({ value: m, label: t(`presence.method.${m}`) }))} value={method} onChange={(m) => setMethod((m ?? 'phone') as PresenceMethod)} />
        {direction === 'received' ? (
          <TextInput label={t('presence.checker')} value={v.checker} onChange={(e) => set('checker', e.currentTarget.value)} />
        ) : (
          <Select
            label={t('presence.unit')}
            searchable
            clearable
            data={(contacts.data ?? []).map((c) => ({ value: String(c.id), label: c.name }))}
            value={v.unitContactId}
            onChange={(x) => set('unitContactId', x)}
          />
        )}
        {direction === 'made' && <TextInput label={t('presence.unitName')} value={v.unitName} onChange={(e) => set('unitName', e.currentTarget.value)} />}
        <Checkbox mt="lg" label={t('presence.answered')} checked={v.answered} onChange={(e) => set('answered', e.currentTarget.checked)} />
        <NumberInput label={t('presence.rings')} min={0} max={99} value={v.rings} onChange={(x) => set('rings', x)} />
        <NumberInput label={t('presence.answerSeconds')} min={0} max={3600} value={v.answerSeconds} onChange={(x) => set('answerSeconds', x)} />
        <TextInput label={t('presence.answeredBy')} value={v.answeredBy} onChange={(e) => set('answeredBy', e.currentTarget.value)} />
        {direction === 'received' ? (
          <>
            <Checkbox mt="lg" label={t('presence.officerAtPost')} checked={v.officerAtPost} onChange={(e) => set('officerAtPost', e.currentTarget.checked)} />
            <Checkbox mt="lg" label={t('presence.leaderAtPost')} checked={v.leaderAtPost} onChange={(e) => set('leaderAtPost', e.currentTarget.checked)} />
          </>
        ) : (
          <Select
            label={t('presence.postState.label')}
            data={postStates.map((p) => ({ value: p, label: t(`presence.postState.${p}`) }))}
            value={v.answered ? v.postState : 'missed'}
            disabled={!v.answered}
            onChange={(p) => set('postState', (p ?? 'atPost') as PostState)}
          />
        )}
      </SimpleGrid>
      <Textarea mt="sm" label={t('presence.followUp')} value={v.followUp} onChange={(e) => set('followUp', e.currentTarget.value)} autosize minRows={1} />
      {error && (
        <Text c={overdueColor} size="sm" role="alert" mt="xs">
          {error}
        </Text>
      )}
      <Button mt="sm" onClick={save} loading={create.isPending}>
        {t('presence.save')}
      </Button>
    </Paper>
  );
}

export function PresencePage() {
  const { t } = useTranslation();
  const { tz } = useDesk();
  const now = useNow(60_000);
  const [month, setMonth] = useState(localDate(now, tz).slice(0, 7));
  const q = useApiQuery('presence.stats', { month });
  const s = q.data;
  return (
    <Stack gap="md" data-testid="presence-page">
      <Title order={1} size="h2">
        {t('presence.title')}
      </Title>
      <CheckForm />
      <Group align="flex-end">
        <MonthField label={t('attendance.month')} value={month} onChange={(v) => v && setMonth(v)} />
        <PrintActions route={`/print/presence/${month}`} label={t('presence.print')} testId="presence-print" />
        <Button variant="outline" leftSection={<IconFileSpreadsheet size={16} />} onClick={() => void call('presence.exportXlsx', { month }).then((f) => downloadFile(f, true), notifyError)}>
          {t('presence.export')}
        </Button>
      </Group>
      {s && (
        <Paper withBorder p="md">
          <Title order={2} size="h4" mb="xs">
            {t('presence.stats')}
          </Title>
          <Text size="sm">{t('presence.receivedSummary', s.received)}</Text>
          <Text size="sm" mb="xs">
            {t('presence.madeSummary', { ...s.made, rate: s.made.answerRate === null ? '—' : `${s.made.answerRate}%` })}
          </Text>
          <Table withTableBorder data-testid="presence-by-unit">
            <Table.Thead>
              <Table.Tr>
                {(['unit', 'checks', 'answered', 'rate', 'missed', 'left'] as const).map((c) => (
                  <Table.Th key={c}>{t(`presence.col.${c}`)}</Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {s.byUnit.map((u) => (
                <Table.Tr key={u.unitName}>
                  <Table.Td>{u.unitName}</Table.Td>
                  <Table.Td>{u.checks}</Table.Td>
                  <Table.Td>{u.answered}</Table.Td>
                  <Table.Td>{u.answerRate === null ? '—' : `${u.answerRate}%`}</Table.Td>
                  <Table.Td>{u.missed}</Table.Td>
                  <Table.Td>{u.left}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Title order={3} size="h5" mt="md" mb="xs">
            {t('presence.register')}
          </Title>
          {s.checks.length === 0 && <Text c="dimmed">{t('presence.empty')}</Text>}
          <Stack gap={4} data-testid="presence-list">
            {s.checks
              .slice()
              .reverse()
              .map((c) => (
                <Text key={c.id} size="sm" className="dd-wrap">
                  {formatDateTime(c.at, tz)}{t('common.gap')}
                  <Badge size="xs" variant="outline" color={accentColor}>
                    {t(`presence.direction.${c.direction}`)}
                  </Badge>{' '}
                  {t(`presence.method.${c.method}`)}{t('common.gap')}{c.direction === 'made' ? c.unitName : c.checker}{t('common.gap')}{c.answered ? t('presence.answered') : t('presence.notAnswered')}
                  {c.postState ? `${t('common.gap')}${t(`presence.post.${c.postState}`)}` : ''}
                  {c.followUp ? `${t('common.gap')}${c.followUp}` : ''}
                </Text>
              ))}
          </Stack>
        </Paper>
      )}
    </Stack>
  );
}
