/**
 * Handlers of the register of incoming documents and telegrams (documents.*).
 */
import type { documentsMethods } from '../../../shared/contract/documents';
import { type Handlers } from '../context';
import { documentVersions } from './db';
import { documentsXlsx } from './export';
import {
  createDocument,
  documentDetail,
  documentDone,
  documentSheet,
  listDocuments,
  mustDocumentRow,
  recordRead,
  updateDocumentFields,
  voidDocumentRecord,
} from './service';

export const documentsHandlers: Handlers<keyof typeof documentsMethods> = {
  'documents.create': (ctx, input) => createDocument(ctx, input),
  'documents.update': (ctx, input) => updateDocumentFields(ctx, input),
  'documents.read': (ctx, input) => recordRead(ctx, input),
  'documents.done': (ctx, input) => documentDone(ctx, input),
  'documents.void': (ctx, input) => voidDocumentRecord(ctx, input.id, input.reason),
  'documents.get': (ctx, input) => documentDetail(ctx, input.id),
  'documents.list': (ctx, input) => listDocuments(ctx, input),
  'documents.sheet': (ctx, input) => documentSheet(ctx, input),
  'documents.exportXlsx': (ctx, input) => documentsXlsx(ctx, input),
  'documents.history': (ctx, input) => (mustDocumentRow(ctx.db, input.id), documentVersions(ctx.db, input.id)),
};
