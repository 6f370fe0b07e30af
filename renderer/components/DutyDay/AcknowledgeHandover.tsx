/**
 * 已知悉: the leader on duty, from the leader's own login, acknowledges the
 * escalation of a handover nobody has accepted. The escalation stops ringing;
 * the handover stays listed (and the outgoing shift responsible) until accepted.
 */
import { useState } from 'react';
import { Button, Modal, Stack, Text, TextInput } from '@mantine/core';
import { IconEye } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useApiMutation } from '../../api';
import { errorTextWithField, notifySaved } from '../../lib/errors';
import { overdueColor } from '../../theme';

export function AcknowledgeHandover({ dutyDate, shiftId, label }: { dutyDate: string; shiftId: number; label: string }) {
  const { t } = useTranslation();
  const m = useApiMutation('handover.acknowledge');
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  return (
    <>
      <Button size="compact-sm" color="red.9" leftSection={<IconEye size={14} />} onClick={() => setOpen(true)} data-testid="handover-acknowledge">
        {t('handover.acknowledge')}
      </Button>
      {open && (
        <Modal opened onClose={() => setOpen(false)} title={`${t('handover.acknowledge')} · ${label}`}>
          <Stack>
            <Text size="sm">{t('handover.acknowledgeHint')}</Text>
            <TextInput label={t('handover.acknowledgeNote')} value={note} onChange={(e) => setNote(e.currentTarget.value)} data-autofocus />
            {error && (
              <Text c={overdueColor} size="sm" role="alert">
                {error}
              </Text>
            )}
            <Button
              color="red.9"
              loading={m.isPending}
              onClick={() =>
                m.mutate(
                  { dutyDate, shiftId, note: note.trim() || null },
                  {
                    onSuccess: () => {
                      notifySaved(t('handover.acknowledgedDone'));
                      setOpen(false);
                    },
                    onError: (e) => setError(errorTextWithField(t, e)),
                  },
                )
              }
            >
              {t('handover.acknowledge')}
            </Button>
          </Stack>
        </Modal>
      )}
    </>
  );
}
