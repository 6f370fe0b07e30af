/**
 * 0010: enrolment, desk keys, the audit stream, heads, checkpoints.
 */
export const migration0010 = {
  version: 10,
  name: 'stream',
  sql: `
CREATE TABLE enrol_codes (
  code_hash   text PRIMARY KEY,            -- SHA-256 of the code: the code itself is shown once and never stored
  unit_hint   text,
  created_at  timestamptz NOT NULL,
  expires_at  timestamptz NOT NULL,
  used_at     timestamptz,
  used_by     text
);

CREATE TABLE desks (
  desk_id         text PRIMARY KEY,
  unit_name       text NOT NULL,
  enrolled_at     timestamptz NOT NULL,
  revoked_at      timestamptz,
  revoked_reason  text
);

-- Keys that authenticate a desk's requests. A batch starting at seq f is
-- signed by the key with the greatest from_seq <= f.
CREATE TABLE desk_keys (
  desk_id      text NOT NULL REFERENCES desks,
  fingerprint  text NOT NULL,              -- SHA-256 of the SPKI DER, hex
  public_key   text NOT NULL,              -- SPKI DER, base64
  from_seq     bigint NOT NULL,
  added_at     timestamptz NOT NULL,
  added_by     text NOT NULL,              -- 'enrol', or 'rotate' (a deskKey.rotate row)
  revoked_at   timestamptz,
  PRIMARY KEY (desk_id, fingerprint)
);

-- Keys the chain itself declares (deskKey.create / deskKey.rotate rows): checkpoints are checked against them.
CREATE TABLE chain_keys (
  desk_id       text NOT NULL REFERENCES desks,
  fingerprint   text NOT NULL,
  public_key    text NOT NULL,
  declared_seq  bigint NOT NULL,
  PRIMARY KEY (desk_id, fingerprint)
);

-- The stream: every desk's rows exactly as hashed (at kept as the desk's text, byte for byte).
CREATE TABLE audit_events (
  desk_id    text NOT NULL REFERENCES desks,
  seq        bigint NOT NULL,
  v          integer NOT NULL,
  at         text NOT NULL,
  actor_id   bigint,
  actor      text NOT NULL,
  action     text NOT NULL,
  entity     text NOT NULL,
  entity_id  text,
  before     text,
  after      text,
  reason     text,
  prev_hash  text NOT NULL,
  hash       text NOT NULL,
  PRIMARY KEY (desk_id, seq)
);

CREATE TABLE desk_heads (
  desk_id     text PRIMARY KEY REFERENCES desks,
  seq         bigint NOT NULL,
  hash        text NOT NULL,
  last_at     text,                        -- the newest row's own time (desk clock)
  updated_at  timestamptz NOT NULL
);

-- Signed checkpoints (audit.checkpoint rows) as external anchors of each desk's chain.
CREATE TABLE checkpoints (
  desk_id          text NOT NULL REFERENCES desks,
  recorded_seq     bigint NOT NULL,        -- the audit.checkpoint row
  seq              bigint NOT NULL,        -- the head it signs
  hash             text NOT NULL,
  at               text NOT NULL,
  key_fingerprint  text NOT NULL,
  signature        text NOT NULL,
  signature_valid  boolean,                -- null: the chain never declared that key
  PRIMARY KEY (desk_id, recorded_seq)
);

CREATE TABLE request_nonces (
  desk_id  text NOT NULL,
  nonce    text NOT NULL,
  seen_at  timestamptz NOT NULL,
  PRIMARY KEY (desk_id, nonce)
);
CREATE INDEX request_nonces_seen ON request_nonces (seen_at);
`,
};
