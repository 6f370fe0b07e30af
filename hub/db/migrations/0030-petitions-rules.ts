/**
 * 0030: the views read three more kinds of rows — the desks' petitions
 * (`petition.create|update|void`, for the district's 批/人次 totals) and the
 * desks' receipts and decisions on the report rules the hub prescribes
 * (`hubRules.*`) — and the hub sends a fourth kind of message down: the
 * daily report's prescribed deadline, period and zero-report wording.
 *
 * The partial index is rebuilt with the longer list (hub/views.ts viewActions).
 */
export const migration0030 = {
  version: 30,
  name: 'petitions-report-rules',
  sql: `
ALTER TABLE down_messages DROP CONSTRAINT IF EXISTS down_messages_kind_check;
ALTER TABLE down_messages ADD CONSTRAINT down_messages_kind_check CHECK (kind IN ('notice', 'holiday', 'check', 'reportRules'));

DROP INDEX audit_events_view;
CREATE INDEX audit_events_view ON audit_events (action, desk_id, seq)
  WHERE action IN ('hubDuty.report', 'hubCheck.answer', 'hubNotice.receive', 'hubNotice.ack', 'hubHoliday.receive', 'hubHoliday.apply',
                   'hubHoliday.decline', 'incident.create', 'incident.update', 'incident.setLevel', 'incident.setStatus', 'report.file',
                   'dailyReport.draft', 'dailyReport.update', 'dailyReport.send', 'dailyReport.void',
                   'petition.create', 'petition.update', 'petition.void', 'hubRules.receive', 'hubRules.apply', 'hubRules.decline');
`,
};
