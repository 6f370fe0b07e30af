/**
 * Signed checkpoints of the audit chain, and the desk's Ed25519 key.
 *
 * The private key is a PEM file in the data folder (`desk-signing-key.pem`,
 * mode 0600), created at first use; it is never put in a backup or an export.
 * Its public half is stored in `trust_keys` and inside every checkpoint. A
 * checkpoint exported to a USB stick or printed as a QR code pins the chain:
 * if later rows are edited, deleted or the tail is cut off, the verifier
 * finds that the chain no longer reaches the checkpoint's seq with its hash.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Db } from '../store/connection';
import type { WriteCtx } from '../context';
import { getDesk } from '../desk/db';
import { auditHead, sha256Hex } from '../audit/chain';
import { checkpointSigningText, type SignedCheckpoint } from '../../../shared/domain/audit-verify';
import type { CheckpointCheck, CheckpointSummary } from '../../../shared/contract/trust';
import { signedCheckpointSchema } from '../../../shared/contract/trust';
import { DomainError } from '../../../shared/errors';

export const deskKeyFileName = 'desk-signing-key.pem';

export interface DeskKey {
  privateKey: crypto.KeyObject;
  /** SPKI DER, base64. */
  publicKey: string;
  fingerprint: string;
}

const describe = (privateKey: crypto.KeyObject): DeskKey => {
  const der = crypto.createPublicKey(privateKey).export({ type: 'spki', format: 'der' });
  return { privateKey, publicKey: der.toString('base64'), fingerprint: crypto.createHash('sha256').update(der).digest('hex') };
};

/** Loads the desk key from the data folder, creating it (mode 0600) when absent. */
export function loadOrCreateDeskKey(dataDir: string): DeskKey {
  const file = path.join(dataDir, deskKeyFileName);
  if (fs.existsSync(file)) return describe(crypto.createPrivateKey(fs.readFileSync(file, 'utf8')));
  const { privateKey } = crypto.generateKeyPairSync('ed25519');
  const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  try {
    fs.writeFileSync(file, pem, { mode: 0o600, flag: 'wx' });
  } catch (e) {
    // Another process created it first: use theirs.
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return describe(crypto.createPrivateKey(fs.readFileSync(file, 'utf8')));
    throw e;
  }
  fs.chmodSync(file, 0o600);
  return describe(privateKey);
}

/** Records the key's public half in the store (audited) unless it is already there. */
export function registerDeskKey(ctx: WriteCtx, key: DeskKey): void {
  const known = ctx.db.prepare('SELECT 1 FROM trust_keys WHERE fingerprint = ?').get(key.fingerprint);
  if (known) return;
  const at = new Date(ctx.now).toISOString();
  ctx.db.prepare('INSERT INTO trust_keys (fingerprint, public_key, created_at) VALUES (?, ?, ?)').run(key.fingerprint, key.publicKey, at);
  ctx.audit({ action: 'deskKey.create', entity: 'deskKey', entityId: key.fingerprint.slice(0, 16), after: { fingerprint: key.fingerprint, publicKey: key.publicKey } });
}

/**
 * Replaces the desk's signing key (after a suspected leak, or when the office
 * rotates keys on a schedule). The new key is registered and the switch
 * audited with its reason in one transaction; the old private key is moved
 * aside as `desk-signing-key.<fingerprint>.retired.pem` (0600, still never in
 * backups) and its public half stays known, so checkpoints signed before the
 * rotation still verify. A checkpoint signed with the new key follows at
 * once, so the chain itself records the switch.
 */
export function rotateDeskKey(ctx: WriteCtx, reason: string): SignedCheckpoint {
  if (!getDesk(ctx.db)) throw new DomainError('SETUP_REQUIRED');
  const dir = ctx.core.dataDir;
  const file = path.join(dir, deskKeyFileName);
  const old = fs.existsSync(file) ? loadOrCreateDeskKey(dir) : null;
  const { privateKey } = crypto.generateKeyPairSync('ed25519');
  const next = describe(privateKey);
  const staged = `${file}.new`;
  fs.writeFileSync(staged, privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), { mode: 0o600 });
  const retired = old ? path.join(dir, `desk-signing-key.${old.fingerprint.slice(0, 16)}.retired.pem`) : null;
  try {
    if (old) registerDeskKey(ctx, old); // a key never used for a checkpoint is still recorded before it retires
    ctx.db.prepare('INSERT INTO trust_keys (fingerprint, public_key, created_at) VALUES (?, ?, ?)').run(next.fingerprint, next.publicKey, new Date(ctx.now).toISOString());
    ctx.audit({
      action: 'deskKey.rotate',
      entity: 'deskKey',
      entityId: next.fingerprint.slice(0, 16),
      before: old ? { fingerprint: old.fingerprint } : null,
      after: { fingerprint: next.fingerprint, publicKey: next.publicKey },
      reason,
    });
    // Swap the files last: a failure before this point leaves the old key in place and rolls the rows back.
    if (old && retired) fs.renameSync(file, retired);
    fs.renameSync(staged, file);
  } catch (e) {
    fs.rmSync(staged, { force: true });
    if (retired && fs.existsSync(retired) && !fs.existsSync(file)) fs.renameSync(retired, file);
    throw e;
  }
  return createCheckpoint(ctx);
}

