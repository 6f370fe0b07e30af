/**
 * Ed25519 desk keys as the hub sees them: SPKI DER (base64) stored, SHA-256
 * fingerprint as the desk prints it (`electron/core/services/checkpoint.ts`).
 */
import crypto from 'node:crypto';

export interface PublicDeskKey {
  /** SPKI DER, base64. */
  publicKey: string;
  fingerprint: string;
}

export const fingerprintOfDer = (der: Buffer): string => crypto.createHash('sha256').update(der).digest('hex');

/** Parses an SPKI PEM; null unless it is an Ed25519 public key. */
export function parsePublicKeyPem(pem: string): PublicDeskKey | null {
  try {
    const key = crypto.createPublicKey({ key: pem, format: 'pem' });
    if (key.asymmetricKeyType !== 'ed25519') return null;
    const der = key.export({ type: 'spki', format: 'der' });
    return { publicKey: der.toString('base64'), fingerprint: fingerprintOfDer(der) };
  } catch {
    return null;
  }
}

/** Parses an SPKI DER in base64 (the form audit rows carry); null unless Ed25519. */
export function parsePublicKeyDer(b64: string): PublicDeskKey | null {
  try {
    const der = Buffer.from(b64, 'base64');
    const key = crypto.createPublicKey({ key: der, format: 'der', type: 'spki' });
    if (key.asymmetricKeyType !== 'ed25519') return null;
    return { publicKey: der.toString('base64'), fingerprint: fingerprintOfDer(der) };
  } catch {
    return null;
  }
}

const keyCache = new Map<string, crypto.KeyObject>();

/** Verifies an Ed25519 signature (base64) of `text` with an SPKI DER key (base64). */
export function verifySignature(publicKeyDer: string, text: string, signatureB64: string): boolean {
  try {
    let key = keyCache.get(publicKeyDer);
    if (!key) {
      key = crypto.createPublicKey({ key: Buffer.from(publicKeyDer, 'base64'), format: 'der', type: 'spki' });
      if (keyCache.size > 10_000) keyCache.clear();
      keyCache.set(publicKeyDer, key);
    }
    return crypto.verify(null, Buffer.from(text, 'utf8'), key, Buffer.from(signatureB64, 'base64'));
  } catch {
    return false;
  }
}

export const sha256Hex = (s: string): string => crypto.createHash('sha256').update(s, 'utf8').digest('hex');
