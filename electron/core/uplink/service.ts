/** The uplink: this desk's enrolment at a superior office's hub, its link state, and what the hub sends down (notices, holiday notices, presence checks). */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { canonicalJson, type AuditEvent } from '../../../shared/audit';
import type { HolidayPreview, InboxItem, InboxList, PrescribedRules, UplinkStatus } from '../../../shared/contract/uplink';
import { parseHolidayNotice } from '../../../shared/domain/calendar-notice';
import { DomainError } from '../../../shared/errors';
import { hubActions, type CheckAnswerFact, type DownMessage, type DutyReportFact } from '../../../shared/hub-protocol';
import { auditHead } from '../audit/chain';
import { importNotice } from '../calendar/service';
import { actorName, iso, type WriteCtx } from '../context';
import type { Core } from '../core';
import { getDesk } from '../desk/db';
import { getDailyReportRules, setDailyReportRules } from '../reports/service';
import { dutyNow } from '../duty/service';
import type { Db } from '../store/connection';
import { defineSetting, readSetting, writeSetting } from '../store/settings';
import { deskKeyFileName, loadOrCreateDeskKey } from '../trust/checkpoint';
import { transact } from '../write';
import { pinText, type HubTls, type SigningKey } from './client';
import { getInbox, getLink, inboxHas, insertInbox, lastApplied, listOpenInbox, listRecentInbox, markInbox, resetLink, saveLink, type InboxRecord, type Link } from './db';

// ── settings ──────────────────────────────────────────────────────────────────

const enrolmentSchema = z
  .object({ url: z.string(), enrolledAt: z.string(), unitName: z.string(), keyFingerprint: z.string() })
  .nullable();
export type Enrolment = z.infer<typeof enrolmentSchema>;

/** Where this desk reports to (设置 → 上级汇总); null until enrolled. Written with an audit row. */
export const hubEnrolment = defineSetting<Enrolment>('uplink.hub', enrolmentSchema, null, { cached: true });

export const getEnrolment = (db: Db): Enrolment => readSetting(db, hubEnrolment);

const tlsSchema = z.object({ caPem: z.string().nullable(), pin: z.string().regex(/^[0-9a-f]{64}$/u).nullable() }).strict();
/** How this desk trusts an HTTPS hub (设置 → 上级汇总): a CA certificate, a pinned fingerprint, or neither (the system's CAs). */
export const hubTlsSetting = defineSetting<HubTls>('uplink.tls', tlsSchema, { caPem: null, pin: null }, { cached: true });
export const getHubTls = (db: Db): HubTls => readSetting(db, hubTlsSetting);

const tlsIssue = (path: 'caPem' | 'pin', key: string): DomainError => new DomainError('VALIDATION', 'errors.VALIDATION', { issues: [{ path, messageKey: `validation.${key}` }] });

/**
 * Checks what the admin pasted: every certificate in the PEM must parse
 * (node:crypto's X509 reader), the fingerprint is 64 hex digits once colons
 * and spaces are dropped. Returns the setting to store.
 */
export function parseHubTls(input: { caPem?: string | null; pin?: string | null }): HubTls {
  const pem = input.caPem?.trim() || null;
  const rawPin = input.pin?.trim() || null;
  let pin: string | null = null;
  if (rawPin) {
    pin = rawPin.replace(/[\s:]/gu, '').toLowerCase();
    if (!/^[0-9a-f]{64}$/u.test(pin)) throw tlsIssue('pin', 'certPin');
  }
  if (pem) {
    const blocks = pem.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/gu) ?? [];
    if (blocks.length === 0) throw tlsIssue('caPem', 'certPem');
    for (const b of blocks) {
      try {
        new crypto.X509Certificate(b);
      } catch {
        throw tlsIssue('caPem', 'certPem');
      }
    }
    return { caPem: blocks.join('\n'), pin };
  }
  return { caPem: null, pin };
}

/** Stores the hub's CA or pinned fingerprint, audited (the PEM itself is public: it is recorded). */
export function setHubTls(ctx: WriteCtx, t: HubTls): void {
  const { before, after } = writeSetting(ctx.db, hubTlsSetting, t);
  ctx.audit({ action: 'settings.update', entity: 'settings', entityId: 'uplink.tls', before, after });
}

