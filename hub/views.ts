/**
 * The hub's views, computed from the desks' streams (plus what the hub
 * itself sent down): nothing here is kept that a re-ingest of the chains
 * would not give back.
 *
 * - board: every desk — link (last heard from), last event, duty now (the
 *   desk's newest `hubDuty.report`), today's presence checks, notices not
 *   yet acknowledged, incidents open.
 * - presence checks per desk and month: on time / late / missed (漏岗 = no
 *   answer within the limit).
 * - incidents across desks, folded from `incident.*` and `report.file` rows.
 *
 * - the daily / zero report of a date per desk: filed (daily or zero, on
 *   time or late) or missing, from `dailyReport.*` rows.
 *
 * - petition totals across desks for a date range: 批 and 人次 by level
 *   (到区 / 到市 / 赴省 / 进京, 上访 forms only, as the desks count them) and
 *   by category, folded from `petition.create|update|void` rows — a voided
 *   petition drops out, a corrected one counts as corrected.
 */
import { z } from 'zod';
import { checkAnswerFactSchema, dutyReportFactSchema, hubActions, type CheckAnswerFact, type DutyReportFact } from '../shared/hub-protocol';
import { localDate } from '../shared/time';
import { petitionForms, petitionLevels, tally, type CountedPetition } from '../shared/domain/petition';
import type { Queryable } from './db/engine';
import { listSent, type SentMessage } from './downward';
import type { HubBoardDesk, HubCheckMonth, HubCheckOutcome, HubCheckResult, HubIncidentRow, HubPetitionRow, HubPetitionTotals } from '../shared/hub-console';

// The views answer the hub console's API: their shapes are the console's (shared/hub-console.ts).
export type BoardDesk = HubBoardDesk;
export type CheckOutcome = HubCheckOutcome;
export type DailyReportState = HubBoardDesk['dailyReport'];
export type CheckResult = HubCheckResult;
export type CheckMonthRow = HubCheckMonth['rows'][number];
export type HubIncident = HubIncidentRow;
export type PetitionTotalsRow = HubPetitionRow & { deskId: string; unitName: string };
export type PetitionTotals = HubPetitionTotals;

/** A desk heard from within this long is 在线 (desks pull every 10 s while connected). */
export const onlineWindowMs = 90_000;




const reportDraft = z.object({ reportDate: z.string(), kind: z.enum(['daily', 'zero']) }).passthrough();
const reportKind = z.object({ kind: z.enum(['daily', 'zero']) }).passthrough();
const reportSent = z.object({ sentAt: z.string(), late: z.boolean() }).passthrough();

/** Each desk's daily / zero report for `date` (the desk's report date), folded from its `dailyReport.*` rows. */
export async function dailyReports(db: Queryable, date: string): Promise<Map<string, DailyReportState>> {
  const byReport = new Map<string, { deskId: string; date: string; kind: 'daily' | 'zero'; sent: { sentAt: string; late: boolean } | null; voided: boolean }>();
  for (const e of await eventsOf(db, ['dailyReport.draft', 'dailyReport.update', 'dailyReport.send', 'dailyReport.void'])) {
    const key = `${e.desk_id}|${e.entity_id ?? ''}`;
    const after = parseJson(e.after);
    if (e.action === 'dailyReport.draft') {
      const d = reportDraft.safeParse(after);
      if (d.success) byReport.set(key, { deskId: e.desk_id, date: d.data.reportDate, kind: d.data.kind, sent: null, voided: false });
      continue;
    }
    const r = byReport.get(key);
    if (!r) continue;
    if (e.action === 'dailyReport.update') {
      const k = reportKind.safeParse(after);
      if (k.success) r.kind = k.data.kind;
    } else if (e.action === 'dailyReport.send') {
      const s = reportSent.safeParse(after);
      if (s.success) r.sent = { sentAt: s.data.sentAt, late: s.data.late };
    } else r.voided = true;
  }
  const out = new Map<string, DailyReportState>();
  const rank = (s: DailyReportState['state']): number => ({ filed: 3, late: 2, drafted: 1, missing: 0 })[s];
  for (const r of byReport.values()) {
    if (r.date !== date || r.voided) continue;
    const st: DailyReportState = r.sent ? { state: r.sent.late ? 'late' : 'filed', kind: r.kind, sentAt: r.sent.sentAt } : { state: 'drafted', kind: r.kind, sentAt: null };
    const prev = out.get(r.deskId);
    if (!prev || rank(st.state) > rank(prev.state)) out.set(r.deskId, st);
  }
  return out;
}


