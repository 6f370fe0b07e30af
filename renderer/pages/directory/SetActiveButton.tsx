/**
 * Deactivate (with a reason) or reactivate a person or contact.
 */
import { useState } from 'react';
import { Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { call } from '../../api';
import { errorText } from '../../lib/errors';

export function SetActiveButton({
  method,
  id,
  name,
  active,
  hasLogin = false,
}: {
  method: 'people.setActive' | 'contacts.setActive';
  id: number;
  name: string;
  active: boolean;
  /** The person has a login, which deactivating disables too (said before it happens). */
  hasLogin?: boolean;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const apply = async (nextActive: boolean, why?: string) => {
    try {
      await call(method, { id, active: nextActive, ...(why ? { reason: why } : {}) });
      setOpen(false);
    } catch (e) {
      setError(errorText(t, e));
    }
  };
  if (!active) {
    return (
      <Button size="xs" variant="light" onClick={() => void apply(true)}>
        {t('common.reactivate')}
      </Button>
    );
  }
  return (
    <>
      <Button size="xs" variant="light" color="gray" onClick={() => setOpen(true)}>
        {t('common.deactivate')}
      </Button>
      <Modal opened={open} onClose={() => setOpen(false)} title={t('directory.deactivateTitle', { name })}>
        <Stack>
          <Text size="sm">{t('directory.deactivateHint')}</Text>
          {hasLogin && (
            <Text size="sm" c="orange" data-testid="deactivate-login-hint">
              {t('directory.deactivateLoginHint')}
            </Text>
          )}
          <TextInput label={t('common.reason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} required data-autofocus />
          {error && <Text c="red">{error}</Text>}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setOpen(false)}>
              {t('common.cancel')}
            </Button>
            <Button color="gray" disabled={!reason.trim()} onClick={() => void apply(false, reason.trim())}>
              {t('common.deactivate')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
