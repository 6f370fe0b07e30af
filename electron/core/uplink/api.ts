/**
 * Handlers of the uplink (uplink.*).
 */
import type { uplinkMethods } from '../../../shared/contract/uplink';
import { DomainError } from '../../../shared/errors';
import { asyncMutation, iso, type Handlers } from '../context';
import { getDesk } from '../desk/db';
import { loadOrCreateDeskKey } from '../trust/checkpoint';
import { enrolAt, HubCertificateRefused, HubRefused, normaliseHubUrl } from './client';
import { outboxOf } from './outbox';
import { getHubTls, parseHubTls, setHubTls, ackNotice, answerCheck, applyHoliday, applyReportRules, declineHoliday, declineReportRules, inbox, prescribedRules, previewHoliday, recordEnrolment, recordUnenrolment, uplinkStatus } from './service';

export const uplinkHandlers: Handlers<keyof typeof uplinkMethods> = {
  'uplink.status': (ctx) => uplinkStatus(ctx.core),
  'uplink.enrol': asyncMutation(async (ctx, input) => {
    const url = normaliseHubUrl(input.hubUrl);
    if (!url) throw new DomainError('VALIDATION', 'errors.VALIDATION', { issues: [{ path: 'hubUrl', messageKey: 'validation.hubUrl' }] });
    const desk = getDesk(ctx.db);
    if (!desk) throw new DomainError('SETUP_REQUIRED');
    // A CA or a fingerprint given with the enrolment replaces the stored one; none given keeps it.
    const tls = input.caPem !== undefined || input.pin !== undefined ? parseHubTls(input) : getHubTls(ctx.db);
    const key = loadOrCreateDeskKey(ctx.core.dataDir);
    let answer;
    try {
      answer = await enrolAt({ url, tls, now: () => ctx.core.clock.now(), offsetMs: 0, timeoutMs: 15_000 }, { code: input.code, deskId: desk.deskId, unitName: desk.unitName, key });
    } catch (e) {
      if (e instanceof HubRefused) throw new DomainError('CONFLICT', 'uplink.errors.refused', { message: e.body.message, code: e.body.code });
      if (e instanceof HubCertificateRefused) throw new DomainError('CONFLICT', 'uplink.errors.certificate', { message: e.message, code: e.code });
      throw new DomainError('CONFLICT', 'uplink.errors.unreachable', { url });
    }
    const out = ctx.transact((w) => {
      setHubTls(w, tls);
      recordEnrolment(w, { url, enrolledAt: iso(w.now), unitName: desk.unitName, keyFingerprint: answer.keyFingerprint }, answer.head.seq);
      return null;
    });
    void out;
    outboxOf(ctx.core)?.kick();
    return uplinkStatus(ctx.core);
  }),
  'uplink.setTls': (ctx, input) => {
    setHubTls(ctx, parseHubTls(input));
    outboxOf(ctx.core)?.kick();
    return uplinkStatus(ctx.core);
  },
  'uplink.unenrol': (ctx, input) => {
    recordUnenrolment(ctx, input.reason);
    return uplinkStatus(ctx.core);
  },
  'uplink.syncNow': async (ctx) => {
    const box = outboxOf(ctx.core);
    if (box) await box.tick();
    return uplinkStatus(ctx.core);
  },
  'uplink.inbox': (ctx) => inbox(ctx.db),
  'uplink.ackNotice': (ctx, input) => ackNotice(ctx, input.id),
  'uplink.answerCheck': (ctx, input) => answerCheck(ctx, input.id),
  'uplink.previewHoliday': (ctx, input) => previewHoliday(ctx.db, input.id),
  'uplink.applyHoliday': (ctx, input) => applyHoliday(ctx, input.id, input.reason ?? null),
  'uplink.declineHoliday': (ctx, input) => declineHoliday(ctx, input.id, input.reason),
  'uplink.applyReportRules': (ctx, input) => applyReportRules(ctx, input.id, input.reason ?? null),
  'uplink.declineReportRules': (ctx, input) => declineReportRules(ctx, input.id, input.reason),
  'uplink.prescribed': (ctx) => prescribedRules(ctx.db),
};