interface EventRow {
  desk_id: string;
  seq: number;
  at: string;
  action: string;
  entity_id: string | null;
  before: string | null;
  after: string | null;
}

const parseJson = (s: string | null): unknown => {
  if (!s) return null;
  try {
    return JSON.parse(s);
  } catch {
    return null;
  }
};

/** The actions the views read: the partial index `audit_events_view` (migration 0020) covers exactly these. */
export const viewActions = [
  hubActions.dutyReport,
  hubActions.checkAnswer,
  hubActions.noticeReceive,
  hubActions.noticeAck,
  hubActions.holidayReceive,
  hubActions.holidayApply,
  hubActions.holidayDecline,
  'incident.create',
  'incident.update',
  'incident.setLevel',
  'incident.setStatus',
  'report.file',
  'dailyReport.draft',
  'dailyReport.update',
  'dailyReport.send',
  'dailyReport.void',
  'petition.create',
  'petition.update',
  'petition.void',
  hubActions.rulesReceive,
  hubActions.rulesApply,
  hubActions.rulesDecline,
] as const;
type ViewAction = (typeof viewActions)[number];

async function eventsOf(db: Queryable, actions: readonly ViewAction[]): Promise<EventRow[]> {
  // The list is written into the SQL as constants (only names from viewActions, checked here), so the
  // planner can prove the partial index's predicate; a bound array parameter would not let it.
  for (const a of actions) if (!(viewActions as readonly string[]).includes(a) || !/^[A-Za-z.]+$/u.test(a)) throw new Error(`not a view action: ${a}`);
  const list = actions.map((a) => `'${a}'`).join(', ');
  const r = await db.query<EventRow>(`SELECT desk_id, seq, at, action, entity_id, before, after FROM audit_events WHERE action IN (${list}) ORDER BY desk_id, seq`);
  return r.rows;
}

interface DeskRow {
  desk_id: string;
  unit_name: string;
  enrolled_at: Date | string;
  revoked_at: Date | string | null;
  last_seen_at: Date | string | null;
  seq: number;
  last_at: string | null;
  updated_at: Date | string;
}

const isoOf = (d: Date | string | null): string | null => (d === null ? null : new Date(d).toISOString());

async function desks(db: Queryable): Promise<DeskRow[]> {
  const r = await db.query<DeskRow>(
    `SELECT d.desk_id, d.unit_name, d.enrolled_at, d.revoked_at, d.last_seen_at, h.seq, h.last_at, h.updated_at
       FROM desks d JOIN desk_heads h USING (desk_id) ORDER BY d.unit_name, d.desk_id`,
  );
  return r.rows;
}

const isTarget = (m: SentMessage, deskId: string, enrolledAt: string): boolean =>
  (m.targets === null ? Date.parse(enrolledAt) <= Date.parse(m.sentAt) : m.targets.includes(deskId));

