/**
 * Turning API errors into words people can act on.
 */
import type { TFunction } from 'i18next';
import { notifications } from '@mantine/notifications';
import { ApiCallError } from '../api';
import { i18n } from '../i18n';

/** The translated message of any error (API errors by key, others generic). */
export function errorText(t: TFunction, err: unknown): string {
  if (err instanceof ApiCallError) return t(err.error.messageKey, { ...(err.error.details ?? {}), defaultValue: err.error.message });
  return t('errors.INTERNAL');
}

/**
 * The message plus what is wrong with the first field, for compact forms
 * that show one status line instead of messages under each field.
 */
export function errorTextWithField(t: TFunction, err: unknown): string {
  const first = Object.values(fieldErrors(t, err))[0];
  return first ? `${errorText(t, err)}${first}` : errorText(t, err);
}

/** Field path → translated message, for forms (`form.setErrors(fieldErrors(t, err))`). */
export function fieldErrors(t: TFunction, err: unknown): Record<string, string> {
  if (!(err instanceof ApiCallError)) return {};
  const out: Record<string, string> = {};
  for (const issue of err.error.details?.issues ?? []) {
    if (!out[issue.path]) out[issue.path] = t(issue.messageKey, issue.params ?? {});
  }
  return out;
}

/** Shows an error as a red notification that stays until dismissed. */
export function notifyError(err: unknown): void {
  notifications.show({
    color: 'red',
    title: i18n.t('errors.title'),
    message: errorText(i18n.t, err),
    autoClose: false,
    closeButtonProps: { 'aria-label': i18n.t('common.close') },
  });
}

export function notifySaved(message?: string): void {
  notifications.show({
    color: 'green',
    message: message ?? i18n.t('common.saved'),
    autoClose: 2500,
    closeButtonProps: { 'aria-label': i18n.t('common.close') },
  });
}
