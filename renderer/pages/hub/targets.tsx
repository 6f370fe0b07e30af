/** Choosing where a message goes: every desk, or some of them. */
import { MultiSelect, SegmentedControl, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useHubQuery } from './hub-api';
import { useHub } from './hub-context';

export function Targets({ value, onChange }: { value: string[] | null; onChange: (v: string[] | null) => void }) {
  const { t } = useTranslation();
  const { today } = useHub();
  const board = useHubQuery('hub.board', { date: today });
  const options = (board.data?.desks ?? []).filter((d) => !d.revoked).map((d) => ({ value: d.deskId, label: d.unitName }));
  return (
    <Stack gap="xs">
      <SegmentedControl
        value={value === null ? 'all' : 'some'}
        onChange={(v) => onChange(v === 'all' ? null : [])}
        data={[
          { value: 'all', label: t('hub.checks.toAll') },
          { value: 'some', label: t('hub.checks.toSome') },
        ]}
      />
      {value !== null && <MultiSelect label={t('hub.checks.desks')} data={options} value={value} onChange={onChange} searchable data-testid="targets" />}
    </Stack>
  );
}
