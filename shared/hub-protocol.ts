/**
 * The desk ↔ hub wire format: zod schemas of every request and answer, and
 * the exact texts a desk signs.
 *
 * Shared by the hub (`hub/`) and the desk's outbox. Pure: the caller signs
 * and verifies with its own Ed25519 implementation (node:crypto on both
 * sides today). Every request a desk sends is signed with its desk key over
 * one of the `…SigningText` strings below; the hub answers JSON, errors as
 * `{ error: HubErrorBody }` naming the desk and the seq where a chain is
 * refused.
 */
import { z } from 'zod';
import type { AuditEvent } from './audit';

export const hubProtocolVersion = 1;

/** Rows per batch the hub accepts (a desk with a backlog sends several). */
export const maxBatchRows = 1000;

const hex64 = z.string().regex(/^[0-9a-f]{64}$/u);
/** PostgreSQL text cannot hold U+0000: such a row is refused as malformed rather than failing in SQL. */
const pgText = z.string().refine((s) => !s.includes('\u0000'), { message: 'nul' });
export const deskIdSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/u);
const base64 = z.string().regex(/^[A-Za-z0-9+/]+={0,2}$/u);
const nonce = z.string().regex(/^[0-9a-f]{32}$/u);
const isoInstant = z.string().datetime({ offset: true });

/** One audit row exactly as `shared/audit.ts` defines it. */
export const auditEventSchema = z
  .object({
    seq: z.number().int().positive(),
    v: z.number().int(),
    at: pgText.max(64),
    deskId: deskIdSchema,
    actorId: z.number().int().nullable(),
    actor: pgText.max(200),
    action: pgText.max(100),
    entity: pgText.max(100),
    entityId: pgText.max(200).nullable(),
    before: pgText.nullable(),
    after: pgText.nullable(),
    reason: pgText.max(4000).nullable(),
    prevHash: hex64,
    hash: hex64,
  })
  .strict() satisfies z.ZodType<AuditEvent>;

/** Fields every signed request carries: who, with which key, when, and a one-time nonce. */
const signed = {
  deskId: deskIdSchema,
  /** SHA-256 (hex) of the signing key's SPKI DER — the same fingerprint the desk shows. */
  keyFingerprint: hex64,
  /** The desk's clock at sending, UTC ISO; the hub refuses a request too far from its own clock. */
  sentAt: isoInstant,
  nonce,
  /** Ed25519 signature, base64. */
  signature: base64,
};

export const enrolRequestSchema = z
  .object({
    code: z.string().trim().min(8).max(64),
    deskId: deskIdSchema,
    unitName: pgText.trim().min(1).max(100),
    /** Ed25519 public key, SPKI PEM as node:crypto exports it. */
    publicKeyPem: z.string().max(1000).includes('BEGIN PUBLIC KEY'),
    sentAt: isoInstant,
    nonce,
    /** Proves possession of the key: signs `enrolSigningText`. */
    signature: base64,
  })
  .strict();
export type EnrolRequest = z.infer<typeof enrolRequestSchema>;

export const headRequestSchema = z.object(signed).strict();
export type HeadRequest = z.infer<typeof headRequestSchema>;

export const batchRequestSchema = z
  .object({
    ...signed,
    firstSeq: z.number().int().positive(),
    lastSeq: z.number().int().positive(),
    /** Hash of the row at `lastSeq`: with the chain's links it pins every row of the batch. */
    lastHash: hex64,
    events: z.array(auditEventSchema).min(1).max(maxBatchRows),
  })
  .strict();
export type BatchRequest = z.infer<typeof batchRequestSchema>;

export const chainPointSchema = z.object({ seq: z.number().int().nonnegative(), hash: hex64 });

export const enrolResponseSchema = z.object({
  deskId: deskIdSchema,
  unitName: z.string(),
  keyFingerprint: hex64,
  head: chainPointSchema,
  hubTime: isoInstant,
});
export type EnrolResponse = z.infer<typeof enrolResponseSchema>;

export const headResponseSchema = z.object({
  deskId: deskIdSchema,
  /** The last seq the hub has stored for the desk: the desk sends from `seq + 1`. */
  head: chainPointSchema,
  /** The key the hub expects on the next batch (changes after a `deskKey.rotate` row is ingested). */
  keyFingerprint: hex64,
  hubTime: isoInstant,
});
export type HeadResponse = z.infer<typeof headResponseSchema>;

export const batchResponseSchema = z.object({
  deskId: deskIdSchema,
  /** Rows stored by this call; 0 for a replay. */
  added: z.number().int().nonnegative(),
  head: chainPointSchema,
  keyFingerprint: hex64,
  hubTime: isoInstant,
});
export type BatchResponse = z.infer<typeof batchResponseSchema>;

