/**
 * The desk's side of the hub wire: signed enrol, head, batch and pull requests.
 *
 * A copy of the pieces of `hub/client.ts` the desk needs (the core does not
 * import `hub/`); the wire schemas and the texts signed stay in
 * `shared/hub-protocol.ts`, so both sides agree byte for byte. Plain Node
 * (`node:crypto`, `node:http(s)`), asynchronous: nothing here blocks the
 * officer's writes. Every request has a timeout, so a hub that hangs looks
 * like a hub that is offline.
 */
import crypto from 'node:crypto';
import http from 'node:http';
import https from 'node:https';
import type { AuditEvent } from '../../../shared/audit';
import {
  batchResponseSchema,
  batchSigningText,
  enrolResponseSchema,
  enrolSigningText,
  headResponseSchema,
  headSigningText,
  hubErrorResponseSchema,
  pullResponseSchema,
  pullSigningText,
  type BatchResponse,
  type EnrolResponse,
  type HeadResponse,
  type HubErrorBody,
  type PullResponse,
} from '../../../shared/hub-protocol';

export interface SigningKey {
  privateKey: crypto.KeyObject;
  /** SHA-256 of the SPKI DER, hex. */
  fingerprint: string;
}

/** The hub refused the request: `body` names the code and, for a refused chain, the desk and seq. */
export class HubRefused extends Error {
  constructor(
    readonly status: number,
    readonly body: HubErrorBody,
  ) {
    super(`${body.code}: ${body.message}`);
    this.name = 'HubRefused';
  }
}

/** The hub could not be reached (refused connection, timeout, not a hub). */
export class HubUnreachable extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'HubUnreachable';
  }
}

export interface HubLink {
  url: string;
  /** The desk clock (the core's clock), epoch ms. */
  now: () => number;
  /** Hub clock minus desk clock, learnt from every answer's `hubTime`. */
  offsetMs: number;
  timeoutMs?: number;
}

const agents = { http: new http.Agent({ keepAlive: true, maxSockets: 2 }), https: new https.Agent({ keepAlive: true, maxSockets: 2 }) };

const sign = (key: SigningKey, text: string): string => crypto.sign(null, Buffer.from(text, 'utf8'), key.privateKey).toString('base64');
const newNonce = (): string => crypto.randomBytes(16).toString('hex');

/** Checks a hub address as typed in 设置: http(s), a host, no credentials, no query. */
export function normaliseHubUrl(raw: string): string | null {
  let u: URL;
  try {
    u = new URL(raw.trim());
  } catch {
    return null;
  }
  if ((u.protocol !== 'http:' && u.protocol !== 'https:') || !u.hostname || u.username || u.password || u.search || u.hash) return null;
  return `${u.protocol}//${u.host}${u.pathname.replace(/\/+$/u, '')}`;
}

function postJson(link: HubLink, path: string, body: unknown): Promise<{ status: number; json: unknown }> {
  const url = new URL(link.url + path);
  const payload = Buffer.from(JSON.stringify(body), 'utf8');
  const isTls = url.protocol === 'https:';
  return new Promise((resolve, reject) => {
    const req = (isTls ? https : http).request(
      url,
      {
        method: 'POST',
        agent: isTls ? agents.https : agents.http,
        timeout: link.timeoutMs ?? 30_000,
        headers: { 'content-type': 'application/json', 'content-length': String(payload.length) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          try {
            resolve({ status: res.statusCode ?? 0, json: text ? JSON.parse(text) : null });
          } catch {
            reject(new HubUnreachable(`not a hub answer (HTTP ${res.statusCode ?? 0})`));
          }
        });
        res.on('error', (e) => reject(new HubUnreachable(e.message)));
      },
    );
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', (e) => reject(new HubUnreachable(e.message)));
    req.end(payload);
  });
}

/** Posts a request built on the hub's time; learns the offset; retries once after a CLOCK_SKEW answer. */
async function call<T extends { hubTime: string }>(link: HubLink, path: string, build: (sentAt: string) => unknown, parse: (j: unknown) => T): Promise<T> {
  for (let attempt = 0; ; attempt += 1) {
    const sentAt = new Date(link.now() + link.offsetMs).toISOString();
    const { status, json } = await postJson(link, path, build(sentAt));
    if (status === 200) {
      let out: T;
      try {
        out = parse(json);
      } catch {
        throw new HubUnreachable('the answer does not match the hub protocol');
      }
      link.offsetMs = Date.parse(out.hubTime) - link.now();
      return out;
    }
    const err = hubErrorResponseSchema.safeParse(json);
    const body: HubErrorBody = err.success ? err.data.error : { code: 'INTERNAL', message: `HTTP ${status}` };
    if (body.code === 'CLOCK_SKEW' && body.hubTime && attempt === 0) {
      link.offsetMs = Date.parse(body.hubTime) - link.now();
      continue;
    }
    if (!err.success) throw new HubUnreachable(`HTTP ${status}`);
    throw new HubRefused(status, body);
  }
}

export function enrolAt(link: HubLink, a: { code: string; deskId: string; unitName: string; key: SigningKey }): Promise<EnrolResponse> {
  const publicKeyPem = crypto.createPublicKey(a.key.privateKey).export({ type: 'spki', format: 'pem' }).toString();
  return call(
    link,
    '/v1/enrol',
    (sentAt) => {
      const base = { code: a.code, deskId: a.deskId, unitName: a.unitName, sentAt, nonce: newNonce() };
      return { ...base, publicKeyPem, signature: sign(a.key, enrolSigningText({ ...base, keyFingerprint: a.key.fingerprint })) };
    },
    (j) => enrolResponseSchema.parse(j),
  );
}

export function fetchHead(link: HubLink, deskId: string, key: SigningKey): Promise<HeadResponse> {
  return call(
    link,
    '/v1/head',
    (sentAt) => {
      const base = { deskId, keyFingerprint: key.fingerprint, sentAt, nonce: newNonce() };
      return { ...base, signature: sign(key, headSigningText(base)) };
    },
    (j) => headResponseSchema.parse(j),
  );
}

/** Sends consecutive rows of one desk as one batch signed by `key`. */
export function pushBatch(link: HubLink, key: SigningKey, events: readonly AuditEvent[]): Promise<BatchResponse> {
  const first = events[0]!;
  const last = events[events.length - 1]!;
  return call(
    link,
    '/v1/batch',
    (sentAt) => {
      const base = { deskId: first.deskId, keyFingerprint: key.fingerprint, firstSeq: first.seq, lastSeq: last.seq, lastHash: last.hash, sentAt, nonce: newNonce() };
      return { ...base, events, signature: sign(key, batchSigningText({ ...base, count: events.length })) };
    },
    (j) => batchResponseSchema.parse(j),
  );
}

/** What the hub sent down after `cursor` (data only). */
export function pull(link: HubLink, deskId: string, key: SigningKey, cursor: number): Promise<PullResponse> {
  return call(
    link,
    '/v1/pull',
    (sentAt) => {
      const base = { deskId, keyFingerprint: key.fingerprint, cursor, sentAt, nonce: newNonce() };
      return { ...base, signature: sign(key, pullSigningText(base)) };
    },
    (j) => pullResponseSchema.parse(j),
  );
}
