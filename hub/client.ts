/**
 * The desk's side of the wire: enrol, ask for the head, push signed batches.
 *
 * For the desk's outbox (built in electron/core later) and for the tests and
 * the bench. Plain Node (`node:crypto`, `node:http(s)`), no Electron.
 *
 *   const key = deskKeyFromPrivatePem(fs.readFileSync('desk-signing-key.pem', 'utf8'));
 *   await enrol(url, { code, deskId, unitName, key });
 *   await drain(url, { deskId, keys: new Map([[key.fingerprint, key]]), rowsFrom });
 */
import crypto from 'node:crypto';
import http from 'node:http';
import https from 'node:https';
import type { AuditEvent } from '../shared/audit';
import {
  batchRanges,
  batchResponseSchema,
  batchSigningText,
  enrolResponseSchema,
  enrolSigningText,
  headResponseSchema,
  headSigningText,
  hubErrorResponseSchema,
  maxBatchRows,
  type BatchRequest,
  type BatchResponse,
  type EnrolRequest,
  type EnrolResponse,
  type HeadRequest,
  type HeadResponse,
  type HubErrorBody,
} from '../shared/hub-protocol';

export interface DeskSigningKey {
  privateKey: crypto.KeyObject;
  /** SPKI PEM (what enrolment sends). */
  publicKeyPem: string;
  /** SPKI DER, base64 (what audit rows carry). */
  publicKeyDer: string;
  /** SHA-256 of the SPKI DER, hex. */
  fingerprint: string;
}

export function deskKeyFromPrivateKey(privateKey: crypto.KeyObject): DeskSigningKey {
  const pub = crypto.createPublicKey(privateKey);
  const der = pub.export({ type: 'spki', format: 'der' });
  return {
    privateKey,
    publicKeyPem: pub.export({ type: 'spki', format: 'pem' }).toString(),
    publicKeyDer: der.toString('base64'),
    fingerprint: crypto.createHash('sha256').update(der).digest('hex'),
  };
}

/** The desk key as `electron/core/services/checkpoint.ts` stores it (PKCS#8 PEM). */
export const deskKeyFromPrivatePem = (pem: string): DeskSigningKey => deskKeyFromPrivateKey(crypto.createPrivateKey(pem));
export const generateDeskKey = (): DeskSigningKey => deskKeyFromPrivateKey(crypto.generateKeyPairSync('ed25519').privateKey);

const sign = (key: DeskSigningKey, text: string): string => crypto.sign(null, Buffer.from(text, 'utf8'), key.privateKey).toString('base64');
const newNonce = (): string => crypto.randomBytes(16).toString('hex');

/** A hub address, with the CA to trust when the hub's certificate is not from a public CA. */
export type HubEndpoint = string | { url: string; ca?: string | Buffer };

/** The hub refused or failed: `body` names the code and, for a refused chain, the desk and seq. */
export class HubClientError extends Error {
  constructor(
    readonly status: number,
    readonly body: HubErrorBody,
  ) {
    super(`${body.code}: ${body.message}`);
    this.name = 'HubClientError';
  }
}

const agents = { http: new http.Agent({ keepAlive: true, maxSockets: 16 }), https: new Map<string, https.Agent>() };
/** Hub clock minus ours, learnt from a CLOCK_SKEW answer, per hub URL. */
const clockOffsets = new Map<string, number>();

const urlOf = (e: HubEndpoint): string => (typeof e === 'string' ? e : e.url).replace(/\/+$/u, '');

