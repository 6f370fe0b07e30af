/**
 * A leader sets an incident's level by hand.
 *
 * The reason is required; it is kept as the override of the suggested grade.
 */
import { useState } from 'react';
import { Button, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { call } from '../../api';
import { incidentLevels, type IncidentLevel } from '../../../shared/domain/incident';
import { errorText } from '../../lib/errors';

export function LevelDialog({ id, level, onClose }: { id: number; level: IncidentLevel; onClose: () => void }) {
  const { t } = useTranslation();
  const [l, setL] = useState(String(level));
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  return (
    <Modal opened onClose={onClose} title={t('incidents.detail.setLevel')}>
      <Stack>
        <Select
          label={t('incidents.form.level')}
          data={incidentLevels.map((x) => ({ value: String(x), label: t(`incidents.level.${x}`) }))}
          value={l}
          onChange={(x) => x && setL(x)}
          allowDeselect={false}
        />
        <TextInput label={t('incidents.form.levelReason')} required value={reason} onChange={(e) => setReason(e.currentTarget.value)} />
        {error && <Text c="red">{error}</Text>}
        <Button
          disabled={!reason.trim()}
          onClick={() =>
            void call('incident.setLevel', { id, level: Number(l) as IncidentLevel, reason })
              .then(onClose)
              .catch((e: unknown) => setError(errorText(t, e)))
          }
        >
          {t('common.save')}
        </Button>
      </Stack>
    </Modal>
  );
}
