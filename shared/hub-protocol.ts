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

// ───────────────────────── downward: what the hub sends ─────────────────────────

/**
 * What a superior office sends down. Data only: a desk shows a notice,
 * offers a holiday notice for its admin to confirm (parsed by the desk's own
 * parser), rings a presence check. A desk never runs code or SQL from the hub.
 */
export const downNoticeSchema = z
  .object({
    kind: z.literal('notice'),
    title: pgText.trim().min(1).max(200),
    body: pgText.max(10_000),
    /** The sending office, as the desk shows it. */
    from: pgText.max(100),
  })
  .strict();
export const downHolidaySchema = z
  .object({
    kind: z.literal('holiday'),
    year: z.number().int().min(2000).max(2100),
    title: pgText.trim().min(1).max(200),
    /** The State Council notice as published; the desk parses it and its admin confirms. */
    text: pgText.min(1).max(20_000),
    from: pgText.max(100),
  })
  .strict();
export const downCheckSchema = z
  .object({
    kind: z.literal('check'),
    /** An answer within this many seconds of sending counts as 在岗. */
    limitSeconds: z.number().int().min(10).max(3600),
    from: pgText.max(100),
  })
  .strict();
/** Where a prescribed zero-report wording puts the report's period ("2026年11月24日17时至25日17时"). */
export const zeroWordingPeriod = '{时段}';
/**
 * The daily report's rules a district prescribes (report templates and
 * deadline settings): the period and deadline, and optionally the standard
 * zero-report wording. The desk's admin confirms applying them; the desk
 * keeps its own recipient.
 */
export const downReportRulesSchema = z
  .object({
    kind: z.literal('reportRules'),
    title: pgText.trim().min(1).max(200),
    /** `clock`: the 24 hours up to the cutoff, due at the cutoff; `handover`: the duty day, due at its handover. */
    mode: z.enum(['clock', 'handover']),
    /** Minutes after local midnight: 17:00 = 1020. */
    cutoffMinutes: z.number().int().min(0).max(1439),
    /** The zero report's text, with `{时段}` where the period goes; null keeps the desk's standard wording. */
    zeroWording: pgText.trim().min(1).max(500).nullable(),
    from: pgText.max(100),
  })
  .strict();
export type DownReportRules = z.infer<typeof downReportRulesSchema>;
export const downPayloadSchema = z.discriminatedUnion('kind', [downNoticeSchema, downHolidaySchema, downCheckSchema, downReportRulesSchema]);
export type DownPayload = z.infer<typeof downPayloadSchema>;
export type DownKind = DownPayload['kind'];

export const downMessageSchema = z.object({
  /** The hub's version counter: a desk pulls everything after the last version it holds. */
  version: z.number().int().positive(),
  sentAt: isoInstant,
  payload: downPayloadSchema,
});
export type DownMessage = z.infer<typeof downMessageSchema>;

/** Messages per pull answer (a desk back after a long time pulls again). */
export const maxPullMessages = 100;

export const pullRequestSchema = z.object({ ...signed, cursor: z.number().int().nonnegative() }).strict();
export type PullRequest = z.infer<typeof pullRequestSchema>;

export const pullResponseSchema = z.object({
  deskId: deskIdSchema,
  /** Messages for this desk after the cursor, oldest first. */
  messages: z.array(downMessageSchema).max(maxPullMessages),
  /** The newest version considered (messages to other desks are skipped, the cursor moves past them). */
  cursor: z.number().int().nonnegative(),
  /** More versions wait after `cursor`. */
  more: z.boolean(),
  hubTime: isoInstant,
});
export type PullResponse = z.infer<typeof pullResponseSchema>;

/** The text a desk signs to pull what was sent down. */
export function pullSigningText(r: Pick<PullRequest, 'deskId' | 'keyFingerprint' | 'cursor' | 'sentAt' | 'nonce'>): string {
  return `dutydesk-hub-pull/v1\n${r.deskId}\n${r.keyFingerprint}\n${r.cursor}\n${r.sentAt}\n${r.nonce}`;
}

// ───────────────────────── upward facts a hub reads from the stream ─────────────────────────

/**
 * Audit actions the desk writes for the hub's views. They travel up in the
 * desk's own chain like every other row: the hub learns of an acknowledged
 * notice or an answered presence check only from the desk's stream, so its
 * views can be rebuilt from the streams alone.
 */
export const hubActions = {
  enrol: 'uplink.enrol',
  unenrol: 'uplink.unenrol',
  noticeReceive: 'hubNotice.receive',
  noticeAck: 'hubNotice.ack',
  holidayReceive: 'hubHoliday.receive',
  holidayApply: 'hubHoliday.apply',
  holidayDecline: 'hubHoliday.decline',
  checkReceive: 'hubCheck.receive',
  rulesReceive: 'hubRules.receive',
  rulesApply: 'hubRules.apply',
  rulesDecline: 'hubRules.decline',
  checkAnswer: 'hubCheck.answer',
  dutyReport: 'hubDuty.report',
} as const;

/** `hubCheck.answer`'s after: who answered, how fast, within the limit or not. */
export const checkAnswerFactSchema = z.object({
  version: z.number().int().positive(),
  sentAt: z.string(),
  answeredAt: z.string(),
  seconds: z.number().nonnegative(),
  limitSeconds: z.number().int(),
  withinLimit: z.boolean(),
  answeredBy: z.string(),
  /** Whether the answering user is on the published duty now; null when nobody is rostered. */
  onDuty: z.boolean().nullable(),
});
export type CheckAnswerFact = z.infer<typeof checkAnswerFactSchema>;

/** `hubNotice.ack` / `hubHoliday.apply|decline`'s after. */
export const messageHandledFactSchema = z.object({ version: z.number().int().positive(), by: z.string(), year: z.number().int().optional() });

const dutyPersonFact = z.object({ name: z.string(), mobile: z.string().nullable(), officePhone: z.string().nullable() });
/** `hubDuty.report`'s after: the duty now, self-contained (names and phones), as the desk publishes it. */
export const dutyReportFactSchema = z.object({
  dutyDate: z.string(),
  dutyPhone: z.string().nullable(),
  shifts: z.array(
    z.object({
      shiftName: z.string(),
      start: z.string(),
      end: z.string(),
      leader: z.array(dutyPersonFact),
      officer: z.array(dutyPersonFact),
      standby: z.array(dutyPersonFact),
    }),
  ),
});
export type DutyReportFact = z.infer<typeof dutyReportFactSchema>;
