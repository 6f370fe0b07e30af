/**
 * The desk's petition settings (admin): its own level, the category list,
 * the sensitive periods that can be picked as a statistics period.
 */
import { useEffect, useState } from 'react';
import { Button, Group, Select, Stack, Text, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { call, useApiQuery } from '../../api';
import type { SensitivePeriod } from '../../../shared/contract';
import { petitionLevels, type PetitionLevel } from '../../../shared/domain/petition';
import { errorTextWithField, notifySaved } from '../../lib/errors';

export function PetitionSettingsPanel() {
  const { t } = useTranslation();
  const q = useApiQuery('petitions.settings', {});
  const [level, setLevel] = useState<PetitionLevel>('district');
  const [categories, setCategories] = useState('');
  const [periods, setPeriods] = useState('');
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!q.data) return;
    setLevel(q.data.deskLevel);
    setCategories(q.data.categories.join('\n'));
    setPeriods(q.data.sensitivePeriods.map((p) => `${p.name} ${p.from} ${p.to}`).join('\n'));
  }, [q.data]);
  if (!q.data) return null;
  const save = async () => {
    setError(null);
    const parsed: SensitivePeriod[] = [];
    const lines = periods.split('\n').map((l) => l.trim()).filter(Boolean);
    for (const [i, line] of lines.entries()) {
      const m = /^(.+?)\s+(\d{4}-\d{2}-\d{2})\s+(\d{4}-\d{2}-\d{2})$/u.exec(line);
      if (!m) return setError(t('petitions.settings.sensitiveInvalid', { n: i + 1 }));
      parsed.push({ name: m[1]!, from: m[2]!, to: m[3]! });
    }
    try {
      await call('petitions.setSettings', {
        ...q.data,
        deskLevel: level,
        categories: categories.split('\n').map((c) => c.trim()).filter(Boolean),
        sensitivePeriods: parsed,
      });
      notifySaved();
    } catch (e) {
      setError(errorTextWithField(t, e));
    }
  };
  return (
    <Stack maw={640}>
      <Select label={t('petitions.settings.deskLevel')} data={petitionLevels.map((l) => ({ value: l, label: t(`petitions.level.${l}`) }))} value={level} onChange={(v) => v && setLevel(v as PetitionLevel)} allowDeselect={false} />
      <Textarea label={t('petitions.settings.categories')} autosize minRows={6} value={categories} onChange={(e) => setCategories(e.currentTarget.value)} />
      <Textarea label={t('petitions.settings.sensitive')} autosize minRows={3} value={periods} onChange={(e) => setPeriods(e.currentTarget.value)} />
      {error && (
        <Text c="red" role="alert">
          {error}
        </Text>
      )}
      <Group>
        <Button onClick={() => void save()}>{t('common.save')}</Button>
      </Group>
    </Stack>
  );
}
