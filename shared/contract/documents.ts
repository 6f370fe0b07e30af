/**
 * API methods of the register of incoming documents and telegrams (来文 /
 * 明传电报): 来文单位, 文号, 标题, 密级 (公开/内部 only), 紧急程度, pages,
 * 拟办意见, 批示, 传阅, 办理 deadline and result.
 */
import { z } from 'zod';
import { allSecrecyLevels, documentKinds, isStorableSecrecy, urgencies, type DocumentKind, type DocumentState, type Secrecy, type Urgency } from '../domain/document';
import { id, isoDate, isoInstant, officers, optText, reason, text, type ExportedFile } from './common';
import { str } from './common';
import { method } from './define';
import type { RecordVersion } from './petitions';

export interface DocumentFields {
  kind: DocumentKind;
  fromUnit: string;
  docNo: string | null;
  title: string;
  secrecy: Secrecy;
  urgency: Urgency;
  receivedAt: string;
  pages: number | null;
  proposal: string | null;
  instruction: string | null;
  dueAt: string | null;
}

export interface DocumentRead {
  id: number;
  reader: string;
  readAt: string;
  note: string | null;
  by: string;
}

export interface IncomingDocument extends DocumentFields {
  id: number;
  /** 收文号: SW2026-0001. */
  no: string;
  version: number;
  receivedDate: string;
  state: DocumentState;
  result: string | null;
  doneAt: string | null;
  doneBy: string | null;
  overdue: boolean;
  readers: string[];
  fromLogEntryId: number | null;
  createdAt: string;
  createdBy: string;
  voided: boolean;
  voidReason: string | null;
}

export interface DocumentDetail extends IncomingDocument {
  reads: DocumentRead[];
}

export interface DocumentSheet {
  unitName: string;
  from: string;
  to: string;
  items: IncomingDocument[];
  generatedAt: string;
}

/**
 * 密级: all five levels are named so that 秘密 and above are refused with
 * the reason (validation.secrecy), not as an unknown value.
 */
export const secrecyInput = z.enum(allSecrecyLevels).refine(isStorableSecrecy, { message: 'secrecy' });

const fields = {
  kind: z.enum(documentKinds),
  fromUnit: text(80),
  docNo: optText(60),
  title: text(300),
  secrecy: secrecyInput,
  urgency: z.enum(urgencies),
  receivedAt: isoInstant.optional(),
  pages: z.number().int().min(1).max(10_000).nullish(),
  proposal: optText(2000),
  instruction: optText(2000),
  dueAt: isoInstant.nullish(),
};

const rangeInput = z
  .object({ from: isoDate, to: isoDate, kind: z.enum(documentKinds).optional(), query: str().trim().max(40).optional() })
  .strict()
  .refine((v) => v.from <= v.to, { message: 'dateRange', path: ['to'] });

export const documentsMethods = {
  'documents.create': method<IncomingDocument>()({
    input: z.object({ ...fields, fromLogEntryId: id.optional() }).strict(),
    access: officers,
    kind: 'mutation',
  }),
  'documents.update': method<IncomingDocument>()({
    input: z.object(fields).partial().extend({ id, expectedVersion: z.number().int().min(1), reason }).strict(),
    access: officers,
    kind: 'mutation',
  }),
  'documents.read': method<DocumentDetail>()({
    input: z.object({ id, reader: text(40), readAt: isoInstant.optional(), note: optText(500) }).strict(),
    access: officers,
    kind: 'mutation',
  }),
  'documents.done': method<DocumentDetail>()({
    input: z.object({ id, result: text(2000) }).strict(),
    access: officers,
    kind: 'mutation',
  }),
  'documents.void': method<IncomingDocument>()({ input: z.object({ id, reason }).strict(), access: officers, kind: 'mutation' }),
  'documents.get': method<DocumentDetail>()({ input: z.object({ id }).strict(), access: 'session', kind: 'query' }),
  'documents.list': method<IncomingDocument[]>()({
    input: z
      .object({
        from: isoDate.optional(),
        to: isoDate.optional(),
        kind: z.enum(documentKinds).optional(),
        state: z.enum(['open', 'done', 'overdue', 'all']).optional(),
        query: str().trim().max(40).optional(),
        fromLogEntryId: id.optional(),
      })
      .strict(),
    access: 'session',
    kind: 'query',
  }),
  'documents.sheet': method<DocumentSheet>()({ input: rangeInput, access: 'session', kind: 'query' }),
  'documents.exportXlsx': method<ExportedFile>()({ input: rangeInput, access: 'session', kind: 'query' }),
  'documents.history': method<RecordVersion<DocumentFields>[]>()({ input: z.object({ id }).strict(), access: 'session', kind: 'query' }),
} as const;
