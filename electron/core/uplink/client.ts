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
import type { Duplex } from 'node:stream';
import tls from 'node:tls';
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

/**
 * The hub's certificate was refused by this desk: not trusted (neither by
 * the system nor by the CA set in 设置), or not the pinned one. Not an
 * outage: the link shows it as refused, with this reason, until the setting
 * or the hub's certificate is put right.
 */
export class HubCertificateRefused extends Error {
  constructor(
    readonly code: 'CERT_UNTRUSTED' | 'CERT_PIN_MISMATCH',
    message: string,
  ) {
    super(message);
    this.name = 'HubCertificateRefused';
  }
}

/** How this desk trusts an HTTPS hub: the system's CAs (nothing set), a CA certificate (PEM), or a pinned SHA-256 fingerprint. */
export interface HubTls {
  caPem: string | null;
  /** SHA-256 of the hub certificate's DER, 64 lowercase hex digits. */
  pin: string | null;
}

export interface HubLink {
  url: string;
  /** HTTPS trust; absent: the system's CAs. */
  tls?: HubTls;
  /** The desk clock (the core's clock), epoch ms. */
  now: () => number;
  /** Hub clock minus desk clock, learnt from every answer's `hubTime`. */
  offsetMs: number;
  timeoutMs?: number;
}

const httpAgent = new http.Agent({ keepAlive: true, maxSockets: 2 });
const httpsAgents = new Map<string, https.Agent>();

/** The fingerprint as 设置 shows it: AB:CD:… */
export const pinText = (hex: string): string => hex.toUpperCase().replace(/(..)(?!$)/gu, '$1:');

/**
 * An agent that trusts exactly the pinned certificate: the TLS handshake
 * runs without the CA check, and the socket is handed to the request only
 * once the peer's certificate has the pinned SHA-256 — nothing is written to
 * a server with another certificate.
 */
class PinnedAgent extends https.Agent {
  constructor(private readonly pin: string) {
    super({ keepAlive: true, maxSockets: 2 });
  }
  override createConnection(options: http.RequestOptions, callback?: (err: Error | null, stream: Duplex) => void): Duplex | null | undefined {
    const socket = tls.connect({ ...(options as tls.ConnectionOptions), rejectUnauthorized: false });
    let done = false;
    const finish = (err: Error | null): void => {
      if (done) return;
      done = true;
      callback?.(err, socket);
    };
    socket.once('secureConnect', () => {
      const cert = socket.getPeerCertificate();
      const got = cert?.raw ? crypto.createHash('sha256').update(cert.raw).digest('hex') : '';
      if (got === this.pin) return finish(null);
      socket.destroy();
      finish(
        new HubCertificateRefused(
          'CERT_PIN_MISMATCH',
          `上级证书指纹 ${got ? pinText(got).slice(0, 23) : '（无）'}… 与本机设置的 ${pinText(this.pin).slice(0, 23)}… 不符，已拒绝连接 / the hub's certificate fingerprint does not match the pinned one: refused`,
        ),
      );
    });
    socket.once('error', (e) => finish(e));
    return undefined;
  }
}

function httpsAgentFor(t: HubTls | undefined): https.Agent {
  const key = t?.pin ? `pin:${t.pin}` : t?.caPem ? `ca:${crypto.createHash('sha256').update(t.caPem).digest('hex')}` : 'system';
  let a = httpsAgents.get(key);
  if (!a) {
    a = t?.pin ? new PinnedAgent(t.pin) : new https.Agent({ keepAlive: true, maxSockets: 2, ...(t?.caPem ? { ca: t.caPem } : {}) });
    httpsAgents.set(key, a);
  }
  return a;
}

/** OpenSSL's and Node's codes for a certificate that does not verify. */
const certErrorCodes = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'CERT_SIGNATURE_FAILURE',
  'CERT_UNTRUSTED',
  'CERT_REJECTED',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'HOSTNAME_MISMATCH',
]);

/** A failed request as the link reports it: a refused certificate, or the hub out of reach. */
function requestError(e: Error & { code?: string }): Error {
  if (e instanceof HubCertificateRefused) return e;
  if (e.code && certErrorCodes.has(e.code)) {
    return new HubCertificateRefused(
      'CERT_UNTRUSTED',
      `上级证书不受信任（${e.code}），已拒绝连接：请在"设置 → 上级汇总"填写上级的 CA 证书或证书指纹 / the hub's certificate is not trusted (${e.code}): enter the hub's CA certificate or fingerprint in Settings → Hub`,
    );
  }
  return new HubUnreachable(e.message);
}

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
        agent: isTls ? httpsAgentFor(link.tls) : httpAgent,
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
    req.on('error', (e) => reject(requestError(e)));
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
