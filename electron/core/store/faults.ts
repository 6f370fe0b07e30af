/**
 * What went wrong with the store, as a translated fault: a locked file, a
 * read-only folder, a damaged file, a newer schema, a full disk. Used at
 * opening (trust/open.ts) and by the dispatcher for failed writes.
 */
import { DomainError } from '../../../shared/errors';
import { NewerSchemaError } from '../store/connection';

export const storeFaultKinds = ['locked', 'readOnlyFolder', 'damaged', 'newer', 'diskFull', 'behind', 'missing', 'unknown'] as const;
export type StoreFaultKind = (typeof storeFaultKinds)[number];

export interface StoreFault {
  kind: StoreFaultKind;
  /** i18n key under `trust.fault.*`. */
  messageKey: string;
  params?: Record<string, string | number>;
  /** Technical detail for the log (not shown as the message). */
  detail: string;
}

const sqliteCode = (e: unknown): string => String((e as { code?: unknown }).code ?? '');

/** Classifies an error thrown while opening or writing the store. */
export function classifyStoreError(e: unknown): StoreFault {
  const code = sqliteCode(e);
  const detail = String((e as Error)?.message ?? e).slice(0, 300);
  if (e instanceof NewerSchemaError) return { kind: 'newer', messageKey: 'store.newer', detail };
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return { kind: 'locked', messageKey: 'trust.fault.locked', detail };
  if (code === 'SQLITE_FULL' || code === 'ENOSPC' || /disk is full|ENOSPC/u.test(detail)) return { kind: 'diskFull', messageKey: 'trust.fault.diskFull', detail };
  if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB' || /malformed|not a database/u.test(detail)) return { kind: 'damaged', messageKey: 'store.damaged', detail };
  if (code.startsWith('SQLITE_READONLY') || code.startsWith('SQLITE_CANTOPEN') || code === 'EROFS' || code === 'EACCES' || code === 'EPERM') {
    return { kind: 'readOnlyFolder', messageKey: 'trust.fault.readOnlyFolder', detail };
  }
  return { kind: 'unknown', messageKey: 'trust.fault.unknown', detail };
}

/**
 * For the dispatcher: an error from a write that should reach the user as a
 * clear message rather than INTERNAL. Returns null for anything else.
 */
export function storeErrorToDomain(e: unknown): DomainError | null {
  if (e instanceof DomainError) return null;
  const code = sqliteCode(e);
  if (!code.startsWith('SQLITE_') && !['ENOSPC', 'EROFS', 'EACCES'].includes(code)) return null;
  const f = classifyStoreError(e);
  if (f.kind === 'unknown') return null;
  return new DomainError(f.kind === 'locked' ? 'CONFLICT' : 'READ_ONLY', f.messageKey);
}