/** Each presence check × each desk it went to, with its outcome as the streams tell it. */
export async function checkResults(db: Queryable, opts: { since?: string; until?: string; now: Date }): Promise<CheckResult[]> {
  const sent = (await listSent(db, { kind: 'check', ...(opts.since ? { since: opts.since } : {}), ...(opts.until ? { until: opts.until } : {}), limit: 10_000 })).reverse();
  if (sent.length === 0) return [];
  const all = await desks(db);
  const answers = new Map<string, CheckAnswerFact>();
  for (const e of await eventsOf(db, [hubActions.checkAnswer])) {
    const f = checkAnswerFactSchema.safeParse(parseJson(e.after));
    if (f.success) answers.set(`${e.desk_id}|${f.data.version}`, f.data);
  }
  const out: CheckResult[] = [];
  for (const m of sent) {
    if (m.payload.kind !== 'check') continue;
    const limit = m.payload.limitSeconds;
    for (const d of all) {
      if (!isTarget(m, d.desk_id, isoOf(d.enrolled_at)!)) continue;
      const answer = answers.get(`${d.desk_id}|${m.version}`) ?? null;
      const expired = opts.now.getTime() > Date.parse(m.sentAt) + limit * 1000;
      const outcome: CheckOutcome = answer ? (answer.withinLimit ? 'onTime' : 'late') : expired ? 'missed' : 'waiting';
      out.push({ version: m.version, deskId: d.desk_id, sentAt: m.sentAt, limitSeconds: limit, outcome, answer });
    }
  }
  return out;
}


/** Presence checks of a month (desk-local month bounds in the hub's time zone), per desk. */
export async function checkMonth(db: Queryable, bounds: { since: string; until: string }, now: Date): Promise<{ rows: CheckMonthRow[]; checks: CheckResult[] }> {
  const checks = await checkResults(db, { ...bounds, now });
  const names = new Map((await desks(db)).map((d) => [d.desk_id, d.unit_name]));
  const by = new Map<string, CheckMonthRow & { total: number }>();
  for (const c of checks) {
    let r = by.get(c.deskId);
    if (!r) {
      r = { deskId: c.deskId, unitName: names.get(c.deskId) ?? c.deskId, sent: 0, onTime: 0, late: 0, missed: 0, meanSeconds: null, total: 0 };
      by.set(c.deskId, r);
    }
    r.sent += 1;
    if (c.outcome === 'onTime') r.onTime += 1;
    if (c.outcome === 'late') r.late += 1;
    if (c.outcome === 'late' || c.outcome === 'missed') r.missed += 1;
    if (c.answer) {
      r.total += c.answer.seconds;
      const answered = r.onTime + r.late;
      r.meanSeconds = Math.round((r.total / answered) * 10) / 10;
    }
  }
  return { rows: [...by.values()].map(({ total: _t, ...r }) => r).sort((a, b) => a.unitName.localeCompare(b.unitName, 'zh-CN')), checks };
}

const incidentCreate = z.object({ no: z.string().optional(), title: z.string(), category: z.string(), level: z.number(), learnedAt: z.string(), occurredAt: z.string().optional(), location: z.string().nullable().optional() }).passthrough();
const reportFiled = z.object({ incidentId: z.number(), title: z.string().optional(), sentAt: z.string(), late: z.boolean().optional() }).passthrough();


/** Incidents across desks, learned of in [since, until). */
export async function incidents(db: Queryable, bounds: { since: string; until: string }): Promise<HubIncident[]> {
  const names = new Map((await desks(db)).map((d) => [d.desk_id, d.unit_name]));
  const rows = await eventsOf(db, ['incident.create', 'incident.update', 'incident.setLevel', 'incident.setStatus', 'report.file']);
  const map = new Map<string, HubIncident>();
  for (const e of rows) {
    const after = parseJson(e.after);
    if (e.action === 'incident.create') {
      const c = incidentCreate.safeParse(after);
      if (!c.success || !e.entity_id) continue;
      map.set(`${e.desk_id}|${e.entity_id}`, {
        deskId: e.desk_id,
        unitName: names.get(e.desk_id) ?? e.desk_id,
        incidentId: e.entity_id,
        no: c.data.no ?? null,
        title: c.data.title,
        category: c.data.category,
        level: c.data.level,
        learnedAt: c.data.learnedAt,
        location: c.data.location ?? null,
        status: 'open',
        reports: [],
        late: false,
      });
      continue;
    }
    if (e.action === 'report.file') {
      const r = reportFiled.safeParse(after);
      const inc = r.success ? map.get(`${e.desk_id}|${r.data.incidentId}`) : undefined;
      if (!r.success || !inc) continue;
      inc.reports.push({ title: r.data.title ?? null, sentAt: r.data.sentAt, late: r.data.late ?? false });
      inc.late ||= r.data.late ?? false;
      continue;
    }
    const inc = e.entity_id ? map.get(`${e.desk_id}|${e.entity_id}`) : undefined;
    if (!inc || typeof after !== 'object' || after === null) continue;
    const a = after as Record<string, unknown>;
    if (typeof a.title === 'string') inc.title = a.title;
    if (typeof a.level === 'number') inc.level = a.level;
    if (typeof a.status === 'string') inc.status = a.status;
    if (typeof a.location === 'string') inc.location = a.location;
  }
  const since = Date.parse(bounds.since);
  const until = Date.parse(bounds.until);
  return [...map.values()].filter((i) => Date.parse(i.learnedAt) >= since && Date.parse(i.learnedAt) < until).sort((a, b) => b.learnedAt.localeCompare(a.learnedAt));
}

