/**
 * Settings tabs of the roster: shift templates, holidays (bundled years, a
 * year's State Council notice, single-day corrections) and roster rules
 * (rest days, fairness weights).
 */
import { DateField } from '../../components/DateFields/DateFields';
import { Alert, Badge, Button, Checkbox, Group, NativeSelect, NumberInput, Paper, Stack, Table, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { dayTypes, type DayType } from '../../../shared/domain/calendar';
import { defaultNeeds, type RosterRules, type ShiftTemplate } from '../../../shared/domain/roster-rules';

import { dutyRoles } from '../../../shared/roles';
import { ApiCallError, call, useApiMutation, useApiQuery } from '../../api';
import { useDesk, useHasRole, useNow } from '../../lib/desk-context';
import { localDate } from '../../lib/format';
import type { SettingsPanel } from './TrustPanels';
import { formatMinutes, parseMinutes } from '../../../shared/time';

function ShiftEditor({ shift, onDone }: { shift: ShiftTemplate | null; onDone: () => void }) {
  const { t } = useTranslation();
  const create = useApiMutation('shifts.create');
  const update = useApiMutation('shifts.update');
  const [name, setName] = useState(shift?.name ?? '');
  const [start, setStart] = useState(formatMinutes(shift?.startMinutes ?? 510));
  const [hours, setHours] = useState<number>((shift?.durationMinutes ?? 1440) / 60);
  const [needs, setNeeds] = useState(shift?.needs ?? defaultNeeds());
  const [active, setActive] = useState(shift?.active ?? true);
  const types = t('roster.dayTypes', { returnObjects: true }) as Record<DayType, string>;
  const roles = t('roster.roles', { returnObjects: true }) as Record<string, string>;
  const err = (create.error ?? update.error) instanceof ApiCallError ? ((create.error ?? update.error) as ApiCallError).error.message : null;
  const save = () => {
    const startMinutes = parseMinutes(start) ?? 510;
    const fields = { name, startMinutes, durationMinutes: Math.round(hours * 60), needs };
    if (shift) update.mutate({ id: shift.id, ...fields, active }, { onSuccess: onDone });
    else create.mutate(fields, { onSuccess: onDone });
  };
  return (
    <Paper withBorder p="md">
      <Stack>
        <Group grow>
          <TextInput label={t('roster.settings.shiftName')} value={name} onChange={(e) => setName(e.currentTarget.value)} />
          <TextInput type="time" label={t('roster.settings.start')} value={start} onChange={(e) => setStart(e.currentTarget.value)} />
          <NumberInput label={t('roster.settings.duration')} value={hours} min={0.5} max={24} step={0.5} onChange={(v) => setHours(Number(v) || 24)} />
        </Group>
        <Text fw={600}>{t('roster.settings.needs')}</Text>
        <Table withTableBorder>
          <Table.Thead>
            <Table.Tr>
              <Table.Th />
              {dutyRoles.map((r) => (
                <Table.Th key={r}>{roles[r]}</Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {dayTypes.map((d) => (
              <Table.Tr key={d}>
                <Table.Td>{types[d]}</Table.Td>
                {dutyRoles.map((r) => (
                  <Table.Td key={r}>
                    <NumberInput
                      size="xs"
                      aria-label={`${types[d]} ${roles[r]}`}
                      min={0}
                      max={r === 'officer' ? 10 : r === 'leader' ? 3 : 5}
                      value={needs[d][r]}
                      onChange={(v) => setNeeds({ ...needs, [d]: { ...needs[d], [r]: Number(v) || 0 } })}
                    />
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {shift && <Checkbox label={t('roster.settings.active')} checked={active} onChange={(e) => setActive(e.currentTarget.checked)} />}
        {err && <Alert color="red">{err}</Alert>}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button onClick={save} disabled={!name.trim()}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

function ShiftsPanel() {
  const { t } = useTranslation();
  const isAdmin = useHasRole('admin');
  const q = useApiQuery('shifts.list', { includeInactive: true });
  const [editing, setEditing] = useState<ShiftTemplate | 'new' | null>(null);
  return (
    <Stack data-testid="shift-templates">
      <Table withTableBorder>
        <Table.Tbody>
          {q.data?.map((s) => (
            <Table.Tr key={s.id}>
              <Table.Td>{s.name}</Table.Td>
              <Table.Td>
                {formatMinutes(s.startMinutes)} – {formatMinutes(s.startMinutes + s.durationMinutes)}
                {s.startMinutes + s.durationMinutes > 1440 ? `${t('common.parenOpen')}${t('roster.nextDay')}${t('common.parenClose')}` : ''}
              </Table.Td>
              <Table.Td>{s.active ? <Badge color="green">{t('common.active')}</Badge> : <Badge color="gray">{t('common.inactive')}</Badge>}</Table.Td>
              <Table.Td>
                {isAdmin && (
                  <Button size="compact-sm" variant="subtle" onClick={() => setEditing(s)}>
                    {t('common.edit')}
                  </Button>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {isAdmin && !editing && (
        <Group>
          <Button onClick={() => setEditing('new')}>{t('roster.settings.addShift')}</Button>
        </Group>
      )}
      {editing && <ShiftEditor key={editing === 'new' ? 'new' : editing.id} shift={editing === 'new' ? null : editing} onDone={() => setEditing(null)} />}
    </Stack>
  );
}

function HolidaysPanel() {
  const { t } = useTranslation();
  const isAdmin = useHasRole('admin');
  const years = useApiQuery('calendar.years', {});
  const importNotice = useApiMutation('calendar.importNotice');
  const setDay = useApiMutation('calendar.setDay');
  // Next year on the desk's clock (the browser's may differ; the test host moves the desk's).
  const { tz } = useDesk();
  const deskNow = useNow(60_000);
  const [year, setYear] = useState(() => Number(localDate(deskNow, tz).slice(0, 4)) + 1);
  const [text, setText] = useState('');
  const [preview, setPreview] = useState<{ days: { date: string; type: DayType; name: string | null }[]; problems: string[] } | null>(null);
  const [date, setDate] = useState('');
  const [type, setType] = useState<DayType | ''>('');
  const [name, setName] = useState('');
  const [reason, setReason] = useState('');
  const types = t('roster.dayTypes', { returnObjects: true }) as Record<DayType, string>;
  const err = (importNotice.error ?? setDay.error) instanceof ApiCallError ? ((importNotice.error ?? setDay.error) as ApiCallError).error.message : null;
  return (
    <Stack>
      <Group gap="xs">
        <Text fw={600}>{t('roster.settings.years')}{t('common.colon')}</Text>
        {years.data?.slice(0, 12).map((y) => (
          <Badge key={y.year} variant="light" color={y.source === 'desk' ? 'blue' : 'gray'}>
            {y.year} {y.source === 'desk' ? t('roster.settings.desk') : t('roster.settings.bundled')}
          </Badge>
        ))}
      </Group>
      {isAdmin && (
        <Paper withBorder p="md">
          <Stack>
            <NumberInput label={t('roster.settings.noticeYear')} value={year} min={2000} max={2100} onChange={(v) => setYear(Number(v) || year)} w={160} />
            <Textarea label={t('roster.settings.noticeText')} value={text} onChange={(e) => setText(e.currentTarget.value)} autosize minRows={6} maxRows={16} />
            <Group>
              <Button variant="default" disabled={!text.trim()} onClick={() => void call('calendar.parseNotice', { year, text }).then(setPreview)}>
                {t('roster.settings.preview')}
              </Button>
              <Button disabled={!preview || preview.problems.length > 0 || preview.days.length === 0} onClick={() => importNotice.mutate({ year, text }, { onSuccess: () => setPreview(null) })}>
                {t('roster.settings.importNotice')}
              </Button>
            </Group>
            {preview && (
              <Stack gap={2} data-testid="notice-preview">
                {preview.problems.map((p, i) => (
                  <Text key={i} c="red" size="sm">
                    {p}
                  </Text>
                ))}
                <Text size="sm">
                  {preview.days.map((d) => `${d.date.slice(5)} ${d.type === 'holiday' ? d.name : `${types.makeup}${t('common.parenOpen')}${d.name}${t('common.parenClose')}`}`).join(t('common.listSep'))}
                </Text>
              </Stack>
            )}
          </Stack>
        </Paper>
      )}
      {isAdmin && (
        <Paper withBorder p="md">
          <Title order={3} size="h5" mb="xs">
            {t('roster.settings.correctDay')}
          </Title>
          <Group align="flex-end">
            <DateField label={t('roster.date')} value={date} onChange={(v: string) => setDate(v)} />
            <NativeSelect
              label={t('roster.settings.dayType')}
              value={type}
              onChange={(e) => setType(e.currentTarget.value as DayType | '')}
              data={[{ value: '', label: t('roster.settings.resetDay') }, ...dayTypes.map((d) => ({ value: d, label: types[d] }))]}
            />
            <TextInput label={t('roster.settings.holidayName')} value={name} onChange={(e) => setName(e.currentTarget.value)} />
            <TextInput label={t('common.reason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} />
            <Button disabled={!date || !reason.trim()} onClick={() => setDay.mutate({ date, type: type || null, name: name || null, reason })}>
              {t('common.save')}
            </Button>
          </Group>
        </Paper>
      )}
      {err && <Alert color="red">{err}</Alert>}
    </Stack>
  );
}

function RulesPanel() {
  const { t } = useTranslation();
  const isAdmin = useHasRole('admin');
  const q = useApiQuery('roster.rules', {});
  const save = useApiMutation('roster.setRules');
  const [rules, setRules] = useState<RosterRules | null>(null);
  useEffect(() => {
    if (q.data && !rules) setRules(q.data);
  }, [q.data, rules]);
  const types = t('roster.dayTypes', { returnObjects: true }) as Record<DayType, string>;
  if (!rules) return null;
  return (
    <Stack maw={480}>
      <NumberInput label={t('roster.settings.minRest')} value={rules.minRestDays} min={0} max={6} disabled={!isAdmin} onChange={(v) => setRules({ ...rules, minRestDays: Number(v) || 0 })} />
      <Text fw={600}>{t('roster.settings.weights')}</Text>
      {dayTypes.map((d) => (
        <NumberInput
          key={d}
          label={types[d]}
          value={rules.weights[d]}
          min={0}
          max={10}
          step={0.5}
          disabled={!isAdmin}
          onChange={(v) => setRules({ ...rules, weights: { ...rules.weights, [d]: Number(v) || 0 } })}
        />
      ))}
      {isAdmin && (
        <Group>
          <Button onClick={() => save.mutate(rules)} loading={save.isPending}>
            {t('common.save')}
          </Button>
          {save.isSuccess && <Text c="green">{t('roster.settings.saved')}</Text>}
        </Group>
      )}
    </Stack>
  );
}

export const rosterPanels: SettingsPanel[] = [
  { value: 'roster-shifts', labelKey: 'roster.settings.shifts', render: () => <ShiftsPanel /> },
  { value: 'roster-holidays', labelKey: 'roster.settings.holidays', render: () => <HolidaysPanel /> },
  { value: 'roster-rules', labelKey: 'roster.settings.fairness', render: () => <RulesPanel /> },
];
