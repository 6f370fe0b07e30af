/**
 * Handlers of incidents (incident.*) and their reports (report.*).
 */
import type { Input } from '../../../shared/contract';
import type { incidentsMethods } from '../../../shared/contract/incidents';
import { categoryNames, levelLabel } from '../../../shared/domain/incident-report';

import { DomainError } from '../../../shared/errors';
import { translate } from '../../../shared/i18n';
import type { ReadCtx } from '../context';
import { asyncMutation, type Handlers } from '../context';
import { getDesk } from '../desk/db';

import { addDays, localInstant } from '../../../shared/time';
import { actorName, deskTimeZone, iso, toUtc } from '../context';
import { decodeAttachment, readAttachment, storeAttachment } from './attachments';
import { incidentVersion, listIncidents } from './db';
import { incidentsXlsx } from './export';
import { getAttachment, insertAttachment, voidAttachment } from "./records-db";
import { getReport } from "./reports-db";
import { addInstruction, createIncident, fileReport, incidentDetail, mustIncident, reapplyDeadlines, reportTemplate, rulesDrift, setIncidentLevel, setStatus, updateIncidentFields } from './service';
import { getReportRules, setReportRules } from './settings';

function filteredIncidents(ctx: ReadCtx, input: Input<'incident.list'>, defaultLimit: number) {
  const tz = deskTimeZone(ctx.db);
  // Date filters are local calendar dates of learned-at.
  const fromIso = input.from ? iso(localInstant(input.from, 0, tz)) : undefined;
  const toIso = input.to ? iso(localInstant(addDays(input.to, 1), 0, tz)) : undefined;
  return listIncidents(
    ctx.db,
    {
      ...(input.status ? { status: input.status } : {}),
      ...(input.category ? { category: input.category } : {}),
      ...(input.level ? { level: input.level } : {}),
      ...(fromIso ? { fromIso } : {}),
      ...(toIso ? { toIso } : {}),
      ...(input.query ? { query: input.query } : {}),
      limit: input.limit ?? defaultLimit,
    },
    ctx.now,
  );
}

export const incidentsHandlers: Handlers<keyof typeof incidentsMethods> = {
  // ── duty log

  // ── incidents
  'incident.create': (ctx, input) => createIncident(ctx, input),
  'incident.update': (ctx, input) => updateIncidentFields(ctx, input),
  'incident.setLevel': (ctx, input) => setIncidentLevel(ctx, input.id, input.level, input.reason),
  'incident.setStatus': (ctx, input) => setStatus(ctx, input.id, input.status, input.reason ?? null),
  'incident.list': (ctx, input) => filteredIncidents(ctx, input, 200),
  'incident.exportXlsx': (ctx, input) => {
    const f = [
      input.status ? `状态：${input.status.map((s) => translate('zh-CN', `incidents.status.${s}`)).join('、')}` : '',
      input.category ? `类别：${categoryNames[input.category]}` : '',
      input.level ? `等级：${levelLabel(input.level)}` : '',
      input.from || input.to ? `接报日期：${input.from ?? '…'} 至 ${input.to ?? '…'}` : '',
      input.query ? `含"${input.query}"` : '',
    ].filter(Boolean);
    return incidentsXlsx(ctx, filteredIncidents(ctx, input, 10_000), f.join('　'));
  },
  'incident.get': (ctx, input) => incidentDetail(ctx, input.id),
  'incident.reapplyDeadlines': (ctx, input) => {
    reapplyDeadlines(ctx, input.id, input.reason);
    return incidentDetail(ctx, input.id);
  },
  'report.rulesDrift': (ctx) => rulesDrift(ctx),
  'incident.addInstruction': (ctx, input) => {
    mustIncident(ctx, input.incidentId);
    return addInstruction(ctx, {
      incidentId: input.incidentId,
      leaderName: input.leaderName,
      text: input.text,
      givenAt: input.givenAt ? toUtc(input.givenAt) : iso(ctx.now),
      escalationId: null,
    });
  },
  'incident.attach': asyncMutation(async (ctx, input) => {
    mustIncident(ctx, input.incidentId);
    const buf = decodeAttachment(input.dataBase64);
    const sha256 = await storeAttachment(ctx.core.dataDir, buf);
    return ctx.transact((w) => {
      mustIncident(w, input.incidentId);
      const a = insertAttachment(w.db, {
        incidentId: input.incidentId,
        name: input.name,
        mime: input.mime,
        size: buf.length,
        sha256,
        addedAt: iso(w.now),
        addedBy: actorName(w),
      });
      w.audit({ action: 'attachment.add', entity: 'attachment', entityId: a.id, after: a });
      return a;
    });
  }),
  'incident.attachment': async (ctx, input) => {
    const a = getAttachment(ctx.db, input.id);
    if (!a) throw new DomainError('NOT_FOUND', 'incidents.errors.attachmentMissing');
    const buf = await readAttachment(ctx.core.dataDir, a.sha256);
    return { ...a, dataBase64: buf.toString('base64') };
  },
  'incident.voidAttachment': (ctx, input) => {
    const a = getAttachment(ctx.db, input.id);
    if (!a) throw new DomainError('NOT_FOUND', 'incidents.errors.attachmentMissing');
    if (a.voided) throw new DomainError('CONFLICT', 'incidents.errors.attachmentVoided');
    const after = voidAttachment(ctx.db, a.id, input.reason, actorName(ctx), iso(ctx.now));
    ctx.audit({ action: 'attachment.void', entity: 'attachment', entityId: a.id, before: a, after, reason: input.reason });
    return after;
  },

  // ── reports
  'report.template': (ctx, input) => reportTemplate(ctx, input.incidentId, input.kind),
  'report.file': (ctx, input) => fileReport(ctx, input),
  'report.get': (ctx, input) => {
    const report = getReport(ctx.db, input.id);
    if (!report) throw new DomainError('NOT_FOUND', 'incidents.errors.reportNotFound', { id: input.id });
    const inc = mustIncident(ctx, report.incidentId);
    const fields = incidentVersion(ctx.db, inc.id, report.incidentVersion)!;
    const desk = getDesk(ctx.db)!;
    return {
      report,
      incident: { ...fields, no: inc.no },
      unitName: desk.unitName,
      dutyPhone: desk.dutyPhone,
      fax: desk.fax,
      timeZone: desk.timeZone,
    };
  },
  'report.rules': (ctx) => getReportRules(ctx.db),
  'report.setRules': (ctx, input) => {
    const { before, after } = setReportRules(ctx.db, input);
    ctx.audit({ action: 'settings.reportRules', entity: 'settings', entityId: 'incidents.reportRules', before, after });
    return after;
  },

  // ── escalation

  // ── due next
  // Public: the lock and login screens keep the alarm going; only ids and times leave the core.
};