export const hubErrorCodes = [
  'VALIDATION',
  'PAYLOAD_TOO_LARGE',
  'NOT_FOUND',
  'UNAUTHORIZED',
  'ENROL_CODE_INVALID',
  'ENROL_CODE_USED',
  'ENROL_CODE_EXPIRED',
  'DESK_EXISTS',
  'DESK_UNKNOWN',
  'DESK_REVOKED',
  'KEY_UNKNOWN',
  'KEY_REVOKED',
  'KEY_MISMATCH',
  'BAD_SIGNATURE',
  'CLOCK_SKEW',
  'NONCE_REUSED',
  'CHAIN_REFUSED',
  'INTERNAL',
] as const;
export type HubErrorCode = (typeof hubErrorCodes)[number];

/**
 * Why a chain was refused. The verifier's kinds (`shared/domain/audit-verify.ts`)
 * plus what only the hub can see: `gap` (the batch starts after the hub's
 * head), `forked` (a row differs from the one stored for the same seq — e.g. a
 * desk restored from an old backup that kept writing), `rotation` (a
 * `deskKey.rotate` row that does not name its key correctly), `checkpoint`
 * (a checkpoint row whose signature fails), `batch` (the signed range does not
 * match the rows sent).
 */
export const chainRefusalKinds = ['edited', 'missing', 'reordered', 'truncated', 'rewritten', 'malformed', 'gap', 'forked', 'rotation', 'checkpoint', 'batch'] as const;
export type ChainRefusalKind = (typeof chainRefusalKinds)[number];

export const hubErrorBodySchema = z.object({
  code: z.enum(hubErrorCodes),
  /** zh-CN then English, for logs and consoles that do not translate. */
  message: z.string(),
  deskId: z.string().optional(),
  seq: z.number().int().optional(),
  kind: z.enum(chainRefusalKinds).optional(),
  hubTime: isoInstant.optional(),
});
export type HubErrorBody = z.infer<typeof hubErrorBodySchema>;
export const hubErrorResponseSchema = z.object({ error: hubErrorBodySchema });

/** The text an enrolling desk signs with its new key. */
export function enrolSigningText(r: Pick<EnrolRequest, 'code' | 'deskId' | 'unitName' | 'sentAt' | 'nonce'> & { keyFingerprint: string }): string {
  return `dutydesk-hub-enrol/v1\n${r.code}\n${r.deskId}\n${r.unitName}\n${r.keyFingerprint}\n${r.sentAt}\n${r.nonce}`;
}

/** The text a desk signs to ask for its head. */
export function headSigningText(r: Pick<HeadRequest, 'deskId' | 'keyFingerprint' | 'sentAt' | 'nonce'>): string {
  return `dutydesk-hub-head/v1\n${r.deskId}\n${r.keyFingerprint}\n${r.sentAt}\n${r.nonce}`;
}

/**
 * The text a desk signs for a batch.
 *
 * Only the range and the last hash are signed: the hub recomputes every row's
 * hash and checks each link from its stored row `firstSeq - 1`, so a valid
 * signature over `lastHash` covers every row sent.
 */
export function batchSigningText(r: Pick<BatchRequest, 'deskId' | 'keyFingerprint' | 'firstSeq' | 'lastSeq' | 'lastHash' | 'sentAt' | 'nonce'> & { count: number }): string {
  return `dutydesk-hub-batch/v1\n${r.deskId}\n${r.keyFingerprint}\n${r.firstSeq}\n${r.lastSeq}\n${r.lastHash}\n${r.count}\n${r.sentAt}\n${r.nonce}`;
}

/** The audit action that carries a new desk key (`electron/core/services/checkpoint.ts`). */
export const keyRotateAction = 'deskKey.rotate';
export const keyCreateAction = 'deskKey.create';
export const checkpointAction = 'audit.checkpoint';

/**
 * Where a desk cuts its backlog into batches: after each key rotation, so
 * every batch is signed by one key — the key current after the row before
 * the batch (the rotation row itself still travels under the old key).
 */
export function batchRanges(events: readonly Pick<AuditEvent, 'action'>[], maxRows = 500): Array<[start: number, end: number]> {
  const out: Array<[number, number]> = [];
  let start = 0;
  for (let i = 0; i < events.length; i += 1) {
    const cut = i - start + 1 >= maxRows || events[i]!.action === keyRotateAction || i === events.length - 1;
    if (cut) {
      out.push([start, i + 1]);
      start = i + 1;
    }
  }
  return out;
}
