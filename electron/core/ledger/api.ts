/**
 * Handlers of supervised items and their ledgers (ledger.*).
 */
import type { ledgerMethods } from '../../../shared/contract/ledger';
import { asyncMutation, type Handlers } from '../context';
import { decodeAttachment, readAttachment, storeAttachment } from '../incidents/attachments';
import { ledgerVersions } from './db';
import { ledgerXlsx } from './export';
import {
  addLedgerAttachment,
  addLedgerNote,
  closeLedger,
  createLedgerItem,
  extendLedgerItem,
  ledgerDetail,
  ledgerSheet,
  listLedger,
  mustLedgerAttachment,
  mustLedgerRow,
  updateLedgerFields,
  voidLedger,
  voidLedgerEvidence,
} from './service';

export const ledgerHandlers: Handlers<keyof typeof ledgerMethods> = {
  'ledger.create': (ctx, input) => createLedgerItem(ctx, input),
  'ledger.update': (ctx, input) => updateLedgerFields(ctx, input),
  'ledger.note': (ctx, input) => addLedgerNote(ctx, input.id, input.text),
  'ledger.extend': (ctx, input) => extendLedgerItem(ctx, input),
  // The file is written (by content hash) before the transaction; the row and its audit commit together.
  'ledger.attach': asyncMutation(async (ctx, input) => {
    mustLedgerRow(ctx.db, input.itemId);
    const buf = decodeAttachment(input.dataBase64);
    const sha256 = await storeAttachment(ctx.core.dataDir, buf);
    return ctx.transact((w) => addLedgerAttachment(w, { itemId: input.itemId, name: input.name, mime: input.mime, size: buf.length, sha256 }));
  }),
  'ledger.attachment': async (ctx, input) => {
    const a = mustLedgerAttachment(ctx.db, input.id);
    const buf = await readAttachment(ctx.core.dataDir, a.sha256);
    return { ...a, dataBase64: buf.toString('base64') };
  },
  'ledger.voidAttachment': (ctx, input) => voidLedgerEvidence(ctx, input.id, input.reason),
  'ledger.close': (ctx, input) => closeLedger(ctx, input),
  'ledger.void': (ctx, input) => voidLedger(ctx, input.id, input.reason),
  'ledger.get': (ctx, input) => ledgerDetail(ctx, input.id),
  'ledger.list': (ctx, input) => listLedger(ctx, input),
  'ledger.sheet': (ctx, input) => ledgerSheet(ctx, input),
  'ledger.exportXlsx': (ctx, input) => ledgerXlsx(ctx, input),
  'ledger.history': (ctx, input) => (mustLedgerRow(ctx.db, input.id), ledgerVersions(ctx.db, input.id)),
};
