/**
 * Settings tab of the registers (信访): the desk's own level, the day limits
 * (the national figures of 信访工作条例 as defaults, each with its source, so
 * a local rule is visibly a local rule), the category list, and the sensitive
 * periods (两会, 国庆, 春节 …) that statistics can be run for — one settings
 * store, one audited write. Admins edit; everyone can read.
 */
import { useEffect, useState } from 'react';
import { ActionIcon, Alert, Badge, Button, Group, NumberInput, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { DateField } from '../../components/DateFields/DateFields';
import { IconArrowBackUp, IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { call, useApiQuery } from '../../api';
import type { PetitionSettings, SensitivePeriod } from '../../../shared/contract';
import { defaultPetitionCategories, nationalPetitionLimits, petitionLevels, type PetitionLevel, type PetitionLimits } from '../../../shared/domain/petition';
import { useDesk, useHasRole } from '../../lib/desk-context';
import { errorText, fieldErrors, notifySaved } from '../../lib/errors';
import { localDate } from '../../lib/format';
import type { SettingsPanel } from './TrustPanels';

const limitKeys = Object.keys(nationalPetitionLimits) as (keyof PetitionLimits)[];

function PetitionSettingsPanel() {
  const { t } = useTranslation();
  const isAdmin = useHasRole('admin');
  const q = useApiQuery('petitions.settings', {});
  const [s, setS] = useState<PetitionSettings | null>(null);
  const [newCategory, setNewCategory] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (q.data) setS(q.data);
  }, [q.data]);
  if (!s) return null;
  const setLimit = (k: keyof PetitionLimits, v: string | number) => setS({ ...s, limits: { ...s.limits, [k]: typeof v === 'number' ? v : Number(v) || 0 } });
  const setPeriod = (i: number, patch: Partial<SensitivePeriod>) => setS({ ...s, sensitivePeriods: s.sensitivePeriods.map((p, j) => (j === i ? { ...p, ...patch } : p)) });
  const addCategory = () => {
    const c = newCategory.trim();
    if (!c || s.categories.includes(c)) return;
    setS({ ...s, categories: [...s.categories, c] });
    setNewCategory('');
  };
  const save = async () => {
    setError(null);
    setErrors({});
    try {
      await call('petitions.setSettings', s);
      notifySaved();
    } catch (e) {
      setErrors(fieldErrors(t, e));
      setError(errorText(t, e));
    }
  };
  const dirty = JSON.stringify(s) !== JSON.stringify(q.data);
  return (
    <Stack maw={880} data-testid="register-settings">
      {!isAdmin && (
        <Alert color="gray" variant="light">
          {t('petitions.settings.readOnly')}
        </Alert>
      )}
      <Select
        label={t('petitions.settings.deskLevel')}
        description={t('petitions.settings.deskLevelHint')}
        data={petitionLevels.map((l) => ({ value: l, label: t(`petitions.level.${l}`) }))}
        value={s.deskLevel}
        onChange={(v) => v && setS({ ...s, deskLevel: v as PetitionLevel })}
        allowDeselect={false}
        disabled={!isAdmin}
        maw={320}
      />

      <Title order={3} size="h5">
        {t('petitions.settings.limits')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('petitions.settings.limitsNote')}
      </Text>
      <Table data-testid="petition-limits">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('petitions.settings.limitItem')}</Table.Th>
            <Table.Th w={130}>{t('petitions.settings.limitDays')}</Table.Th>
            <Table.Th w={90}>{t('petitions.settings.national')}</Table.Th>
            <Table.Th>{t('petitions.settings.source')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {limitKeys.map((k) => {
            const local = s.limits[k] !== nationalPetitionLimits[k];
            return (
              <Table.Tr key={k} data-testid={`limit-${k}`}>
                <Table.Td>
                  {t(`petitions.settings.limit.${k}`)}
                  {local && (
                    <Badge ml="xs" size="xs" autoContrast color="orange.5">
                      {t('petitions.settings.localRule')}
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>
                  <NumberInput
                    aria-label={`${t(`petitions.settings.limit.${k}`)} ${t('petitions.settings.limitDays')}`}
                    min={1}
                    max={365}
                    value={s.limits[k]}
                    onChange={(v) => setLimit(k, v)}
                    disabled={!isAdmin}
                    error={errors[`limits.${k}`]}
                    suffix={t('petitions.settings.daysSuffix')}
                  />
                </Table.Td>
                <Table.Td>{t('petitions.settings.nationalDays', { n: nationalPetitionLimits[k] })}</Table.Td>
                <Table.Td>
                  <Text size="sm">{t(`petitions.settings.sourceText.${k}`)}</Text>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
      {isAdmin && (
        <Group>
          <Button variant="default" size="xs" leftSection={<IconArrowBackUp size={14} />} onClick={() => setS({ ...s, limits: nationalPetitionLimits })}>
            {t('petitions.settings.restoreNational')}
          </Button>
        </Group>
      )}

      <Title order={3} size="h5">
        {t('petitions.settings.categories')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('petitions.settings.categoriesNote')}
      </Text>
      <Group gap="xs" data-testid="petition-categories">
        {s.categories.map((c) => (
          <Badge
            key={c}
            size="lg"
            variant="light"
            color="gray"
            tt="none"
            rightSection={
              isAdmin ? (
                <ActionIcon size="xs" variant="transparent" color="gray" aria-label={`${t('petitions.settings.removeCategory')} ${c}`} onClick={() => setS({ ...s, categories: s.categories.filter((x) => x !== c) })}>
                  <IconTrash size={12} />
                </ActionIcon>
              ) : undefined
            }
          >
            {c}
          </Badge>
        ))}
      </Group>
      {errors.categories && (
        <Text c="red" size="sm">
          {errors.categories}
        </Text>
      )}
      {isAdmin && (
        <Group align="flex-end" gap="xs">
          <TextInput
            label={t('petitions.settings.newCategory')}
            value={newCategory}
            maxLength={20}
            onChange={(e) => setNewCategory(e.currentTarget.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') addCategory();
            }}
          />
          <Button variant="light" leftSection={<IconPlus size={14} />} onClick={addCategory} disabled={!newCategory.trim() || s.categories.includes(newCategory.trim())}>
            {t('petitions.settings.addCategory')}
          </Button>
          <Button variant="default" size="xs" leftSection={<IconArrowBackUp size={14} />} onClick={() => setS({ ...s, categories: [...new Set([...s.categories, ...defaultPetitionCategories])] })}>
            {t('petitions.settings.restoreCategories')}
          </Button>
        </Group>
      )}

      <Title order={3} size="h5">
        {t('petitions.settings.sensitive')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('petitions.settings.sensitiveNote')}
      </Text>
      <Table data-testid="sensitive-periods">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('petitions.settings.periodName')}</Table.Th>
            <Table.Th w={170}>{t('petitions.from')}</Table.Th>
            <Table.Th w={170}>{t('petitions.to')}</Table.Th>
            <Table.Th w={40} />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {s.sensitivePeriods.map((p, i) => (
            <Table.Tr key={i} data-testid="sensitive-period">
              <Table.Td>
                <TextInput aria-label={t('petitions.settings.periodName')} value={p.name} maxLength={30} onChange={(e) => setPeriod(i, { name: e.currentTarget.value })} disabled={!isAdmin} error={errors[`sensitivePeriods.${i}.name`]} />
              </Table.Td>
              <Table.Td>
                <DateField aria-label={t('petitions.from')} value={p.from} onChange={(v) => setPeriod(i, { from: v })} disabled={!isAdmin} error={errors[`sensitivePeriods.${i}.from`]} />
              </Table.Td>
              <Table.Td>
                <DateField aria-label={t('petitions.to')} value={p.to} onChange={(v) => setPeriod(i, { to: v })} disabled={!isAdmin} error={errors[`sensitivePeriods.${i}.to`]} />
              </Table.Td>
              <Table.Td>
                {isAdmin && (
                  <ActionIcon variant="subtle" color="gray" aria-label={`${t('petitions.settings.removePeriod')} ${p.name}`} onClick={() => setS({ ...s, sensitivePeriods: s.sensitivePeriods.filter((_, j) => j !== i) })}>
                    <IconTrash size={16} />
                  </ActionIcon>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {s.sensitivePeriods.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('petitions.settings.noPeriods')}
        </Text>
      )}
      {isAdmin && (
        <HolidayPeriods
          onAdd={(p) => setS({ ...s, sensitivePeriods: [...s.sensitivePeriods, p] })}
          onAddBlank={() => setS({ ...s, sensitivePeriods: [...s.sensitivePeriods, { name: '', from: '', to: '' }] })}
          have={s.sensitivePeriods}
        />
      )}
      {error && (
        <Text c="red" role="alert">
          {error}
        </Text>
      )}
      {isAdmin && (
        <Group>
          <Button onClick={() => void save()} disabled={!dirty}>
            {t('common.save')}
          </Button>
          {dirty && (
            <Button variant="subtle" color="gray" onClick={() => q.data && setS(q.data)}>
              {t('common.cancel')}
            </Button>
          )}
        </Group>
      )}
    </Stack>
  );
}

/**
 * Adds a year's statutory holidays as sensitive periods, from the desk's
 * calendar; a year without official data says so instead of offering nothing.
 */
function HolidayPeriods({ onAdd, onAddBlank, have }: { onAdd: (p: SensitivePeriod) => void; onAddBlank: () => void; have: SensitivePeriod[] }) {
  const { t } = useTranslation();
  const { tz, clockOffset } = useDesk();
  const thisYear = Number(localDate(Date.now() + clockOffset, tz).slice(0, 4));
  const [year, setYear] = useState(thisYear);
  const range = useApiQuery('calendar.range', { from: `${year}-01-01`, to: `${year}-12-31` });
  const periods: SensitivePeriod[] = [];
  for (const d of range.data?.days ?? []) {
    if (d.type !== 'holiday' || !d.known) continue;
    const last = periods.at(-1);
    const name = `${year}年${d.holidayName ?? ''}`;
    if (last && last.name === name && last.to < d.date) last.to = d.date;
    else periods.push({ name, from: d.date, to: d.date });
  }
  const missing = range.data?.missingYears.includes(year) ?? false;
  return (
    <Stack gap="xs">
      <Group gap="xs" align="flex-end">
        <Button variant="light" size="xs" leftSection={<IconPlus size={14} />} onClick={onAddBlank}>
          {t('petitions.settings.addPeriod')}
        </Button>
        <Select
          size="xs"
          label={t('petitions.settings.fromHolidays')}
          data={[thisYear, thisYear + 1].map((y) => ({ value: String(y), label: t('petitions.settings.year', { y }) }))}
          value={String(year)}
          onChange={(v) => v && setYear(Number(v))}
          allowDeselect={false}
          w={140}
        />
        {periods.map((p) => (
          <Button
            key={p.name + p.from}
            size="xs"
            variant="default"
            disabled={have.some((h) => h.from === p.from && h.to === p.to)}
            onClick={() => onAdd(p)}
            title={`${p.from} — ${p.to}`}
          >
            {p.name}{t('common.parenOpen')}{p.from.slice(5)}—{p.to.slice(5)}{t('common.parenClose')}
          </Button>
        ))}
      </Group>
      {missing && (
        <Alert color="yellow" variant="light" p="xs">
          {t('petitions.settings.noHolidayData', { y: year })}
        </Alert>
      )}
    </Stack>
  );
}

export const registerPanels: SettingsPanel[] = [{ value: 'registers', labelKey: 'petitions.settings.tab', render: () => <PetitionSettingsPanel /> }];
