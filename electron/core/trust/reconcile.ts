/**
 * Reconciling the records with the audit chain.
 *
 * The chain proves the audit rows were not edited; this proves the records
 * agree with them. Every audit row that describes a record's state (its
 * `after`, or for a void the reason) is folded, in seq order, into the
 * latest audited state of that record; then every current official record —
 * log entries, incidents, reports, roster plans and each published roster
 * version slot by slot, people, contacts, users, shift templates, the desk
 * and the settings that steer deadlines, escalation, rostering and backups;
 * and the newer domains (attendance, presence checks, handovers and to-dos,
 * daily reports, petitions and petitioners, the ledger, documents,
 * instructions and their 落实 follow-ups: reconcile-domains.ts) —
 * is compared field by field with it. `UPDATE log_entries SET summary=…`
 * behind the app's back is then named: table, id, field.
 *
 * Only fields an audit row describes are compared (the seeded history audits
 * log entries by kind, time and summary only; times of last login change
 * without an audit row by design). A record with no audit row at all is
 * reported as unaudited; an audited record that is gone, as missing.
 */
import crypto from 'node:crypto';
import type { Db } from '../store/connection';
import { canonicalJson } from '../../../shared/audit';
import { slotId, type Assignment } from '../../../shared/domain/roster-rules';
import type { SlotChange } from '../../../shared/contract/roster';
import type { RecordMismatch } from '../../../shared/contract/trust';
import { contentOf, getLogEntry } from '../log/db';
import { getIncident } from '../incidents/db';
import { getReport } from '../incidents/reports-db';
import { defaultEscalationSettings, getReportRules, getEscalationSettings } from '../incidents/settings';
import { nationalReportRules } from '../../../shared/domain/deadline';
import { defaultRules } from '../../../shared/domain/roster-rules';
import { getPerson } from '../directory/people-db';
import { getContact } from '../directory/contacts-db';
import { getUserRow, rowToUser } from '../auth/db';
import { getShift, getPlan, getRules, getVersionAssignments } from '../roster/db';
import { getDesk } from '../desk/db';
import { defaultSettings, getSettings } from '../store/settings';
import { defaultBackupSettings, getBackupSettings } from '../backup/service';
import { newerFolds, newerTables } from './reconcile-domains';

export type ReconcileMismatch = RecordMismatch;

export interface ReconcileReport {
  ok: boolean;
  /** Records compared. */
  records: number;
  /** Every mismatch up to `limit`; `more` counts the rest. */
  mismatches: ReconcileMismatch[];
  more: number;
  durationMs: number;
}

type Fields = Record<string, unknown>;
interface Claimed {
  fields: Fields;
  seq: number;
}

/** Fields that change without an audit row by design, never compared. */
const unaudited = new Set(['lastLoginAt', 'updatedAt', 'dirty']);

const sha256 = (s: string): string => crypto.createHash('sha256').update(s, 'utf8').digest('hex');
const cut = (v: unknown): string | null => {
  if (v === undefined) return null;
  const s = canonicalJson(v);
  return s.length > 120 ? `${s.slice(0, 119)}…` : s;
};

/** The record tables reconciled, with how to read one record in the shape its audit rows describe. */
interface TableSpec {
  all: string;
  read: (db: Db, id: number) => Fields | null;
  /** Fields derived from others (a plan's state from its version), not compared. */
  derived?: readonly string[];
  /** Rows that exist without an audit row by design (the default shift the first migration creates). */
  bornUnaudited?: (db: Db, id: number) => boolean;
}

const tables: Record<string, TableSpec> = {
  log_entries: {
    all: 'SELECT id FROM log_entries',
    read: (db, id) => {
      const e = getLogEntry(db, id);
      return e ? { ...contentOf(e), voided: e.voided, voidReason: e.voidReason } : null;
    },
  },
  incidents: { all: 'SELECT id FROM incidents', read: (db, id) => getIncident(db, id) as unknown as Fields | null },
  incident_reports: {
    all: 'SELECT id FROM incident_reports',
    read: (db, id) => {
      const r = getReport(db, id);
      return r ? { ...r, contentSha256: sha256(r.content) } : null;
    },
  },
  people: { all: 'SELECT id FROM people', read: (db, id) => getPerson(db, id) as unknown as Fields | null },
  contacts: { all: 'SELECT id FROM contacts', read: (db, id) => getContact(db, id) as unknown as Fields | null },
  users: {
    all: 'SELECT id FROM users',
    read: (db, id) => {
      const r = getUserRow(db, id);
      return r ? (rowToUser(r) as unknown as Fields) : null;
    },
  },
  shift_templates: {
    all: 'SELECT id FROM shift_templates',
    read: (db, id) => getShift(db, id) as unknown as Fields | null,
    // Migration 0020 creates the default 24-hour shift before the desk exists.
    bornUnaudited: (db, id) => id === (db.prepare('SELECT min(id) AS id FROM shift_templates').get() as { id: number }).id,
  },
  roster_plans: { all: 'SELECT id FROM roster_plans', read: (db, id) => getPlan(db, id) as unknown as Fields | null, derived: ['state', 'publishedAt', 'publishedBy'] },
  // Attendance, presence, handovers, daily reports, petitions, the ledger, documents, instructions' 落实 (reconcile-domains.ts).
  ...newerTables,
};