/** Low-level JSON request; resolves with the status and parsed body. */
export function requestJson(endpoint: HubEndpoint, method: 'GET' | 'POST', path: string, body?: unknown, headers: Record<string, string> = {}): Promise<{ status: number; json: unknown }> {
  const url = new URL(urlOf(endpoint) + path);
  const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body), 'utf8');
  const isTls = url.protocol === 'https:';
  const ca = typeof endpoint === 'string' ? undefined : endpoint.ca;
  let agent: http.Agent;
  if (isTls) {
    const k = String(ca ?? '');
    let a = agents.https.get(k);
    if (!a) {
      a = new https.Agent({ keepAlive: true, maxSockets: 16, ...(ca ? { ca } : {}) });
      agents.https.set(k, a);
    }
    agent = a;
  } else agent = agents.http;
  return new Promise((resolve, reject) => {
    const req = (isTls ? https : http).request(
      url,
      { method, agent, headers: { ...headers, ...(payload ? { 'content-type': 'application/json', 'content-length': String(payload.length) } : {}) } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let json: unknown;
          try {
            json = text ? JSON.parse(text) : null;
          } catch {
            json = { error: { code: 'INTERNAL', message: text.slice(0, 200) } };
          }
          resolve({ status: res.statusCode ?? 0, json });
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

async function call<T>(endpoint: HubEndpoint, path: string, build: (sentAt: string) => unknown, parse: (j: unknown) => T): Promise<T> {
  for (let attempt = 0; ; attempt += 1) {
    const sentAt = new Date(Date.now() + (clockOffsets.get(urlOf(endpoint)) ?? 0)).toISOString();
    const { status, json } = await requestJson(endpoint, 'POST', path, build(sentAt));
    if (status === 200) return parse(json);
    const err = hubErrorResponseSchema.safeParse(json);
    const body: HubErrorBody = err.success ? err.data.error : { code: 'INTERNAL', message: `HTTP ${status}` };
    // A desk clock far off the hub's: sign again on the hub's time (once), as the answer told it.
    if (body.code === 'CLOCK_SKEW' && body.hubTime && attempt === 0) {
      clockOffsets.set(urlOf(endpoint), Date.parse(body.hubTime) - Date.now());
      continue;
    }
    throw new HubClientError(status, body);
  }
}

/** The signed enrolment request (exported for tests). */
export function buildEnrolRequest(a: { code: string; deskId: string; unitName: string; key: DeskSigningKey }, sentAt = new Date().toISOString()): EnrolRequest {
  const base = { code: a.code, deskId: a.deskId, unitName: a.unitName, sentAt, nonce: newNonce() };
  return { ...base, publicKeyPem: a.key.publicKeyPem, signature: sign(a.key, enrolSigningText({ ...base, keyFingerprint: a.key.fingerprint })) };
}

/** The signed head request (exported for tests). */
export function buildHeadRequest(deskId: string, key: DeskSigningKey, sentAt = new Date().toISOString()): HeadRequest {
  const base = { deskId, keyFingerprint: key.fingerprint, sentAt, nonce: newNonce() };
  return { ...base, signature: sign(key, headSigningText(base)) };
}

/** Enrols the desk with a one-time code from the hub admin. */
export function enrol(endpoint: HubEndpoint, a: { code: string; deskId: string; unitName: string; key: DeskSigningKey }): Promise<EnrolResponse> {
  return call(
    endpoint,
    '/v1/enrol',
    (sentAt) => buildEnrolRequest(a, sentAt),
    (j) => enrolResponseSchema.parse(j),
  );
}

/** The last seq the hub holds for the desk, and the key it expects next. */
export function fetchHead(endpoint: HubEndpoint, deskId: string, key: DeskSigningKey): Promise<HeadResponse> {
  return call(
    endpoint,
    '/v1/head',
    (sentAt) => buildHeadRequest(deskId, key, sentAt),
    (j) => headResponseSchema.parse(j),
  );
}

/** Builds the signed request for a run of consecutive rows (exported for tests that tamper with it). */
export function signBatch(deskKey: DeskSigningKey, events: readonly AuditEvent[], sentAt = new Date().toISOString()): BatchRequest {
  const first = events[0];
  const last = events[events.length - 1];
  if (!first || !last) throw new Error('an empty batch');
  const base = { deskId: first.deskId, keyFingerprint: deskKey.fingerprint, firstSeq: first.seq, lastSeq: last.seq, lastHash: last.hash, sentAt, nonce: newNonce() };
  return { ...base, events: [...events], signature: sign(deskKey, batchSigningText({ ...base, count: events.length })) };
}

/** Sends one batch as it is (tests: tampered requests). */
export function sendBatch(endpoint: HubEndpoint, req: BatchRequest): Promise<BatchResponse> {
  return call(
    endpoint,
    '/v1/batch',
    () => req,
    (j) => batchResponseSchema.parse(j),
  );
}

/**
 * Pushes consecutive audit rows of one desk as one signed batch.
 *
 * The batch must be signed by the key current after the row before
 * `events[0]` (the hub says which in every head and batch answer).
 */
export function pushBatch(endpoint: HubEndpoint, deskKey: DeskSigningKey, events: readonly AuditEvent[]): Promise<BatchResponse> {
  if (events.length > maxBatchRows) throw new Error(`at most ${maxBatchRows} rows per batch`);
  return call(
    endpoint,
    '/v1/batch',
    (sentAt) => signBatch(deskKey, events, sentAt),
    (j) => batchResponseSchema.parse(j),
  );
}

export interface DrainSource {
  deskId: string;
  /** The desk's keys by fingerprint: current and retired (a backlog may start before a rotation). */
  keys: ReadonlyMap<string, DeskSigningKey>;
  /** Up to `limit` rows from `seq` on, in seq order. */
  rowsFrom: (seq: number, limit: number) => readonly AuditEvent[] | Promise<readonly AuditEvent[]>;
}

/**
 * Sends everything the hub does not hold yet, from its head on, in batches
 * cut after each key rotation and signed by the key the hub names.
 */
export async function drain(endpoint: HubEndpoint, src: DrainSource, opts: { batchSize?: number; onBatch?: (r: BatchResponse) => void } = {}): Promise<{ added: number; batches: number; head: BatchResponse['head'] }> {
  const size = opts.batchSize ?? 500;
  const anyKey = src.keys.values().next().value;
  if (!anyKey) throw new Error('no desk key');
  const h = await fetchHead(endpoint, src.deskId, src.keys.get(anyKey.fingerprint) ?? anyKey);
  let head = h.head;
  let expect = h.keyFingerprint;
  let added = 0;
  let batches = 0;
  for (;;) {
    const rows = await src.rowsFrom(head.seq + 1, size);
    if (rows.length === 0) return { added, batches, head };
    const [range] = batchRanges(rows, size);
    const key = src.keys.get(expect);
    if (!key) throw new Error(`the hub expects key ${expect.slice(0, 8)}…, which this desk does not hold`);
    const r = await pushBatch(endpoint, key, rows.slice(range![0], range![1]));
    opts.onBatch?.(r);
    added += r.added;
    batches += 1;
    head = r.head;
    expect = r.keyFingerprint;
  }
}
