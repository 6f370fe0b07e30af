/**
 * A modal form with the house pattern: save → refresh → "已保存" → close;
 * on failure, field errors on the fields and the translated message below.
 */
import { useState, type ReactNode } from 'react';
import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { errorText, fieldErrors, notifySaved } from '../../lib/errors';

export interface FormLike<V> {
  onSubmit: (handler: (values: V) => Promise<void>) => (e?: React.FormEvent<HTMLFormElement>) => void;
  setErrors: (errors: Record<string, string>) => void;
  submitting: boolean;
}

export function FormModal<V>({
  title,
  form,
  save,
  onClose,
  size = 'lg',
  children,
}: {
  title: string;
  form: FormLike<V>;
  /** Writes through the API; throws an ApiCallError on failure. */
  save: (values: V) => Promise<unknown>;
  onClose: () => void;
  size?: string;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  const submit = form.onSubmit(async (values) => {
    setError(null);
    try {
      await save(values);
      notifySaved();
      onClose();
    } catch (e) {
      form.setErrors(fieldErrors(t, e));
      setError(errorText(t, e));
    }
  });
  return (
    <Modal opened onClose={onClose} title={title} size={size} closeButtonProps={{ 'aria-label': t('common.close') }}>
      <form onSubmit={submit}>
        <Stack>
          {children}
          {error && (
            <Text c="red" role="alert">
              {error}
            </Text>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={form.submitting}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