function tlsView(t: HubTls): UplinkStatus['tls'] {
  let ca: UplinkStatus['tls']['ca'] = null;
  if (t.caPem) {
    try {
      const c = new crypto.X509Certificate(t.caPem);
      ca = { subject: c.subject.replace(/\n/gu, ', '), validTo: new Date(c.validTo).toISOString() };
    } catch {
      ca = { subject: '?', validTo: '' };
    }
  }
  return { ca, pin: t.pin ? pinText(t.pin) : null };
}

// ── keys ──────────────────────────────────────────────────────────────────────

/**
 * The desk's keys by fingerprint: the current one and the retired ones kept
 * beside it (a backlog may begin before a key rotation, and its batches are
 * signed by the key the hub names).
 */
export function deskSigningKeys(dataDir: string): Map<string, SigningKey> {
  const out = new Map<string, SigningKey>();
  const add = (privateKey: crypto.KeyObject): void => {
    const der = crypto.createPublicKey(privateKey).export({ type: 'spki', format: 'der' });
    out.set(crypto.createHash('sha256').update(der).digest('hex'), { privateKey, fingerprint: crypto.createHash('sha256').update(der).digest('hex') });
  };
  const current = loadOrCreateDeskKey(dataDir);
  out.set(current.fingerprint, { privateKey: current.privateKey, fingerprint: current.fingerprint });
  for (const f of fs.readdirSync(dataDir)) {
    if (f === deskKeyFileName || !/^desk-signing-key\.[0-9a-f]+\.retired\.pem$/u.test(f)) continue;
    try {
      add(crypto.createPrivateKey(fs.readFileSync(path.join(dataDir, f), 'utf8')));
    } catch {
      // An unreadable retired key only matters if the hub asks for it; the link then says so.
    }
  }
  return out;
}

// ── link state ────────────────────────────────────────────────────────────────

/** Whether this process has talked to the hub successfully since it started (else `connecting`). */
const contacted = new WeakMap<Core, boolean>();
export const markContacted = (core: Core, ok: boolean): void => void contacted.set(core, ok);

/** Error codes that mean the hub answered but will not take this desk's rows as they are. */
const unreachableCode = 'UNREACHABLE';

export function uplinkStatus(core: Core): UplinkStatus {
  const db = core.db;
  const enrolment = core.readOnly ? null : getEnrolment(db);
  const link = getLink(db);
  const head = auditHead(db).seq;
  const base = {
    enrolled: enrolment !== null,
    hubUrl: enrolment?.url ?? null,
    enrolledAt: enrolment?.enrolledAt ?? null,
    offlineSince: enrolment ? link.offlineSince : null,
    lastOkAt: enrolment ? link.lastOkAt : null,
    ackedSeq: link.ackedSeq,
    headSeq: head,
    pending: enrolment ? Math.max(0, head - link.ackedSeq) : 0,
    error: enrolment ? link.error : null,
    tls: tlsView(core.readOnly ? { caPem: null, pin: null } : getHubTls(db)),
  };
  if (!enrolment) return { ...base, state: 'off' };
  if (link.error && link.error.code !== unreachableCode) return { ...base, state: 'refused' };
  if (link.offlineSince) return { ...base, state: 'offline' };
  return { ...base, state: contacted.get(core) ? 'connected' : 'connecting' };
}

/** The link after a successful exchange. */
export function linkOk(link: Link, nowIso: string): Link {
  return { ...link, lastOkAt: nowIso, offlineSince: null, error: null };
}

/** The link after a failed exchange: offline since the first failure, or refused with the hub's reason. */
export function linkFailed(link: Link, nowIso: string, err: { code: string; message: string } | null): Link {
  if (err) return { ...link, error: err, offlineSince: null };
  return { ...link, error: { code: unreachableCode, message: '' }, offlineSince: link.offlineSince ?? nowIso };
}

// ── enrolment ─────────────────────────────────────────────────────────────────

/** Records an enrolment the hub accepted (the HTTP exchange ran before the transaction). */
export function recordEnrolment(ctx: WriteCtx, e: NonNullable<Enrolment>, hubHead: number): void {
  const { before } = writeSetting(ctx.db, hubEnrolment, e);
  resetLink(ctx.db, hubHead, e.keyFingerprint);
  ctx.audit({ action: hubActions.enrol, entity: 'uplink', entityId: null, before, after: e });
}

