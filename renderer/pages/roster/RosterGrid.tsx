/**
 * The month grid (days × roles): admins assign, move and pin with one native
 * select per slot; everyone else reads. Live conflict marks come from the
 * core's hard-rule check of the working copy.
 */
import { ActionIcon, Badge, NativeSelect, Table, Text, Tooltip } from '@mantine/core';
import { IconPin, IconPinned } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { RosterDetail } from '../../../shared/contract/roster';
import type { Assignment } from '../../../shared/domain/roster-rules';
import { dutyRoles, type DutyRole } from '../../../shared/roles';
import { useApiMutation } from '../../api';
import { dayTypeColor } from '../../components/OnDuty/OnDutyCard';
import { monthDay, weekdayLabel } from './lib';

interface Column {
  shiftId: number;
  shiftName: string;
  role: DutyRole;
  index: number;
}

export function RosterGrid({ detail, editable }: { detail: RosterDetail; editable: boolean }) {
  const { t } = useTranslation();
  const assign = useApiMutation('roster.assign');
  const weekdays = t('roster.weekdays', { returnObjects: true }) as string[];
  const roles = t('roster.roles', { returnObjects: true }) as Record<DutyRole, string>;
  const shifts = detail.shifts.filter((s) => s.active);
  const columns: Column[] = [];
  for (const s of shifts) {
    for (const role of dutyRoles) {
      const max = Math.max(...Object.values(s.needs).map((n) => n[role]), ...detail.assignments.filter((a) => a.shiftId === s.id && a.role === role).map((a) => a.index + 1));
      for (let index = 0; index < max; index += 1) columns.push({ shiftId: s.id, shiftName: s.name, role, index });
    }
  }
  const bySlot = new Map(detail.assignments.map((a) => [`${a.date}|${a.shiftId}|${a.role}|${a.index}`, a]));
  const needed = new Set(detail.slots.map((s) => `${s.date}|${s.shiftId}|${s.role}|${s.index}`));
  const badDays = new Map<string, string[]>();
  for (const c of detail.conflicts) {
    if (c.personId === null) continue;
    const key = `${c.date}|${c.personId}`;
    badDays.set(key, [...(badDays.get(key) ?? []), c.kind]);
  }
  const nameOf = new Map(detail.people.map((p) => [p.id, p.name]));
  const set = (date: string, col: Column, personId: number | null, pinned?: boolean) =>
    assign.mutate({ planId: detail.plan.id, date, shiftId: col.shiftId, role: col.role, index: col.index, personId, ...(pinned === undefined ? {} : { pinned }) });

  return (
    <Table.ScrollContainer minWidth={600}>
      <Table striped withTableBorder withColumnBorders stickyHeader data-testid="roster-grid">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('roster.date')}</Table.Th>
            <Table.Th>{t('roster.weekday')}</Table.Th>
            {columns.map((c) => (
              <Table.Th key={`${c.shiftId}-${c.role}-${c.index}`}>
                {shifts.length > 1 ? `${c.shiftName} ` : ''}
                {roles[c.role]}
                {c.index > 0 ? ` ${c.index + 1}` : ''}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {detail.days.map((day) => (
            <Table.Tr key={day.date} data-date={day.date}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{monthDay(day.date)}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                {day.type === 'workday' ? (
                  weekdayLabel(day, weekdays)
                ) : (
                  <Badge variant="light" color={dayTypeColor(day.type)}>
                    {day.type === 'makeup' ? `${weekdays[day.weekday]} ${t('roster.dayTypes.makeup')}` : weekdayLabel(day, weekdays)}
                  </Badge>
                )}
                {!day.known && (
                  <Badge color="red" ml={4}>
                    ?
                  </Badge>
                )}
              </Table.Td>
              {columns.map((c) => {
                const key = `${day.date}|${c.shiftId}|${c.role}|${c.index}`;
                const a: Assignment | undefined = bySlot.get(key);
                const isNeeded = needed.has(key);
                const problems = a?.personId ? badDays.get(`${day.date}|${a.personId}`) : undefined;
                const label = `${monthDay(day.date)} ${roles[c.role]}${c.index > 0 ? ` ${c.index + 1}` : ''}`;
                if (!isNeeded && !a) {
                  return (
                    <Table.Td key={key}>
                      <Text c="dimmed">—</Text>
                    </Table.Td>
                  );
                }
                const warn = problems ? problems.map((k) => t(`roster.conflicts.${k}`, { date: '', name: '', detail: '', role: '' })).join(t('common.listSep')) : null;
                const missing = isNeeded && !a;
                return (
                  <Table.Td key={key} bg={problems || missing ? 'var(--mantine-color-red-light)' : undefined}>
                    {editable ? (
                      <div style={{ display: 'flex', gap: 4, alignItems: 'center' }}>
                        <NativeSelect
                          size="xs"
                          aria-label={label}
                          value={a?.personId ? String(a.personId) : ''}
                          onChange={(e) => set(day.date, c, e.currentTarget.value ? Number(e.currentTarget.value) : null)}
                          data={[
                            { value: '', label: '—' },
                            ...detail.people
                              .filter((p) => (p.active && p.roles.includes(c.role)) || p.id === a?.personId)
                              .map((p) => ({ value: String(p.id), label: p.name })),
                          ]}
                          error={warn ? true : undefined}
                          title={warn ?? undefined}
                        />
                        {a && (
                          <Tooltip label={a.pinned ? t('roster.unpin') : t('roster.pin')}>
                            <ActionIcon
                              size="sm"
                              variant={a.pinned ? 'filled' : 'subtle'}
                              aria-label={`${label} ${a.pinned ? t('roster.unpin') : t('roster.pin')}`}
                              aria-pressed={a.pinned}
                              onClick={() => set(day.date, c, a.personId, !a.pinned)}
                            >
                              {a.pinned ? <IconPinned size={14} /> : <IconPin size={14} />}
                            </ActionIcon>
                          </Tooltip>
                        )}
                      </div>
                    ) : (
                      <Text size="sm" title={warn ?? undefined}>
                        {a?.personId ? nameOf.get(a.personId) : '—'}
                      </Text>
                    )}
                  </Table.Td>
                );
              })}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