/** Settings (and the desk row) as their audit rows describe them. */
const settingsReaders: Record<string, (db: Db) => Fields | null> = {
  desk: (db) => getDesk(db) as unknown as Fields | null,
  preferences: (db) => getSettings(db) as unknown as Fields,
  'incidents.reportRules': (db) => getReportRules(db) as unknown as Fields,
  'incidents.escalation': (db) => getEscalationSettings(db) as unknown as Fields,
  'roster.rules': (db) => getRules(db) as unknown as Fields,
  backup: (db) => getBackupSettings(db) as unknown as Fields,
};

/** What a setting holds before any audit row changed it: its default. */
const settingsDefaults: Record<string, unknown> = {
  preferences: defaultSettings,
  'incidents.reportRules': nationalReportRules,
  'incidents.escalation': defaultEscalationSettings,
  'roster.rules': defaultRules,
  backup: defaultBackupSettings,
};

const entityTable: Record<string, string> = {
  logEntry: 'log_entries',
  incident: 'incidents',
  report: 'incident_reports',
  person: 'people',
  contact: 'contacts',
  user: 'users',
  shift: 'shift_templates',
};

const isObject = (v: unknown): v is Fields => v !== null && typeof v === 'object' && !Array.isArray(v);

interface Folded {
  records: Map<string, Map<string, Claimed>>;
  settings: Map<string, Claimed>;
  /** plan id → version → the slot map after that version, and the row that published it. */
  versions: Map<number, Map<number, { slots: Map<string, number>; seq: number }>>;
}

function claim(map: Map<string, Claimed>, id: string, fields: Fields, seq: number): void {
  const cur = map.get(id);
  if (cur) {
    Object.assign(cur.fields, fields);
    cur.seq = seq;
  } else map.set(id, { fields: { ...fields }, seq });
}

/** Rows or records per step: the async form yields to the event loop between steps. */
const step = 20_000;

/** Folds every audit row, in seq order, into the latest audited state of each record. */
function* fold(db: Db): Generator<void, Folded> {
  const records = new Map<string, Map<string, Claimed>>(Object.keys(tables).map((t) => [t, new Map()]));
  const settings = new Map<string, Claimed>(Object.entries(settingsDefaults).map(([k, v]) => [k, { fields: { ...(v as Fields) }, seq: 0 }]));
  const versions: Folded['versions'] = new Map();
  const interesting = [...Object.keys(entityTable), ...Object.keys(newerFolds), 'roster_plan', 'settings', 'backupSettings', 'roster_rules', 'desk'];
  const rows = db
    .prepare(`SELECT seq, action, entity, entity_id, after, reason FROM audit_log WHERE entity IN (${interesting.map(() => '?').join(', ')}) ORDER BY seq`)
    .raw(true)
    .iterate(...interesting) as IterableIterator<[number, string, string, string | null, string | null, string | null]>;
  let n = 0;
  for (const [seq, action, entity, entityId, afterText, reason] of rows) {
    if (++n % step === 0) yield;
    let after: unknown = null;
    if (afterText !== null) {
      try {
        after = JSON.parse(afterText);
      } catch {
        continue; // the chain verifier names a malformed row
      }
    }
    const newer = newerFolds[entity];
    if (newer) {
      if (entityId !== null) for (const c of newer(action, isObject(after) ? after : null, reason, entityId)) claim(records.get(c.table)!, c.id, c.fields, seq);
      continue;
    }
    const table = entityTable[entity];
    if (table) {
      const map = records.get(table)!;
      if (action === 'logEntry.seedDay' && isObject(after) && Array.isArray(after.entries)) {
        for (const e of after.entries as Fields[]) claim(map, String(e.id), { kind: e.kind, occurredAt: e.occurredAt, summary: e.summary, voided: false, voidReason: null }, seq);
      } else if (action === 'logEntry.void' && entityId !== null) {
        claim(map, entityId, { voided: true, voidReason: reason }, seq);
      } else if (entityId !== null && isObject(after)) {
        const { passwordChanged: _p, ...fields } = after;
        // A new log entry is not void: say so, so a void written by hand is seen.
        if (action === 'logEntry.create') Object.assign(fields, { voided: false, voidReason: null });
        if (Object.keys(fields).length) claim(map, entityId, fields, seq);
      }
      continue;
    }
    if (entity === 'roster_plan' && entityId !== null && isObject(after)) {
      const planId = Number(entityId);
      if (typeof after.version === 'number' && Array.isArray(after.changes)) {
        // A published version: the slots of the previous version with this version's changes applied.
        let byVersion = versions.get(planId);
        if (!byVersion) versions.set(planId, (byVersion = new Map()));
        const prev = byVersion.get(after.version - 1)?.slots ?? new Map<string, number>();
        const slots = new Map(prev);
        for (const c of after.changes as SlotChange[]) {
          const key = slotId(c);
          if (c.to === null) slots.delete(key);
          else slots.set(key, c.to);
        }
        byVersion.set(after.version, { slots, seq });
        claim(records.get('roster_plans')!, entityId, { version: after.version }, seq);
      } else if (typeof after.title === 'string') {
        claim(records.get('roster_plans')!, entityId, after, seq);
      }
      continue;
    }
    if (!isObject(after)) continue;
    const key = entity === 'desk' ? 'desk' : entity === 'backupSettings' ? 'backup' : entity === 'roster_rules' ? 'roster.rules' : (entityId ?? 'preferences');
    if (settingsReaders[key]) claim(settings, key, after, seq);
  }
  return { records, settings, versions };
}