export function recordUnenrolment(ctx: WriteCtx, reason: string): void {
  const { before } = writeSetting(ctx.db, hubEnrolment, null);
  if (!before) throw new DomainError('CONFLICT', 'uplink.errors.notEnrolled');
  resetLink(ctx.db, 0, null);
  ctx.audit({ action: hubActions.unenrol, entity: 'uplink', entityId: null, before, after: null, reason });
}

// ── what the hub sends down ───────────────────────────────────────────────────

const receiveAction = { notice: hubActions.noticeReceive, holiday: hubActions.holidayReceive, check: hubActions.checkReceive, reportRules: hubActions.rulesReceive } as const;

/**
 * Stores messages pulled from the hub, each with an audited receipt (which
 * travels up: the hub sees the desk received it), and moves the cursor.
 * A message already held (a repeated pull) is skipped.
 */
export function receiveMessages(core: Core, messages: readonly DownMessage[], cursor: number): InboxRecord[] {
  const got: InboxRecord[] = [];
  const store = (ctx: WriteCtx | null): void => {
    const db = core.db;
    for (const m of messages) {
      const rec = insertInbox(db, m, iso(core.clock.now()));
      if (!rec || !ctx) continue;
      got.push(rec);
      const p = m.payload;
      ctx.audit({
        action: receiveAction[p.kind],
        entity: 'hubMessage',
        entityId: m.version,
        after: {
          version: m.version,
          sentAt: m.sentAt,
          from: p.from,
          ...(p.kind === 'check' ? { limitSeconds: p.limitSeconds } : { title: p.title }),
          ...(p.kind === 'holiday' ? { year: p.year } : {}),
          ...(p.kind === 'reportRules' ? { mode: p.mode, cutoffMinutes: p.cutoffMinutes, zeroWording: p.zeroWording } : {}),
        },
      });
    }
    const link = getLink(db);
    if (cursor > link.downCursor) saveLink(db, { ...link, downCursor: cursor });
  };
  const fresh = messages.filter((m) => !inboxHas(core.db, m.version));
  if (fresh.length === 0) {
    store(null);
    return got;
  }
  const written: AuditEvent[] = [];
  transact(core, { session: null, written, label: 'uplink.receive' }, (ctx) => store(ctx));
  if (written.length) core.events.emit({ type: 'changed', entities: ['hubMessage'], seq: written[written.length - 1]!.seq });
  return got;
}

const personFact = (p: { name: string; mobile: string | null; officePhone: string | null }) => ({ name: p.name, mobile: p.mobile, officePhone: p.officePhone });

/** The duty now as a self-contained fact (names and phones), for the hub's board. */
export function dutyFact(db: Db, now: number): DutyReportFact {
  const d = dutyNow(db, now);
  return {
    dutyDate: d.dutyDate,
    dutyPhone: d.dutyPhone,
    shifts: d.current.map((s) => ({
      shiftName: s.shiftName,
      start: s.start,
      end: s.end,
      leader: s.leader.map(personFact),
      officer: s.officer.map(personFact),
      standby: s.standby.map(personFact),
    })),
  };
}

/**
 * Publishes the duty now into the chain when it changed (a new duty day, an
 * amended roster): the hub's board reads who is on duty from the stream
 * alone. Returns whether a row was written.
 */
export function reportDutyIfChanged(core: Core): boolean {
  if (core.readOnly || !getDesk(core.db) || !getEnrolment(core.db)) return false;
  const fact = dutyFact(core.db, core.clock.now());
  const print = crypto.createHash('sha256').update(canonicalJson(fact)).digest('hex');
  if (getLink(core.db).dutyReported === print) return false;
  const written: AuditEvent[] = [];
  transact(core, { session: null, written, label: 'uplink.dutyReport' }, (ctx) => {
    ctx.audit({ action: hubActions.dutyReport, entity: 'hubDuty', entityId: fact.dutyDate, after: fact });
    saveLink(ctx.db, { ...getLink(ctx.db), dutyReported: print });
  });
  return true;
}

// ── the inbox at the desk ─────────────────────────────────────────────────────

