/**
 * Errors that cross the API boundary.
 *
 * Every failure reaches the renderer as a plain `ApiError` value with a
 * translation key, never as a thrown stack trace (Actual's `sendCatch` idea).
 */
export const errorCodes = [
  'VALIDATION',
  'UNKNOWN_METHOD',
  'UNAUTHENTICATED',
  'SESSION_LOCKED',
  'FORBIDDEN',
  'SETUP_REQUIRED',
  'ALREADY_SET_UP',
  'NOT_FOUND',
  'CONFLICT',
  'READ_ONLY',
  'BAD_CREDENTIALS',
  'RATE_LIMITED',
  'PAYLOAD_TOO_LARGE',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof errorCodes)[number];

/** One problem with one field of the input (zod issue, flattened). */
export interface FieldIssue {
  /** Dotted path of the field, e.g. `phones.0.number`; empty for the whole input. */
  path: string;
  /** Translation key under `validation.*`. */
  messageKey: string;
  /** Values for the translation (minimum, maximum, expected …). */
  params?: Record<string, string | number>;
}

export interface ApiError {
  code: ErrorCode;
  /** i18n key, e.g. `errors.VALIDATION`. */
  messageKey: string;
  /** Default (zh-CN) text, for clients that do not translate. */
  message: string;
  details?: { issues?: FieldIssue[]; [key: string]: unknown };
}

export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiError };

/** Thrown inside the core; turned into an `ApiError` at the boundary. */
export class DomainError extends Error {
  readonly code: ErrorCode;
  readonly messageKey: string;
  readonly details?: ApiError['details'];
  constructor(code: ErrorCode, messageKey?: string, details?: ApiError['details']) {
    super(messageKey ?? `errors.${code}`);
    this.name = 'DomainError';
    this.code = code;
    this.messageKey = messageKey ?? `errors.${code}`;
    this.details = details;
  }
}

export const isApiError = (v: unknown): v is ApiError =>
  typeof v === 'object' && v !== null && 'code' in v && 'messageKey' in v;