/** The board: every desk, as its stream and the hub's own sends tell it, for one date's bounds. */
export async function board(db: Queryable, day: { date: string; since: string; until: string }, now: Date): Promise<BoardDesk[]> {
  const all = await desks(db);
  const reports = await dailyReports(db, day.date);
  const duty = new Map<string, DutyReportFact & { reportedAt: string }>();
  for (const e of await eventsOf(db, [hubActions.dutyReport])) {
    const f = dutyReportFactSchema.safeParse(parseJson(e.after));
    if (f.success) duty.set(e.desk_id, { ...f.data, reportedAt: e.at });
  }
  const last = await db.query<{ desk_id: string; action: string }>(
    'SELECT e.desk_id, e.action FROM audit_events e JOIN desk_heads h ON h.desk_id = e.desk_id AND h.seq = e.seq',
  );
  const lastAction = new Map(last.rows.map((r) => [r.desk_id, r.action]));
  const checks = await checkResults(db, { since: day.since, until: day.until, now });
  const notices = await listSent(db, { kind: 'notice', limit: 500 });
  const acked = new Set<string>();
  for (const e of await eventsOf(db, [hubActions.noticeAck])) {
    const v = (parseJson(e.after) as { version?: unknown } | null)?.version;
    if (typeof v === 'number') acked.add(`${e.desk_id}|${v}`);
  }
  const open = await incidents(db, { since: '1970-01-01T00:00:00Z', until: '9999-01-01T00:00:00Z' });
  return all.map((d) => {
    const enrolledAt = isoOf(d.enrolled_at)!;
    const seen = isoOf(d.last_seen_at);
    return {
      deskId: d.desk_id,
      unitName: d.unit_name,
      enrolledAt,
      revoked: d.revoked_at !== null,
      online: seen !== null && now.getTime() - Date.parse(seen) <= onlineWindowMs,
      lastSeenAt: seen,
      headSeq: d.seq,
      lastAt: d.last_at,
      lastAction: lastAction.get(d.desk_id) ?? null,
      duty: duty.get(d.desk_id) ?? null,
      dailyReport: reports.get(d.desk_id) ?? { state: 'missing', kind: null, sentAt: null },
      checks: checks.filter((c) => c.deskId === d.desk_id),
      noticesOpen: notices.filter((m) => isTarget(m, d.desk_id, enrolledAt) && !acked.has(`${d.desk_id}|${m.version}`)).length,
      incidentsOpen: open.filter((i) => i.deskId === d.desk_id && i.status !== 'closed').length,
    };
  });
}

export interface NoticeStatus {
  message: SentMessage;
  desks: { deskId: string; unitName: string; received: string | null; handled: string | null; handledBy: string | null; declined: boolean }[];
}