const publicItem = (r: InboxRecord): InboxItem => {
  const { payload: _p, ...item } = r;
  return item;
};

/** The inbox; a check's `dueAt` is given on the desk's clock (the hub's, less the learnt offset), as the console counts down. */
export function inbox(db: Db): InboxList {
  const offset = getLink(db).hubOffsetMs;
  const onDeskClock = (r: InboxRecord): InboxItem => {
    const item = publicItem(r);
    return item.dueAt ? { ...item, dueAt: iso(Date.parse(item.dueAt) - offset) } : item;
  };
  return { open: listOpenInbox(db).map(onDeskClock), recent: listRecentInbox(db, 20).map(onDeskClock) };
}

function openItem(db: Db, id: number, kind: InboxRecord['kind']): InboxRecord {
  const r = getInbox(db, id);
  if (!r || r.kind !== kind) throw new DomainError('NOT_FOUND');
  if (r.state !== 'open') throw new DomainError('CONFLICT', 'uplink.errors.handled');
  return r;
}

export function ackNotice(ctx: WriteCtx, id: number): InboxItem {
  const r = openItem(ctx.db, id, 'notice');
  const by = actorName(ctx);
  markInbox(ctx.db, id, 'done', iso(ctx.now), by, { by });
  ctx.audit({ action: hubActions.noticeAck, entity: 'hubMessage', entityId: r.version, after: { version: r.version, by } });
  return publicItem(getInbox(ctx.db, id)!);
}

/**
 * 在岗: answers a presence check as the signed-in user. When a roster is
 * published for now, only someone on it may answer (the check asks whether
 * the officer on duty is at the post); the seconds are counted on the hub's
 * clock as the desk reckons it (desk clock + the offset learnt from the
 * hub's answers), from the moment the hub sent the check.
 */
export function answerCheck(ctx: WriteCtx, id: number): InboxItem {
  const r = openItem(ctx.db, id, 'check');
  if (r.payload.kind !== 'check') throw new DomainError('NOT_FOUND');
  const duty = dutyNow(ctx.db, ctx.now);
  const onDutyIds = new Set(duty.current.flatMap((s) => [...s.leader, ...s.officer, ...s.standby].map((p) => p.personId)));
  let onDuty: boolean | null = null;
  if (onDutyIds.size > 0) {
    onDuty = ctx.session?.personId != null && onDutyIds.has(ctx.session.personId);
    if (!onDuty) throw new DomainError('FORBIDDEN', 'uplink.errors.notOnDuty');
  }
  const hubNow = ctx.now + getLink(ctx.db).hubOffsetMs;
  const seconds = Math.max(0, Math.round((hubNow - Date.parse(r.sentAt)) / 100) / 10);
  const fact: CheckAnswerFact = {
    version: r.version,
    sentAt: r.sentAt,
    answeredAt: iso(hubNow),
    seconds,
    limitSeconds: r.payload.limitSeconds,
    withinLimit: seconds <= r.payload.limitSeconds,
    answeredBy: actorName(ctx),
    onDuty,
  };
  markInbox(ctx.db, id, 'done', iso(ctx.now), fact.answeredBy, fact);
  ctx.audit({ action: hubActions.checkAnswer, entity: 'hubMessage', entityId: r.version, after: fact });
  return publicItem(getInbox(ctx.db, id)!);
}

function holidayOf(db: Db, id: number): InboxRecord & { payload: { kind: 'holiday'; year: number; text: string } } {
  const r = openItem(db, id, 'holiday');
  if (r.payload.kind !== 'holiday') throw new DomainError('NOT_FOUND');
  return r as InboxRecord & { payload: { kind: 'holiday'; year: number; text: string } };
}

export function previewHoliday(db: Db, id: number): HolidayPreview {
  const r = getInbox(db, id);
  if (!r || r.payload.kind !== 'holiday') throw new DomainError('NOT_FOUND');
  const parsed = parseHolidayNotice(r.payload.year, r.payload.text);
  return {
    year: r.payload.year,
    days: parsed.days.filter((d) => d.date.startsWith(`${r.payload.kind === 'holiday' ? r.payload.year : ''}-`)).map((d) => ({ date: d.date, type: d.type === 'makeup' ? 'makeup' : 'holiday', name: d.name })),
    problems: parsed.problems,
  };
}

