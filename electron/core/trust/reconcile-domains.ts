/**
 * The newer domains reconciled with the chain (issue 12 §2): attendance
 * marks, presence checks (查岗), handovers and their to-dos, daily reports,
 * petitions and petitioners, supervised items (督办台账), documents (收文)
 * and leaders' instructions with their 落实 follow-ups.
 *
 * Their audit rows are not all "the record after": a step names only the new
 * state, a note or an attachment names something else under the same entity.
 * So each entity says, action by action, which fields of which record a row
 * describes (`fold`); everything else is left to the chain verifier. Each
 * table says how to read a record in the same shape.
 */
import type { Db } from '../store/connection';
import { getMark } from '../attendance/db';
import { getCheck } from '../presence/db';
import { getHandover, getTodo } from '../handover/db';
import { getDailyReport } from '../reports/db';
import { getLedgerRow, ledgerFieldsOf } from '../ledger/db';
import { documentFieldsOf, getDocumentRow } from '../documents/db';
import { getPetitionerRow, getPetitionRow, petitionerContent, petitionFieldsOf } from '../petitions/db';
import { getInstruction } from '../incidents/records-db';

type Fields = Record<string, unknown>;

export interface NewerTable {
  all: string;
  read: (db: Db, id: number) => Fields | null;
}

/** One audit row's claim: these fields of this record. */
export interface Claim {
  table: string;
  id: string;
  fields: Fields;
}

const pick = (o: Fields, keys: readonly string[]): Fields => {
  const out: Fields = {};
  for (const k of keys) if (k in o) out[k] = o[k];
  return out;
};
const omit = (o: Fields, keys: readonly string[]): Fields => Object.fromEntries(Object.entries(o).filter(([k]) => !keys.includes(k)));
const live = { voided: false, voidReason: null };
const voidedBy = (reason: string | null): Fields => ({ voided: true, voidReason: reason });

export const newerTables: Record<string, NewerTable> = {
  attendance_marks: { all: 'SELECT id FROM attendance_marks', read: (db, id) => getMark(db, id) as unknown as Fields | null },
  presence_checks: { all: 'SELECT id FROM presence_checks', read: (db, id) => getCheck(db, id) as unknown as Fields | null },
  handovers: {
    all: 'SELECT id FROM handovers',
    read: (db, id) => {
      const k = db.prepare('SELECT duty_date AS d, shift_id AS s FROM handovers WHERE id = ?').get(id) as { d: string; s: number } | undefined;
      return k ? (getHandover(db, k.d, k.s) as unknown as Fields | null) : null;
    },
  },
  duty_todos: { all: 'SELECT id FROM duty_todos', read: (db, id) => getTodo(db, id) as unknown as Fields | null },
  daily_reports: { all: 'SELECT id FROM daily_reports', read: (db, id) => getDailyReport(db, id) as unknown as Fields | null },
  ledger_items: {
    all: 'SELECT id FROM ledger_items',
    read: (db, id) => {
      const r = getLedgerRow(db, id);
      return r
        ? { ...ledgerFieldsOf(r), no: r.no, deadline: r.deadline, state: r.state, closingNote: r.closing_note, fromLogEntryId: r.from_log_entry_id, voided: r.voided_at !== null, voidReason: r.void_reason }
        : null;
    },
  },
  documents: {
    all: 'SELECT id FROM documents',
    read: (db, id) => {
      const r = getDocumentRow(db, id);
      return r ? { ...documentFieldsOf(r), no: r.no, state: r.state, fromLogEntryId: r.from_log_entry_id, voided: r.voided_at !== null, voidReason: r.void_reason } : null;
    },
  },
  petitions: {
    all: 'SELECT id FROM petitions',
    read: (db, id) => {
      const r = getPetitionRow(db, id);
      return r ? { ...petitionFieldsOf(r), no: r.no, state: r.state, fromLogEntryId: r.from_log_entry_id, voided: r.voided_at !== null, voidReason: r.void_reason } : null;
    },
  },
  petitioners: {
    all: 'SELECT id FROM petitioners',
    // The audit rows keep the ID number masked: every other field is compared.
    read: (db, id) => {
      const r = getPetitionerRow(db, id);
      return r ? omit(petitionerContent(r) as unknown as Fields, ['idNumber']) : null;
    },
  },
  incident_instructions: { all: 'SELECT id FROM incident_instructions', read: (db, id) => getInstruction(db, id) as unknown as Fields | null },
  instruction_followups: {
    all: 'SELECT id FROM instruction_followups',
    read: (db, id) => {
      const r = db.prepare('SELECT state, note, done_by AS doneBy, at, by FROM instruction_followups WHERE id = ?').get(id) as Fields | undefined;
      return r ?? null;
    },
  },
};

const markFields = ['dutyDate', 'shiftId', 'personId', 'kind', 'at', 'coveringPersonId', 'note'] as const;
const petitionSteps = new Set(['accept', 'reject', 'startHandling', 'extend', 'conclude', 'requestReview', 'answerReview', 'requestRecheck', 'answerRecheck']);

