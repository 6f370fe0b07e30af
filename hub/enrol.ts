/**
 * Enrolment and authentication of desks.
 *
 * A hub admin creates a one-time code (shown once; only its SHA-256 is
 * stored) and reads it to the township's duty office. The desk enrols with
 * the code, its desk id, unit name and Ed25519 public key, signing the
 * request with that key (proof of possession). From then on every request is
 * signed by a key the hub holds for the desk; `authenticate` refuses an
 * unknown desk or key, a revoked one, a bad signature, a clock far off, or
 * a nonce seen before.
 */
import crypto from 'node:crypto';
import { genesisHash } from '../shared/audit';
import { enrolSigningText, type EnrolRequest, type EnrolResponse } from '../shared/hub-protocol';
import type { Engine, Queryable } from './db/engine';
import { HubError } from './errors';
import { parsePublicKeyPem, sha256Hex, verifySignature } from './keys';

export interface AuthOptions {
  now: () => Date;
  /** Largest accepted difference between a request's `sentAt` and the hub clock. */
  maxClockSkewMs: number;
}

/** No 0/O, 1/I/L: the code is read aloud over the duty phone. */
const codeAlphabet = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/** Normalises a code as typed: upper case, without spaces and dashes. */
export const normaliseCode = (code: string): string => code.toUpperCase().replace(/[\s-]/gu, '');

export interface EnrolCode {
  /** `XXXX-XXXX-XXXX`: shown once to the admin. */
  code: string;
  expiresAt: string;
}

/** Creates a one-time enrolment code valid for `ttlHours`. */
export async function createEnrolCode(db: Queryable, opts: { unitHint?: string | null; ttlHours?: number; now: Date }): Promise<EnrolCode> {
  const bytes = crypto.randomBytes(12);
  const raw = [...bytes].map((b) => codeAlphabet[b % codeAlphabet.length]).join('');
  const code = `${raw.slice(0, 4)}-${raw.slice(4, 8)}-${raw.slice(8, 12)}`;
  const expires = new Date(opts.now.getTime() + (opts.ttlHours ?? 72) * 3600_000);
  await db.query('INSERT INTO enrol_codes (code_hash, unit_hint, created_at, expires_at) VALUES ($1, $2, $3, $4)', [
    sha256Hex(normaliseCode(code)),
    opts.unitHint ?? null,
    opts.now.toISOString(),
    expires.toISOString(),
  ]);
  return { code, expiresAt: expires.toISOString() };
}

export function checkClock(sentAt: string, opts: AuthOptions): void {
  const now = opts.now();
  const skew = Math.abs(Date.parse(sentAt) - now.getTime());
  if (!(skew <= opts.maxClockSkewMs)) {
    throw new HubError('CLOCK_SKEW', `台席时钟与上级相差 ${Math.round(skew / 1000)} 秒，请校准 / the desk clock is ${Math.round(skew / 1000)} s off the hub clock`, {
      hubTime: now.toISOString(),
    });
  }
}

async function useNonce(tx: Queryable, deskId: string, nonce: string, now: Date): Promise<void> {
  const r = await tx.query('INSERT INTO request_nonces (desk_id, nonce, seen_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', [deskId, nonce, now.toISOString()]);
  if (r.rowCount === 0) throw new HubError('NONCE_REUSED', `请求已处理过（重放）/ this request was seen before (replayed nonce)`, { deskId });
}

/** Enrols a desk with a one-time code (or re-enrols a revoked desk with a new key, its chain continuing). */
export async function enrolDesk(engine: Engine, req: EnrolRequest, opts: AuthOptions): Promise<EnrolResponse> {
  const key = parsePublicKeyPem(req.publicKeyPem);
  if (!key) throw new HubError('VALIDATION', '公钥不是 Ed25519 SPKI PEM / the public key is not an Ed25519 SPKI PEM', { deskId: req.deskId });
  const text = enrolSigningText({ ...req, keyFingerprint: key.fingerprint });
  if (!verifySignature(key.publicKey, text, req.signature)) {
    throw new HubError('BAD_SIGNATURE', '登记请求的签名与所附公钥不符 / the enrolment is not signed by the key it presents', { deskId: req.deskId });
  }
  checkClock(req.sentAt, opts);
  const now = opts.now();
  return engine.transaction(async (tx) => {
    const codeRow = await tx.query<{ used_at: Date | null; expires_at: Date }>('SELECT used_at, expires_at FROM enrol_codes WHERE code_hash = $1 FOR UPDATE', [
      sha256Hex(normaliseCode(req.code)),
    ]);
    const code = codeRow.rows[0];
    if (!code) throw new HubError('ENROL_CODE_INVALID', '登记码无效 / unknown enrolment code', { deskId: req.deskId });
    if (code.used_at) throw new HubError('ENROL_CODE_USED', '登记码已使用过，每个码只能用一次 / this enrolment code was already used', { deskId: req.deskId });
    if (new Date(code.expires_at).getTime() < now.getTime()) throw new HubError('ENROL_CODE_EXPIRED', '登记码已过期 / this enrolment code has expired', { deskId: req.deskId });

    const desk = await tx.query<{ revoked_at: Date | null }>('SELECT revoked_at FROM desks WHERE desk_id = $1 FOR UPDATE', [req.deskId]);
    let head = { seq: 0, hash: genesisHash };
    if (desk.rows[0]) {
      if (!desk.rows[0].revoked_at) throw new HubError('DESK_EXISTS', `台席 ${req.deskId} 已登记 / desk ${req.deskId} is already enrolled`, { deskId: req.deskId });
      const h = await tx.query<{ seq: number; hash: string }>('SELECT seq, hash FROM desk_heads WHERE desk_id = $1', [req.deskId]);
      head = h.rows[0] ?? head;
      const known = await tx.query('SELECT 1 FROM desk_keys WHERE desk_id = $1 AND fingerprint = $2', [req.deskId, key.fingerprint]);
      if (known.rows.length > 0) throw new HubError('KEY_REVOKED', '该密钥已被吊销，请先在台席更换签名密钥 / this key was revoked: rotate the desk key first', { deskId: req.deskId });
      await tx.query('UPDATE desks SET unit_name = $2, revoked_at = NULL, revoked_reason = NULL WHERE desk_id = $1', [req.deskId, req.unitName]);
    } else {
      await tx.query('INSERT INTO desks (desk_id, unit_name, enrolled_at) VALUES ($1, $2, $3)', [req.deskId, req.unitName, now.toISOString()]);
      await tx.query('INSERT INTO desk_heads (desk_id, seq, hash, updated_at) VALUES ($1, 0, $2, $3)', [req.deskId, genesisHash, now.toISOString()]);
    }
    await tx.query("INSERT INTO desk_keys (desk_id, fingerprint, public_key, from_seq, added_at, added_by) VALUES ($1, $2, $3, $4, $5, 'enrol')", [
      req.deskId,
      key.fingerprint,
      key.publicKey,
      head.seq + 1,
      now.toISOString(),
    ]);
    await tx.query('UPDATE enrol_codes SET used_at = $2, used_by = $3 WHERE code_hash = $1', [sha256Hex(normaliseCode(req.code)), now.toISOString(), req.deskId]);
    await useNonce(tx, req.deskId, req.nonce, now);
    return { deskId: req.deskId, unitName: req.unitName, keyFingerprint: key.fingerprint, head, hubTime: now.toISOString() };
  });
}