/** Applies a holiday notice the hub sent, after the desk's admin saw the preview: through the calendar's own import, audited twice (the calendar year, and the applied message). */
export function applyHoliday(ctx: WriteCtx, id: number, reason: string | null): InboxItem {
  const r = holidayOf(ctx.db, id);
  importNotice(ctx, { year: r.payload.year, text: r.payload.text, reason: reason ?? `上级下发：${r.title ?? ''}` });
  const by = actorName(ctx);
  markInbox(ctx.db, id, 'done', iso(ctx.now), by, { by, year: r.payload.year });
  ctx.audit({ action: hubActions.holidayApply, entity: 'hubMessage', entityId: r.version, after: { version: r.version, by, year: r.payload.year }, reason });
  return publicItem(getInbox(ctx.db, id)!);
}

export function declineHoliday(ctx: WriteCtx, id: number, reason: string): InboxItem {
  const r = holidayOf(ctx.db, id);
  const by = actorName(ctx);
  markInbox(ctx.db, id, 'declined', iso(ctx.now), by, { by, year: r.payload.year });
  ctx.audit({ action: hubActions.holidayDecline, entity: 'hubMessage', entityId: r.version, after: { version: r.version, by, year: r.payload.year }, reason });
  return publicItem(getInbox(ctx.db, id)!);
}

// ── report rules the hub prescribes ───────────────────────────────────────────

function rulesOf(db: Db, id: number): InboxRecord & { payload: { kind: 'reportRules' } } {
  const r = openItem(db, id, 'reportRules');
  if (r.payload.kind !== 'reportRules') throw new DomainError('NOT_FOUND');
  return r as InboxRecord & { payload: { kind: 'reportRules' } };
}

/**
 * Applies the daily report's rules the hub prescribes (period, deadline,
 * zero-report wording), after the desk's admin confirmed: through the
 * reports domain's own setter (audited as the settings change it is), the
 * desk's recipient kept; then the applied message, audited, which travels up.
 */
export function applyReportRules(ctx: WriteCtx, id: number, reason: string | null): InboxItem {
  const r = rulesOf(ctx.db, id);
  const p = r.payload;
  setDailyReportRules(ctx, { ...getDailyReportRules(ctx.db), mode: p.mode, cutoffMinutes: p.cutoffMinutes, zeroWording: p.zeroWording });
  const by = actorName(ctx);
  const fact = { version: r.version, by, mode: p.mode, cutoffMinutes: p.cutoffMinutes, zeroWording: p.zeroWording };
  markInbox(ctx.db, id, 'done', iso(ctx.now), by, fact);
  ctx.audit({ action: hubActions.rulesApply, entity: 'hubMessage', entityId: r.version, after: fact, reason: reason ?? `上级规定：${p.title}` });
  return publicItem(getInbox(ctx.db, id)!);
}

export function declineReportRules(ctx: WriteCtx, id: number, reason: string): InboxItem {
  const r = rulesOf(ctx.db, id);
  const by = actorName(ctx);
  markInbox(ctx.db, id, 'declined', iso(ctx.now), by, { by, version: r.version });
  ctx.audit({ action: hubActions.rulesDecline, entity: 'hubMessage', entityId: r.version, after: { version: r.version, by }, reason });
  return publicItem(getInbox(ctx.db, id)!);
}

/** The report rules last applied from the hub, their source, and whether the desk's rules still are those. */
export function prescribedRules(db: Db): PrescribedRules | null {
  const r = lastApplied(db, 'reportRules');
  if (!r || r.payload.kind !== 'reportRules') return null;
  const p = r.payload;
  const now = getDailyReportRules(db);
  return {
    version: r.version,
    title: p.title,
    from: p.from,
    sentAt: r.sentAt,
    appliedAt: r.handledAt ?? r.receivedAt,
    appliedBy: r.handledBy ?? '',
    mode: p.mode,
    cutoffMinutes: p.cutoffMinutes,
    zeroWording: p.zeroWording,
    inForce: now.mode === p.mode && now.cutoffMinutes === p.cutoffMinutes && (now.zeroWording ?? null) === p.zeroWording,
  };
}