/** Audit entity → what each of its rows claims. */
export const newerFolds: Record<string, (action: string, after: Fields | null, reason: string | null, id: string) => Claim[]> = {
  attendance: (action, after, reason, id) => {
    if ((action === 'attendance.signIn' || action === 'attendance.signOut') && after) return [{ table: 'attendance_marks', id, fields: { ...pick(after, markFields), ...live } }];
    if (action === 'attendance.void') return [{ table: 'attendance_marks', id, fields: voidedBy(reason) }];
    return [];
  },
  presenceCheck: (action, after, reason, id) => {
    if (action === 'presence.create' && after) return [{ table: 'presence_checks', id, fields: { ...after, ...live } }];
    if (action === 'presence.update' && after) return [{ table: 'presence_checks', id, fields: after }];
    if (action === 'presence.void') return [{ table: 'presence_checks', id, fields: voidedBy(reason) }];
    return [];
  },
  handover: (action, after, _reason, id) => {
    if (!after) return [];
    if (action === 'handover.save') return [{ table: 'handovers', id, fields: pick(after, ['content']) }];
    if (action === 'handover.submit') return [{ table: 'handovers', id, fields: { ...pick(after, ['content']), state: 'submitted' } }];
    if (action === 'handover.confirm') return [{ table: 'handovers', id, fields: { state: 'confirmed', confirmNote: after.note } }];
    if (action === 'handover.return') return [{ table: 'handovers', id, fields: { state: 'returned', returnNote: after.note } }];
    return [];
  },
  todo: (action, after, _reason, id) => ((action === 'todo.add' || action === 'todo.close') && after ? [{ table: 'duty_todos', id, fields: after }] : []),
  dailyReport: (action, after, reason, id) => {
    if (action === 'dailyReport.draft' && after) return [{ table: 'daily_reports', id, fields: { ...pick(after, ['reportDate', 'kind', 'summary']), ...live } }];
    // An edit may send a reviewed report back to draft without naming the state: not compared until a row names it.
    // An edit sends the report back to 拟稿 and clears the review; older rows did not say so (then those two are not compared until a later row names them).
    if (action === 'dailyReport.update' && after) return [{ table: 'daily_reports', id, fields: { ...pick(after, ['summary', 'kind']), state: 'state' in after ? after.state : undefined, reviewNote: 'reviewNote' in after ? after.reviewNote : undefined } }];
    if (action === 'dailyReport.review' && after) return [{ table: 'daily_reports', id, fields: { state: 'reviewed', reviewNote: after.note } }];
    if (action === 'dailyReport.send' && after) return [{ table: 'daily_reports', id, fields: { state: 'sent', ...pick(after, ['recipient', 'method', 'sentAt', 'late']) } }];
    if (action === 'dailyReport.void') return [{ table: 'daily_reports', id, fields: voidedBy(reason) }];
    return [];
  },
  ledgerItem: (action, after, reason, id) => {
    if (action === 'ledger.create' && after) return [{ table: 'ledger_items', id, fields: { ...after, state: 'open', ...live } }];
    if (action === 'ledger.update' && after) return [{ table: 'ledger_items', id, fields: after }];
    if (action === 'ledger.extend' && after) return [{ table: 'ledger_items', id, fields: pick(after, ['deadline']) }];
    if (action === 'ledger.close' && after) return [{ table: 'ledger_items', id, fields: { state: 'closed', closingNote: after.note } }];
    if (action === 'ledger.void') return [{ table: 'ledger_items', id, fields: voidedBy(reason) }];
    return []; // notes and attachments are rows of their own
  },
  document: (action, after, reason, id) => {
    if (action === 'document.create' && after) return [{ table: 'documents', id, fields: { ...after, ...live } }];
    if (action === 'document.update' && after) return [{ table: 'documents', id, fields: after }];
    if (action === 'document.done') return [{ table: 'documents', id, fields: { state: 'done' } }];
    if (action === 'document.void') return [{ table: 'documents', id, fields: voidedBy(reason) }];
    return []; // a reading (传阅) is a row of its own
  },
  petition: (action, after, reason, id) => {
    if (action === 'petition.create' && after) return [{ table: 'petitions', id, fields: { ...omit(after, ['petitioners']), state: 'registered', ...live } }];
    if (action === 'petition.update' && after) return [{ table: 'petitions', id, fields: omit(after, ['petitioners']) }];
    if (action === 'petition.void') return [{ table: 'petitions', id, fields: voidedBy(reason) }];
    const step = action.slice('petition.'.length);
    if ((petitionSteps.has(step) || step === 'assign' || step === 'transfer') && after && typeof after.state === 'string') return [{ table: 'petitions', id, fields: { state: after.state } }];
    // A 交办/转办 written before its rows named the state (older desks) may have moved it: from there on it is not compared.
    if (step === 'assign' || step === 'transfer') return [{ table: 'petitions', id, fields: { state: undefined } }];
    return []; // petitioners, assignments done, 督办/回访 notes and the 包案 leave the state as it was
  },
  petitioner: (action, after, _reason, id) =>
    (action === 'petitioner.create' || action === 'petitioner.update') && after ? [{ table: 'petitioners', id, fields: omit(after, ['idNumber']) }] : [],
  instruction: (action, after, _reason, id) => {
    if (action === 'instruction.create' && after) return [{ table: 'incident_instructions', id, fields: pick(after, ['incidentId', 'leaderName', 'text', 'givenAt']) }];
    if (action === 'instruction.followUp' && after && after.id !== undefined)
      return [{ table: 'instruction_followups', id: String(after.id), fields: pick(after, ['state', 'note', 'doneBy', 'at', 'by']) }];
    return [];
  },
};


