/**
 * API methods of the desk's link to a superior office's hub: enrolment, the
 * link state (已连接 / 离线 / N 条待上报), and the inbox of what the hub
 * sent down — notices to acknowledge, holiday notices to apply, presence
 * checks (上级查岗) to answer.
 */
import { z } from 'zod';
import { empty, id, reason, text } from './common';
import { method } from './define';
import { officers } from './common';

export const uplinkStates = ['off', 'connecting', 'connected', 'offline', 'refused'] as const;
export type UplinkState = (typeof uplinkStates)[number];

export interface UplinkStatus {
  enrolled: boolean;
  hubUrl: string | null;
  enrolledAt: string | null;
  /**
   * `off`: not enrolled; `connecting`: enrolled, no answer yet since start;
   * `connected`: the last exchange succeeded; `offline`: the hub cannot be
   * reached (since `offlineSince`); `refused`: the hub answers but refuses
   * this desk (`error` says why).
   */
  state: UplinkState;
  offlineSince: string | null;
  lastOkAt: string | null;
  /** Audit rows the hub does not hold yet. */
  pending: number;
  ackedSeq: number;
  headSeq: number;
  error: { code: string; message: string } | null;
  /** How the desk trusts an HTTPS hub: a CA certificate (its subject and end of validity), a pinned fingerprint, or the system's CAs (both null). */
  tls: { ca: { subject: string; validTo: string } | null; pin: string | null };
}

export const inboxKinds = ['notice', 'holiday', 'check', 'reportRules'] as const;
export type InboxKind = (typeof inboxKinds)[number];

export interface InboxItem {
  id: number;
  version: number;
  kind: InboxKind;
  /** Hub clock. */
  sentAt: string;
  receivedAt: string;
  state: 'open' | 'done' | 'declined';
  from: string;
  /** Notices and holiday notices. */
  title: string | null;
  body: string | null;
  year: number | null;
  /** Presence checks: the limit, and when it runs out (hub clock, as the desk reckons it). */
  limitSeconds: number | null;
  dueAt: string | null;
  handledAt: string | null;
  handledBy: string | null;
  /** Presence checks once answered: seconds, within the limit or not. */
  answer: { seconds: number; withinLimit: boolean } | null;
  /** Report rules the hub prescribes: the daily report's period, deadline and zero-report wording. */
  rules: PrescribedValues | null;
}

export interface PrescribedValues {
  mode: 'clock' | 'handover';
  /** Minutes after local midnight: 17:00 = 1020. */
  cutoffMinutes: number;
  /** With `{时段}` for the period; null: the desk's standard wording. */
  zeroWording: string | null;
}

/** The report rules this desk applied from its hub, where they came from, and whether they are still in force. */
export interface PrescribedRules extends PrescribedValues {
  version: number;
  title: string;
  from: string;
  sentAt: string;
  appliedAt: string;
  appliedBy: string;
  /** False once the desk's own rules were changed since (the desk's admin may do so; it is audited). */
  inForce: boolean;
}

export interface InboxList {
  open: InboxItem[];
  /** The latest handled items, newest first. */
  recent: InboxItem[];
}

export interface HolidayPreview {
  year: number;
  days: { date: string; type: 'holiday' | 'makeup'; name: string | null }[];
  problems: string[];
}

/** A CA certificate in PEM (checked by the service: it must parse), or null. */
const caPem = text(20_000).nullable();
/** A SHA-256 fingerprint, hex, colons and spaces allowed; null. */
const pin = text(120).nullable();

export const uplinkMethods = {
  'uplink.status': method<UplinkStatus>()({ input: empty, access: 'session', kind: 'query' }),
  'uplink.enrol': method<UplinkStatus>()({
    input: z
      .object({
        /** http(s)://host:port of the hub, as the superior office gives it. */
        hubUrl: text(300).regex(/^https?:\/\/[^\s/?#@]+(\/[^\s?#]*)?$/u, { message: 'hubUrl' }),
        code: text(64).regex(/^[A-Za-z0-9 -]{8,64}$/u, { message: 'enrolCode' }),
        /** For a hub with its own certificate: its CA (PEM) or its pinned fingerprint. */
        caPem: caPem.optional(),
        pin: pin.optional(),
      })
      .strict(),
    access: ['admin'],
    kind: 'mutation',
  }),
  /** The hub's CA certificate or pinned fingerprint (HTTPS with the district's own certificate); both null: the system's CAs. */
  'uplink.setTls': method<UplinkStatus>()({ input: z.object({ caPem, pin }).strict(), access: ['admin'], kind: 'mutation' }),
  'uplink.unenrol': method<UplinkStatus>()({ input: z.object({ reason }).strict(), access: ['admin'], kind: 'mutation' }),
  /** Tries the hub now (after the link returned, or to see why it is refused). */
  'uplink.syncNow': method<UplinkStatus>()({ input: empty, access: 'session', kind: 'query' }),
  'uplink.inbox': method<InboxList>()({ input: empty, access: 'session', kind: 'query' }),
  'uplink.ackNotice': method<InboxItem>()({ input: z.object({ id }).strict(), access: officers, kind: 'mutation' }),
  /** 在岗: the officer on duty answers a presence check, signed in as themself. */
  'uplink.answerCheck': method<InboxItem>()({ input: z.object({ id }).strict(), access: officers, kind: 'mutation' }),
  'uplink.previewHoliday': method<HolidayPreview>()({ input: z.object({ id }).strict(), access: ['admin'], kind: 'query' }),
  'uplink.applyHoliday': method<InboxItem>()({ input: z.object({ id, reason: reason.optional() }).strict(), access: ['admin'], kind: 'mutation' }),
  'uplink.declineHoliday': method<InboxItem>()({ input: z.object({ id, reason }).strict(), access: ['admin'], kind: 'mutation' }),
  /** Applies the report rules the hub sent (the admin's confirmation, audited) to the daily report's settings. */
  'uplink.applyReportRules': method<InboxItem>()({ input: z.object({ id, reason: reason.optional() }).strict(), access: ['admin'], kind: 'mutation' }),
  'uplink.declineReportRules': method<InboxItem>()({ input: z.object({ id, reason }).strict(), access: ['admin'], kind: 'mutation' }),
  /** The report rules last applied from the hub, with their source; null when none. */
  'uplink.prescribed': method<PrescribedRules | null>()({ input: empty, access: 'session', kind: 'query' }),
} as const;
