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

-- The views read the stream by action (duty reports, answers to presence checks, incidents).
CREATE INDEX audit_events_action ON audit_events (action, desk_id, seq);
`,
};
