/**
 * The audit event format, shared by the desk and (later) the PostgreSQL hub.
 *
 * Each row is self-describing: format version `v`, the desk that wrote it,
 * its gapless `seq`, and the hash of the previous row. The hash input is the
 * canonical JSON below — keys in a fixed order, `before`/`after` as the exact
 * stored JSON text — so any verifier can recompute it byte for byte.
 */
export const auditFormatVersion = 1;
export const genesisHash = '0'.repeat(64);

export interface AuditEvent {
  seq: number;
  v: number;
  /** UTC ISO instant. */
  at: string;
  deskId: string;
  actorId: number | null;
  /** Login name, or `system`. */
  actor: string;
  /** `<entity>.<verb>`, e.g. `person.create`. */
  action: string;
  entity: string;
  entityId: string | null;
  /** Canonical JSON of the record before the change, or null. */
  before: string | null;
  after: string | null;
  reason: string | null;
  prevHash: string;
  hash: string;
}

const hashedKeys = [
  'v',
  'seq',
  'at',
  'deskId',
  'actorId',
  'actor',
  'action',
  'entity',
  'entityId',
  'before',
  'after',
  'reason',
  'prevHash',
] as const;

/** The exact string that is hashed for a row. */
export function canonicalAuditPayload(e: Omit<AuditEvent, 'hash'>): string {
  const parts = hashedKeys.map((k) => `${JSON.stringify(k)}:${JSON.stringify(e[k])}`);
  return `{${parts.join(',')}}`;
}

/** JSON with object keys sorted recursively: the same value always gives the same text. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(value).sort()) {
      const v = (value as Record<string, unknown>)[k];
      if (v !== undefined) out[k] = sortKeys(v);
    }
    return out;
  }
  return value;
}
