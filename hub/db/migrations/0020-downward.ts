/**
 * 0020: what the hub sends down (notices, holiday notices, presence checks),
 * the console's users and settings, when each desk was last heard from, and
 * an index to read the stream by action for the views.
 */
export const migration0020 = {
  version: 20,
  name: 'downward-console',
  sql: `
ALTER TABLE desks ADD COLUMN last_seen_at timestamptz;

-- Every message sent down, versioned: a desk pulls the versions after its cursor.
CREATE TABLE down_messages (
  version   bigserial PRIMARY KEY,
  kind      text NOT NULL CHECK (kind IN ('notice', 'holiday', 'check')),
  targets   text[],                       -- desk ids; NULL = every desk
  payload   text NOT NULL,                -- JSON, validated by shared/hub-protocol.ts downPayloadSchema
  sent_at   timestamptz NOT NULL,
  sent_by   text NOT NULL
);

CREATE TABLE hub_users (
  login          text PRIMARY KEY,
  display_name   text NOT NULL,
  role           text NOT NULL CHECK (role IN ('admin', 'officer', 'leader')),
  password_hash  text NOT NULL,           -- scrypt$N$salt$hash
  created_at     timestamptz NOT NULL,
  disabled_at    timestamptz
);

CREATE TABLE hub_settings (
  key    text PRIMARY KEY,
  value  text NOT NULL
);

-- The views read a few actions of the stream (hub/views.ts viewActions). A partial index: ingest
-- maintains it only for those rare rows, not for every log entry (a full index on action cost the
-- embedded 600 × 500 drain about half again).
CREATE INDEX audit_events_view ON audit_events (action, desk_id, seq)
  WHERE action IN ('hubDuty.report', 'hubCheck.answer', 'hubNotice.receive', 'hubNotice.ack', 'hubHoliday.receive', 'hubHoliday.apply',
                   'hubHoliday.decline', 'incident.create', 'incident.update', 'incident.setLevel', 'incident.setStatus', 'report.file',
                   'dailyReport.draft', 'dailyReport.update', 'dailyReport.send', 'dailyReport.void');
`,
};
