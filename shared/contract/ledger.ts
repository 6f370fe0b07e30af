/**
 * API methods of supervised items (督办事项) and their ledgers (台账): 挂号 on
 * entry, progress notes, extensions with a reason, evidence, 销号 by an
 * authorised role; ledgers are views by source, owner and state, printed on
 * A4 and exported to Excel. The hazard-screening ledger (隐患排查台账) is the
 * view of `source: 'hazard'` with its own fields.
 */
import { z } from 'zod';
import {
  hazardLevels,
  ledgerCloserRoles,
  ledgerSources,
  rectifyStates,
  type HazardLevel,
  type LedgerSource,
  type LedgerState,
  type RectifyState,
} from '../domain/ledger';
import { id, isoDate, officers, optText, reason, text, type ExportedFile } from './common';
import { str } from './common';
import { method } from './define';
import { attachmentMaxBytes, type Attachment } from './incidents';

/** Evidence of an item (photos, scans of the rectification): stored like an incident's attachments. */
export type LedgerAttachment = Omit<Attachment, 'incidentId'> & { itemId: number };
import type { RecordVersion } from './petitions';

export interface LedgerFields {
  source: LedgerSource;
  /** What it came from: an incident's or petition's number, the meeting, the 批示. */
  sourceRef: string | null;
  title: string;
  detail: string | null;
  ownerUnit: string;
  ownerPerson: string | null;
  closingStandard: string | null;
  /** 隐患排查 only: place, level, 整改措施, 整改 state (the hazard itself is `title`). */
  hazardPlace: string | null;
  hazardLevel: HazardLevel | null;
  measures: string | null;
  rectifyState: RectifyState | null;
}

export interface LedgerNote {
  id: number;
  text: string;
  at: string;
  by: string;
}

export interface LedgerExtension {
  id: number;
  fromDeadline: string;
  toDeadline: string;
  reason: string;
  at: string;
  by: string;
}

export interface LedgerItem extends LedgerFields {
  id: number;
  /** 挂号 number: DB2026-001. */
  no: string;
  version: number;
  /** 挂号日期 (local date of entry). */
  enteredDate: string;
  firstDeadline: string;
  deadline: string;
  /** The instant the deadline day ends (desk zone). */
  dueAt: string;
  state: LedgerState;
  overdue: boolean;
  closedAt: string | null;
  closedBy: string | null;
  closingNote: string | null;
  extensions: number;
  lastNote: string | null;
  fromLogEntryId: number | null;
  createdAt: string;
  createdBy: string;
  voided: boolean;
  voidReason: string | null;
}

export interface LedgerDetail extends LedgerItem {
  notes: LedgerNote[];
  extensionList: LedgerExtension[];
  attachments: LedgerAttachment[];
}

export interface LedgerSheet {
  unitName: string;
  title: string;
  filterText: string;
  items: LedgerItem[];
  counts: { total: number; open: number; overdue: number; closed: number };
  generatedAt: string;
}

const fields = {
  source: z.enum(ledgerSources),
  sourceRef: optText(80),
  title: text(200),
  detail: optText(2000),
  ownerUnit: text(80),
  ownerPerson: optText(40),
  closingStandard: optText(1000),
  hazardPlace: optText(120),
  hazardLevel: z.enum(hazardLevels).nullish(),
  measures: optText(2000),
  rectifyState: z.enum(rectifyStates).nullish(),
};

export const ledgerFilter = z
  .object({
    source: z.enum(ledgerSources).optional(),
    state: z.enum(['open', 'closed', 'overdue', 'all']).optional(),
    ownerUnit: str().trim().max(80).optional(),
    query: str().trim().max(40).optional(),
    fromLogEntryId: id.optional(),
  })
  .strict();
export type LedgerFilter = z.output<typeof ledgerFilter>;

export const ledgerMethods = {
  'ledger.create': method<LedgerItem>()({
    input: z.object({ ...fields, deadline: isoDate, fromLogEntryId: id.optional() }).strict(),
    access: officers,
    kind: 'mutation',
  }),
  'ledger.update': method<LedgerItem>()({
    input: z.object(fields).partial().extend({ id, expectedVersion: z.number().int().min(1), reason }).strict(),
    access: officers,
    kind: 'mutation',
  }),
  'ledger.note': method<LedgerDetail>()({ input: z.object({ id, text: text(2000) }).strict(), access: officers, kind: 'mutation' }),
  'ledger.extend': method<LedgerDetail>()({
    input: z.object({ id, deadline: isoDate, reason }).strict(),
    access: ledgerCloserRoles,
    kind: 'mutation',
  }),
  'ledger.attach': method<LedgerAttachment>()({
    input: z
      .object({
        itemId: id,
        name: text(200),
        mime: str().trim().min(1).max(100),
        dataBase64: str().max(Math.ceil(attachmentMaxBytes / 3) * 4 + 4),
      })
      .strict(),
    access: officers,
    kind: 'mutation',
  }),
  'ledger.attachment': method<LedgerAttachment & { dataBase64: string }>()({ input: z.object({ id }).strict(), access: 'session', kind: 'query' }),
  'ledger.voidAttachment': method<LedgerAttachment>()({ input: z.object({ id, reason }).strict(), access: officers, kind: 'mutation' }),
  'ledger.close': method<LedgerDetail>()({
    input: z.object({ id, note: text(2000) }).strict(),
    access: ledgerCloserRoles,
    kind: 'mutation',
  }),
  'ledger.void': method<LedgerItem>()({ input: z.object({ id, reason }).strict(), access: officers, kind: 'mutation' }),
  'ledger.get': method<LedgerDetail>()({ input: z.object({ id }).strict(), access: 'session', kind: 'query' }),
  'ledger.list': method<LedgerItem[]>()({ input: ledgerFilter, access: 'session', kind: 'query' }),
  'ledger.sheet': method<LedgerSheet>()({ input: ledgerFilter, access: 'session', kind: 'query' }),
  'ledger.exportXlsx': method<ExportedFile>()({ input: ledgerFilter, access: 'session', kind: 'query' }),
  'ledger.history': method<RecordVersion<LedgerFields & { deadline: string }>[]>()({ input: z.object({ id }).strict(), access: 'session', kind: 'query' }),
} as const;
