/**
 * A dialog that asks why before an action on an official record (reopen,
 * replace a key, restore …): the reason is required, errors are shown in the
 * dialog, and it closes only when the action succeeded.
 */
import { useState, type ReactNode } from 'react';
import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../lib/errors';

export function ReasonDialog(props: {
  title: string;
  label: string;
  confirmLabel: string;
  confirmColor?: string;
  confirmIcon?: ReactNode;
  /** Anything the person should read or see before confirming. */
  children?: ReactNode;
  onConfirm: (reason: string) => Promise<unknown>;
  onClose: () => void;
  size?: string;
  testId?: string;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    setError(null);
    setBusy(true);
    try {
      await props.onConfirm(reason.trim());
      props.onClose();
    } catch (e) {
      setError(errorText(t, e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal opened onClose={props.onClose} title={props.title} size={props.size ?? 'md'}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (reason.trim()) void submit();
        }}
      >
        <Stack>
          {props.children}
          <Textarea
            label={props.label}
            required
            autosize
            minRows={2}
            maxLength={500}
            data-autofocus
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            data-testid={props.testId ? `${props.testId}-reason` : undefined}
          />
          {error && (
            <Text c="red" role="alert">
              {error}
            </Text>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={props.onClose}>
              {t('common.cancel')}
            </Button>
            <Button
              type="submit"
              color={props.confirmColor}
              leftSection={props.confirmIcon}
              disabled={!reason.trim()}
              loading={busy}
              data-testid={props.testId ? `${props.testId}-confirm` : undefined}
            >
              {props.confirmLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