export interface AuthedKey {
  fingerprint: string;
  publicKey: string;
  fromSeq: number;
}

/**
 * Checks a signed request inside the caller's transaction: desk enrolled and
 * not revoked, key one of the desk's and not revoked, signature, clock,
 * nonce. Returns the key it was signed with.
 */
export async function authenticate(
  tx: Queryable,
  req: { deskId: string; keyFingerprint: string; sentAt: string; nonce: string; signature: string },
  text: string,
  opts: AuthOptions,
): Promise<AuthedKey> {
  const desk = await tx.query<{ revoked_at: Date | null; revoked_reason: string | null }>('SELECT revoked_at, revoked_reason FROM desks WHERE desk_id = $1', [req.deskId]);
  const d = desk.rows[0];
  if (!d) throw new HubError('DESK_UNKNOWN', `台席 ${req.deskId} 未在上级登记 / desk ${req.deskId} is not enrolled at this hub`, { deskId: req.deskId });
  if (d.revoked_at) {
    throw new HubError('DESK_REVOKED', `台席 ${req.deskId} 已被上级注销：${d.revoked_reason ?? ''} / desk ${req.deskId} was revoked: ${d.revoked_reason ?? ''}`, { deskId: req.deskId });
  }
  const k = await tx.query<{ public_key: string; from_seq: number; revoked_at: Date | null }>(
    'SELECT public_key, from_seq, revoked_at FROM desk_keys WHERE desk_id = $1 AND fingerprint = $2',
    [req.deskId, req.keyFingerprint],
  );
  const key = k.rows[0];
  if (!key) {
    throw new HubError('KEY_UNKNOWN', `密钥 ${req.keyFingerprint.slice(0, 8)}… 不是台席 ${req.deskId} 登记的密钥 / key ${req.keyFingerprint.slice(0, 8)}… is not a key of desk ${req.deskId}`, {
      deskId: req.deskId,
    });
  }
  if (key.revoked_at) throw new HubError('KEY_REVOKED', `密钥 ${req.keyFingerprint.slice(0, 8)}… 已被吊销 / key ${req.keyFingerprint.slice(0, 8)}… was revoked`, { deskId: req.deskId });
  if (!verifySignature(key.public_key, text, req.signature)) {
    throw new HubError('BAD_SIGNATURE', `台席 ${req.deskId} 的请求签名无效 / the request of desk ${req.deskId} has a bad signature`, { deskId: req.deskId });
  }
  checkClock(req.sentAt, opts);
  await useNonce(tx, req.deskId, req.nonce, opts.now());
  return { fingerprint: req.keyFingerprint, publicKey: key.public_key, fromSeq: key.from_seq };
}

/** The key that must sign a batch starting at `firstSeq`: the one with the greatest `from_seq <= firstSeq`. */
export async function keyForSeq(tx: Queryable, deskId: string, firstSeq: number): Promise<string | null> {
  const r = await tx.query<{ fingerprint: string }>('SELECT fingerprint FROM desk_keys WHERE desk_id = $1 AND from_seq <= $2 ORDER BY from_seq DESC LIMIT 1', [deskId, firstSeq]);
  return r.rows[0]?.fingerprint ?? null;
}

/** Revokes a desk and all its keys: every later request is refused until it enrols again with a new code and a new key. */
export async function revokeDesk(engine: Engine, deskId: string, reason: string, now: Date): Promise<void> {
  await engine.transaction(async (tx) => {
    const r = await tx.query('UPDATE desks SET revoked_at = $2, revoked_reason = $3 WHERE desk_id = $1', [deskId, now.toISOString(), reason]);
    if (r.rowCount === 0) throw new HubError('NOT_FOUND', `台席 ${deskId} 未登记 / desk ${deskId} is not enrolled`, { deskId });
    await tx.query('UPDATE desk_keys SET revoked_at = $2 WHERE desk_id = $1 AND revoked_at IS NULL', [deskId, now.toISOString()]);
  });
}
