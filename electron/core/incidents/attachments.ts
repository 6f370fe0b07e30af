/**
 * Attachment files: `<dataDir>/attachments/<sha256>`, content-addressed, at
 * most 20 MB. Written to a temporary name and renamed, so a crash never
 * leaves half a file under a hash name.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { DomainError } from '../../../shared/errors';
import { attachmentMaxBytes } from '../../../shared/contract/incidents';

export const attachmentsDirName = 'attachments';

const base64Re = /^[A-Za-z0-9+/]*={0,2}$/u;

/** Decodes and checks a base64 payload. */
export function decodeAttachment(dataBase64: string): Buffer {
  const clean = dataBase64.replace(/\s/gu, '');
  if (!base64Re.test(clean) || clean.length % 4 === 1) throw new DomainError('VALIDATION', 'incidents.errors.attachmentEncoding');
  const buf = Buffer.from(clean, 'base64');
  if (buf.length === 0) throw new DomainError('VALIDATION', 'incidents.errors.attachmentEmpty');
  if (buf.length > attachmentMaxBytes)
    throw new DomainError('PAYLOAD_TOO_LARGE', 'incidents.errors.attachmentTooLarge', { mb: attachmentMaxBytes / 1024 / 1024 });
  return buf;
}

export const attachmentPath = (dataDir: string, sha256: string): string => path.join(dataDir, attachmentsDirName, sha256);

/** Stores the bytes under their hash (idempotent); returns the hash. */
export async function storeAttachment(dataDir: string, buf: Buffer): Promise<string> {
  const sha = crypto.createHash('sha256').update(buf).digest('hex');
  const target = attachmentPath(dataDir, sha);
  if (fs.existsSync(target)) return sha;
  await fs.promises.mkdir(path.dirname(target), { recursive: true });
  const tmp = `${target}.${process.pid}.${crypto.randomBytes(4).toString('hex')}.tmp`;
  const fh = await fs.promises.open(tmp, 'w');
  try {
    await fh.writeFile(buf);
    await fh.sync();
  } finally {
    await fh.close();
  }
  await fs.promises.rename(tmp, target);
  return sha;
}

export async function readAttachment(dataDir: string, sha256: string): Promise<Buffer> {
  if (!/^[0-9a-f]{64}$/u.test(sha256)) throw new DomainError('NOT_FOUND', 'incidents.errors.attachmentMissing');
  try {
    return await fs.promises.readFile(attachmentPath(dataDir, sha256));
  } catch {
    throw new DomainError('NOT_FOUND', 'incidents.errors.attachmentMissing');
  }
}
