/**
 * What a command-line tool prints for an error: the translated message, never a stack.
 *
 * A `DomainError` (or an `ApiError` value) is the user's problem and says what to do;
 * anything else is a bug and is printed as one line with its name, so the terminal
 * never shows a raw stack trace for a domain error (issue 11 item 3).
 */
import { DomainError, isApiError } from '../../shared/errors';
import { translate } from '../../shared/i18n';

export function describeCliError(err: unknown): string {
  if (err instanceof DomainError || isApiError(err)) {
    const params = (err.details ?? {}) as Record<string, unknown>;
    return `${translate('zh-CN', err.messageKey, params)}\n(${translate('en', err.messageKey, params)})`;
  }
  const msg = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
  return `内部错误 / internal error: ${msg}`;
}