/** Notices and holiday notices sent, each with every target desk's receipt and acknowledgement (or application). */
export async function noticeStatus(db: Queryable, kind: 'notice' | 'holiday' | 'reportRules'): Promise<NoticeStatus[]> {
  const sent = await listSent(db, { kind, limit: 100 });
  const all = await desks(db);
  const receive = kind === 'notice' ? [hubActions.noticeReceive] : kind === 'holiday' ? [hubActions.holidayReceive] : [hubActions.rulesReceive];
  const handle = kind === 'notice' ? [hubActions.noticeAck] : kind === 'holiday' ? [hubActions.holidayApply, hubActions.holidayDecline] : [hubActions.rulesApply, hubActions.rulesDecline];
  const got = new Map<string, string>();
  const done = new Map<string, { at: string; by: string | null; declined: boolean }>();
  for (const e of await eventsOf(db, [...receive, ...handle])) {
    const a = parseJson(e.after) as { version?: unknown; by?: unknown } | null;
    if (typeof a?.version !== 'number') continue;
    const k = `${e.desk_id}|${a.version}`;
    if (receive.includes(e.action as never)) got.set(k, e.at);
    else done.set(k, { at: e.at, by: typeof a.by === 'string' ? a.by : null, declined: e.action === hubActions.holidayDecline || e.action === hubActions.rulesDecline });
  }
  return sent.map((m) => ({
    message: m,
    desks: all
      .filter((d) => isTarget(m, d.desk_id, isoOf(d.enrolled_at)!))
      .map((d) => {
        const k = `${d.desk_id}|${m.version}`;
        const h = done.get(k);
        return { deskId: d.desk_id, unitName: d.unit_name, received: got.get(k) ?? null, handled: h?.at ?? null, handledBy: h?.by ?? null, declined: h?.declined ?? false };
      }),
  }));
}

const petitionFacts = z
  .object({
    receivedAt: z.string(),
    form: z.enum(petitionForms),
    persons: z.number().int().positive(),
    level: z.enum(petitionLevels),
    category: z.string(),
    abnormal: z.boolean().optional(),
  })
  .passthrough();



/**
 * Petitions received in [from, to] (local dates in the hub's zone), per desk
 * and for the district, from the stream alone. Counting is the desks' own
 * (`tally`, shared): a group visit is one 批 of its persons.
 */
export async function petitionTotals(db: Queryable, range: { from: string; to: string }, tz: string): Promise<PetitionTotals> {
  const all = await desks(db);
  const live = new Map<string, { deskId: string; p: CountedPetition }>();
  let n = 0;
  for (const e of await eventsOf(db, ['petition.create', 'petition.update', 'petition.void'])) {
    const key = `${e.desk_id}|${e.entity_id ?? ''}`;
    if (e.action === 'petition.void') {
      live.delete(key);
      continue;
    }
    if (e.action === 'petition.update' && !live.has(key)) continue;
    const f = petitionFacts.safeParse(parseJson(e.after));
    if (!f.success) continue;
    const at = Date.parse(f.data.receivedAt);
    if (!Number.isFinite(at)) continue;
    live.set(key, {
      deskId: e.desk_id,
      p: { id: (n += 1), receivedAt: f.data.receivedAt, receivedDate: localDate(at, tz), form: f.data.form, level: f.data.level, persons: f.data.persons, abnormal: f.data.abnormal ?? false, category: f.data.category, petitionerIds: [] },
    });
  }
  const inRange = [...live.values()].filter((x) => x.p.receivedDate >= range.from && x.p.receivedDate <= range.to);
  const none = new Set<number>();
  const row = (list: CountedPetition[]): Omit<PetitionTotalsRow, 'deskId' | 'unitName'> => {
    const t = tally(list, none);
    return { byLevel: t.byLevel, visits: t.visits, total: t.total, byCategory: Object.fromEntries(Object.entries(t.byCategory).sort((a, b) => b[1].personTimes - a[1].personTimes || a[0].localeCompare(b[0], 'zh-CN'))) };
  };
  return {
    ...range,
    desks: all.map((d) => ({ deskId: d.desk_id, unitName: d.unit_name, ...row(inRange.filter((x) => x.deskId === d.desk_id).map((x) => x.p)) })),
    district: row(inRange.map((x) => x.p)),
  };
}