export function currentKeyFingerprint(db: Db): string | null {
  const row = db.prepare('SELECT fingerprint FROM trust_keys ORDER BY id DESC LIMIT 1').get() as { fingerprint: string } | undefined;
  return row?.fingerprint ?? null;
}

/** Signs the current head (before this call's own audit rows) and records the checkpoint in the chain. */
export function createCheckpoint(ctx: WriteCtx): SignedCheckpoint {
  const desk = getDesk(ctx.db);
  if (!desk) throw new DomainError('SETUP_REQUIRED');
  const key = loadOrCreateDeskKey(ctx.core.dataDir);
  const head = auditHead(ctx.db);
  const at = new Date(ctx.now).toISOString();
  const signature = crypto.sign(null, Buffer.from(checkpointSigningText({ deskId: desk.deskId, seq: head.seq, hash: head.hash, at }), 'utf8'), key.privateKey).toString('base64');
  const cp: SignedCheckpoint = {
    format: 'dutydesk-audit-checkpoint',
    v: 1,
    deskId: desk.deskId,
    unitName: desk.unitName,
    seq: head.seq,
    hash: head.hash,
    at,
    publicKey: key.publicKey,
    keyFingerprint: key.fingerprint,
    signature,
  };
  registerDeskKey(ctx, key);
  ctx.audit({
    action: 'audit.checkpoint',
    entity: 'auditCheckpoint',
    entityId: String(head.seq),
    after: { seq: cp.seq, hash: cp.hash, at: cp.at, keyFingerprint: cp.keyFingerprint, signature: cp.signature },
  });
  return cp;
}

/** Checks a checkpoint's signature against its own public key (and that the fingerprint names that key). */
export function checkpointSignatureValid(cp: SignedCheckpoint): boolean {
  try {
    const der = Buffer.from(cp.publicKey, 'base64');
    if (crypto.createHash('sha256').update(der).digest('hex') !== cp.keyFingerprint) return false;
    const pub = crypto.createPublicKey({ key: der, format: 'der', type: 'spki' });
    if (pub.asymmetricKeyType !== 'ed25519') return false;
    return crypto.verify(null, Buffer.from(checkpointSigningText(cp), 'utf8'), pub, Buffer.from(cp.signature, 'base64'));
  } catch {
    return false;
  }
}

/** Parses an exported checkpoint file; throws a VALIDATION DomainError on anything else. */
export function parseCheckpoint(textIn: string): SignedCheckpoint {
  let raw: unknown;
  try {
    raw = JSON.parse(textIn);
  } catch {
    throw new DomainError('VALIDATION', 'trust.errors.checkpointUnreadable');
  }
  const parsed = signedCheckpointSchema.safeParse(raw);
  if (!parsed.success) throw new DomainError('VALIDATION', 'trust.errors.checkpointUnreadable');
  return parsed.data;
}

/** What the desk knows about a checkpoint before the chain is compared with it. */
export function checkCheckpoint(db: Db, cp: SignedCheckpoint): CheckpointCheck {
  const desk = getDesk(db);
  const known = db.prepare('SELECT 1 FROM trust_keys WHERE fingerprint = ?').get(cp.keyFingerprint) !== undefined;
  return {
    signatureValid: checkpointSignatureValid(cp),
    keyKnown: known,
    sameDesk: desk?.deskId === cp.deskId,
    seq: cp.seq,
    hash: cp.hash,
    at: cp.at,
  };
}

/** Checkpoints recorded in the chain, newest first. */
export function listCheckpoints(db: Db): CheckpointSummary[] {
  const rows = db.prepare("SELECT actor, after FROM audit_log WHERE action = 'audit.checkpoint' ORDER BY seq DESC LIMIT 200").all() as { actor: string; after: string }[];
  return rows.map((r) => {
    const a = JSON.parse(r.after) as { seq: number; hash: string; at: string; keyFingerprint: string };
    return { seq: a.seq, hash: a.hash, at: a.at, keyFingerprint: a.keyFingerprint, actor: r.actor };
  });
}

export { sha256Hex };