function* run(db: Db, opts: { limit?: number }): Generator<void, ReconcileReport> {
  const t0 = performance.now();
  const limit = opts.limit ?? 200;
  const mismatches: ReconcileMismatch[] = [];
  let more = 0;
  let records = 0;
  const add = (m: ReconcileMismatch): void => {
    if (mismatches.length < limit) mismatches.push(m);
    else more += 1;
  };
  const compare = (table: string, id: string, claimed: Claimed, current: Fields, derived: readonly string[] = []): void => {
    for (const [field, expected] of Object.entries(claimed.fields)) {
      if (unaudited.has(field) || derived.includes(field) || !(field in current) || expected === undefined) continue;
      const actual = current[field];
      if (canonicalJson(expected ?? null) !== canonicalJson(actual ?? null)) {
        add({ table, id, field, kind: 'changed', expected: cut(expected), actual: cut(actual), seq: claimed.seq });
      }
    }
  };

  const folded = yield* fold(db);
  for (const [table, spec] of Object.entries(tables)) {
    const claims = folded.records.get(table)!;
    const ids = (db.prepare(spec.all).raw(true).all() as [number][]).map((r) => r[0]);
    const present = new Set<string>();
    for (const n of ids) {
      if (++records % step === 0) yield;
      const id = String(n);
      present.add(id);
      const claimed = claims.get(id);
      if (!claimed) {
        if (!spec.bornUnaudited?.(db, n)) add({ table, id, field: '*', kind: 'unaudited', expected: null, actual: null, seq: null });
        continue;
      }
      const current = spec.read(db, n);
      if (current) compare(table, id, claimed, current, spec.derived);
    }
    for (const [id, claimed] of claims) {
      if (!present.has(id)) add({ table, id, field: '*', kind: 'missing', expected: cut(claimed.fields), actual: null, seq: claimed.seq });
    }
  }

  for (const [key, claimed] of folded.settings) {
    records += 1;
    const current = settingsReaders[key]!(db);
    if (!current) add({ table: key === 'desk' ? 'desk' : 'settings', id: key, field: '*', kind: 'missing', expected: cut(claimed.fields), actual: null, seq: claimed.seq });
    else compare(key === 'desk' ? 'desk' : 'settings', key, claimed, current);
  }

  const versionRows = db.prepare('SELECT plan_id, version FROM roster_versions').raw(true).all() as [number, number][];
  const audited = new Set<string>();
  for (const [planId, byVersion] of folded.versions) {
    for (const [version, { slots, seq }] of byVersion) {
      audited.add(`${planId}|${version}`);
      records += 1;
      const id = `${planId} v${version}`;
      const stored = getVersionAssignments(db, planId, version);
      if (stored.length === 0 && slots.size > 0) {
        add({ table: 'roster_versions', id, field: '*', kind: 'missing', expected: `${slots.size} slots`, actual: null, seq });
        continue;
      }
      const actual = new Map(stored.filter((a: Assignment) => a.personId !== null).map((a) => [slotId(a), a.personId!]));
      for (const [slot, person] of slots) {
        if (actual.get(slot) !== person) add({ table: 'roster_assignments', id, field: slot, kind: 'changed', expected: String(person), actual: cut(actual.get(slot) ?? null), seq });
      }
      for (const [slot, person] of actual) {
        if (!slots.has(slot)) add({ table: 'roster_assignments', id, field: slot, kind: 'changed', expected: null, actual: String(person), seq });
      }
    }
  }
  for (const [planId, version] of versionRows) {
    if (!audited.has(`${planId}|${version}`)) add({ table: 'roster_versions', id: `${planId} v${version}`, field: '*', kind: 'unaudited', expected: null, actual: null, seq: null });
  }

  return { ok: mismatches.length === 0, records, mismatches, more, durationMs: Math.round(performance.now() - t0) };
}

/** Compares every current record with its latest audited state; at most `limit` mismatches are listed (CLI, tests, bench). */
export function reconcileRecords(db: Db, opts: { limit?: number } = {}): ReconcileReport {
  const it = run(db, opts);
  for (;;) {
    const r = it.next();
    if (r.done) return r.value;
  }
}

/** The same, yielding to the event loop between steps (the nightly check and "立即检查"). */
export async function reconcileRecordsAsync(db: Db, opts: { limit?: number } = {}): Promise<ReconcileReport> {
  const it = run(db, opts);
  for (;;) {
    const r = it.next();
    if (r.done) return r.value;
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
}
