/**
 * API methods of the trust domain: the audit chain (head, verify, list,
 * export, signed checkpoints), backups and restore, integrity checks.
 */
import { z } from 'zod';
import type { AuditEvent } from '../audit';
import type { AuditProblem, SignedCheckpoint } from '../domain/audit-verify';
import { empty, isoDate, reason } from './common';
import { str } from './common';
import { method } from './define';

export interface ChainHeadInfo {
  deskId: string;
  unitName: string;
  seq: number;
  hash: string;
  /** When the newest row was written (UTC ISO), null for an empty chain. */
  at: string | null;
  /** Fingerprint of the desk's signing key, null until the first checkpoint. */
  keyFingerprint: string | null;
  /** The newest row's time is later than the core clock: the wall clock was set back. */
  clockBehind: boolean;
}

export interface CheckpointCheck {
  /** The signature matches the checkpoint's own public key. */
  signatureValid: boolean;
  /** The checkpoint's key is one of this desk's keys. */
  keyKnown: boolean;
  /** The checkpoint is for this desk. */
  sameDesk: boolean;
  seq: number;
  hash: string;
  at: string;
}

export interface AuditVerifyResult {
  ok: boolean;
  rows: number;
  headSeq: number;
  headHash: string;
  problem: AuditProblem | null;
  checkpoint: CheckpointCheck | null;
  durationMs: number;
  checkedAt: string;
}

export interface AuditListResult {
  rows: AuditEvent[];
  /** Rows matching the filter. */
  total: number;
}

export interface CsvExport {
  fileName: string;
  /** CSV text (UTF-8 with BOM so Excel reads Chinese), formula-safe. */
  content: string;
  rows: number;
}

export interface CheckpointSummary {
  seq: number;
  hash: string;
  at: string;
  keyFingerprint: string;
  actor: string;
}

/** A current record that disagrees with the latest state its audit rows describe (table, id, field). */
export interface RecordMismatch {
  /** The table (or `settings`) holding the record. */
  table: string;
  /** The record's id (a settings key, `7 v2` for version 2 of roster plan 7). */
  id: string;
  /** The field that differs; `*` for the whole record. */
  field: string;
  /** changed: a field differs; unaudited: no audit row describes the record; missing: an audited record is gone. */
  kind: 'changed' | 'unaudited' | 'missing';
  /** What the latest audit row says, and what the record holds (JSON, cut to 120 characters). */
  expected: string | null;
  actual: string | null;
  /** The audit row the expectation comes from (0: the setting's default). */
  seq: number | null;
}

/** Records reconciled with the chain. */
export interface RecordsCheck {
  ok: boolean;
  /** Records compared. */
  records: number;
  /** The first mismatches; `more` counts the rest. */
  mismatches: RecordMismatch[];
  more: number;
}

export interface IntegrityResult {
  at: string;
  kind: 'nightly' | 'manual';
  /** `ok`, or the first messages of PRAGMA integrity_check. */
  integrity: string[];
  /** Rows of PRAGMA foreign_key_check (table, rowid, parent). */
  foreignKeys: { table: string; rowid: number | null; parent: string }[];
  chainOk: boolean;
  chainProblem: AuditProblem | null;
  /** Every current official record compared with its audit rows (absent in results logged before issue 12). */
  records?: RecordsCheck | null;
  ok: boolean;
  durationMs: number;
}

const hex64 = str().regex(/^[0-9a-f]{64}$/u);
const base64 = str().max(400).regex(/^[A-Za-z0-9+/=]+$/u);

export const signedCheckpointSchema = z
  .object({
    format: z.literal('dutydesk-audit-checkpoint'),
    v: z.literal(1),
    deskId: str().min(1).max(64),
    unitName: str().max(80),
    seq: z.number().int().min(0),
    hash: hex64,
    at: z.iso.datetime({ offset: true }),
    publicKey: base64,
    keyFingerprint: hex64,
    signature: base64,
  })
  .strict() satisfies z.ZodType<SignedCheckpoint>;

const dateRange = {
  from: isoDate,
  to: isoDate,
};

const auditors = ['admin', 'leader'] as const;

export const trustMethods = {
  'audit.head': method<ChainHeadInfo>()({ input: empty, access: 'session', kind: 'query' }),
  'audit.verify': method<AuditVerifyResult>()({
    input: z
      .object({
        /** A signed checkpoint exported earlier (the JSON file's text). */
        checkpoint: str().max(4000).optional(),
      })
      .strict(),
    access: auditors,
    kind: 'query',
  }),
  'audit.list': method<AuditListResult>()({
    input: z
      .object({
        ...dateRange,
        entity: str().trim().max(40).optional(),
        actor: str().trim().max(64).optional(),
        /** Rows with seq below this (paging newest first). */
        beforeSeq: z.number().int().positive().optional(),
        limit: z.number().int().min(1).max(500).default(100),
      })
      .strict(),
    access: auditors,
    kind: 'query',
  }),
  'audit.exportCsv': method<CsvExport>()({
    input: z.object(dateRange).strict(),
    access: auditors,
    kind: 'query',
  }),
  'audit.checkpoints': method<CheckpointSummary[]>()({ input: empty, access: auditors, kind: 'query' }),
  /** Signs the current chain head with the desk key and records it in the chain. */
  'audit.checkpoint': method<SignedCheckpoint>()({ input: empty, access: ['admin'], kind: 'mutation' }),
  /** Replaces the desk's signing key (reason required) and signs a checkpoint with the new one. */
  'audit.rotateKey': method<SignedCheckpoint>()({ input: z.object({ reason }).strict(), access: ['admin'], kind: 'mutation' }),

  'integrity.latest': method<IntegrityResult | null>()({ input: empty, access: ['admin'], kind: 'query' }),
  'integrity.run': method<IntegrityResult>()({ input: empty, access: ['admin'], kind: 'mutation' }),
} as const;
