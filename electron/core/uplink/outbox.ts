/**
 * The outbox: ships the desk's audit chain to its hub in the background and
 * pulls what the hub sent down.
 *
 * One exchange (`tick`) asks the hub for its head once per start (the hub is
 * the authority on what it holds), sends the rows after it in signed
 * batches cut at key rotations, then pulls messages after the version
 * cursor. Writes kick an exchange shortly after they commit (debounced);
 * otherwise the outbox polls. A failed exchange marks the link offline (or
 * refused, with the hub's reason) and retries with a growing pause — the
 * desk keeps working, its backlog waits in its own chain and drains when the
 * link returns.
 *
 * It never holds the store across network I/O: each batch is one indexed
 * read of ≤ 500 rows; the request runs asynchronously while the officer's
 * writes go on; the ack is one small UPDATE.
 */
import { batchRanges } from '../../../shared/hub-protocol';
import type { Core } from '../core';
import { iso } from '../context';
import { fetchHead, HubCertificateRefused, HubRefused, pull, pushBatch, type HubLink, type SigningKey } from './client';
import { auditRowsFrom, getLink, saveLink, type Link } from './db';
import { deskSigningKeys, getEnrolment, getHubTls, linkFailed, linkOk, markContacted, receiveMessages, reportDutyIfChanged } from './service';

export interface OutboxOptions {
  /** Pause between exchanges while nothing happens (pulls the hub's messages). Default 10 s. */
  pollMs?: number;
  /** After a write, wait this long for more before sending. Default 250 ms. */
  debounceMs?: number;
  /** First retry pause after a failure, doubling up to `retryMaxMs`. */
  retryMinMs?: number;
  retryMaxMs?: number;
  batchSize?: number;
  timeoutMs?: number;
}

export interface TickResult {
  ran: boolean;
  sent: number;
  received: number;
  error: string | null;
}

export interface Outbox {
  /** Runs an exchange soon (after a write, or 同步 now). */
  kick(): void;
  /** Runs one exchange now (tests; `uplink.syncNow`). Resolves when it ends. */
  tick(): Promise<TickResult>;
  stop(): void;
}

const outboxes = new WeakMap<Core, Outbox>();
/** The running outbox of a core, if one was started (boot.ts starts it). */
export const outboxOf = (core: Core): Outbox | undefined => outboxes.get(core);

export function startOutbox(core: Core, opts: OutboxOptions = {}): Outbox {
  const pollMs = opts.pollMs ?? 10_000;
  const debounceMs = opts.debounceMs ?? 250;
  const retryMin = opts.retryMinMs ?? 2_000;
  const retryMax = opts.retryMaxMs ?? 60_000;
  const batchSize = opts.batchSize ?? 500;
  let link: HubLink | null = null;
  let headKnown = false;
  let failures = 0;
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let running: Promise<TickResult> | null = null;
  let again = false;

  const emit = (): void => core.events.emit({ type: 'uplink' });

  let timerAt = 0;
  /** Runs an exchange in `ms` at the latest (a later request never postpones an earlier one). */
  const schedule = (ms: number): void => {
    if (stopped) return;
    const at = Date.now() + ms;
    if (timer && timerAt <= at) return;
    if (timer) clearTimeout(timer);
    timerAt = at;
    timer = setTimeout(() => {
      timer = null;
      void tick();
    }, ms);
    timer.unref?.();
  };

  const save = (l: Link): void => {
    if (core.db.open && !core.readOnly) saveLink(core.db, l);
  };

  async function exchange(): Promise<TickResult> {
    const out: TickResult = { ran: false, sent: 0, received: 0, error: null };
    if (!core.db.open || core.readOnly) return out;
    const deskId = core.deskId();
    const enrolment = getEnrolment(core.db);
    if (!deskId || !enrolment) {
      link = null;
      return out;
    }
    out.ran = true;
    if (!link || link.url !== enrolment.url) {
      link = { url: enrolment.url, now: () => core.clock.now(), offsetMs: getLink(core.db).hubOffsetMs, ...(opts.timeoutMs ? { timeoutMs: opts.timeoutMs } : {}) };
      headKnown = false;
    }
    const l = link;
    // The CA or pinned fingerprint as 设置 holds it now (a change applies on the next exchange).
    l.tls = getHubTls(core.db);
    const before = getLink(core.db);
    try {
      reportDutyIfChanged(core);
      const keys = deskSigningKeys(core.dataDir);
      const keyFor = (fp: string | null): SigningKey => {
        const k = fp ? keys.get(fp) : undefined;
        if (k) return k;
        if (fp && headKnown) throw new HubRefused(0, { code: 'KEY_UNKNOWN', message: `上级要求用密钥 ${fp.slice(0, 8)}… 签名，本机没有该密钥 / the hub expects key ${fp.slice(0, 8)}…, which this desk does not hold` });
        return keys.values().next().value!;
      };
      let st = getLink(core.db);
      if (!headKnown) {
        const h = await fetchHead(l, deskId, keyFor(st.keyFingerprint));
        st = { ...getLink(core.db), ackedSeq: h.head.seq, keyFingerprint: h.keyFingerprint };
        save(st);
        headKnown = true;
      }
      for (;;) {
        if (stopped || !core.db.open) return out;
        const rows = auditRowsFrom(core.db, st.ackedSeq + 1, batchSize);
        if (rows.length === 0) break;
        const [range] = batchRanges(rows, batchSize);
        const r = await pushBatch(l, keyFor(st.keyFingerprint), rows.slice(range![0], range![1]));
        out.sent += r.added;
        st = { ...getLink(core.db), ackedSeq: r.head.seq, keyFingerprint: r.keyFingerprint };
        save(st);
        emit();
      }
      for (let more = true; more && !stopped; ) {
        const r = await pull(l, deskId, keyFor(st.keyFingerprint), getLink(core.db).downCursor);
        if (!core.db.open) return out;
        out.received += receiveMessages(core, r.messages, r.cursor).length;
        more = r.more && r.cursor > 0;
      }
      const after = { ...linkOk(getLink(core.db), iso(core.clock.now())), hubOffsetMs: l.offsetMs };
      save(after);
      markContacted(core, true);
      failures = 0;
      if (before.offlineSince || before.error || out.sent || out.received) emit();
      return out;
    } catch (e) {
      headKnown = false;
      failures += 1;
      markContacted(core, false);
      // The hub refusing this desk, or this desk refusing the hub's certificate: refused, with the reason; else offline.
      const refused = e instanceof HubRefused ? { code: e.body.code, message: e.body.message } : e instanceof HubCertificateRefused ? { code: e.code, message: e.message } : null;
      out.error = refused ? refused.code : 'UNREACHABLE';
      if (core.db.open && !core.readOnly) {
        save({ ...linkFailed(getLink(core.db), iso(core.clock.now()), refused), hubOffsetMs: l.offsetMs });
        const now = getLink(core.db);
        if (now.offlineSince !== before.offlineSince || now.error?.code !== before.error?.code) emit();
      }
      if (!(e instanceof HubRefused) && !(e instanceof HubCertificateRefused) && !(e instanceof Error && e.name === 'HubUnreachable')) console.error('[dutydesk uplink]', e);
      return out;
    }
  }

  function tick(): Promise<TickResult> {
    // One exchange at a time; a tick asked for during one runs after it (and sees what was written meanwhile).
    if (running) return running.then(() => tick());
    running = exchange().finally(() => {
      running = null;
      if (stopped) return;
      if (timer) clearTimeout(timer);
      timer = null;
      if (again) {
        again = false;
        schedule(0);
      } else schedule(failures ? Math.min(retryMax, retryMin * 2 ** (failures - 1)) : pollMs);
    });
    return running;
  }

  const unsubscribe = core.events.subscribe((e) => {
    // A write commits: send it soon — unless the link is down, where the retry pause stands.
    if (e.type === 'changed' && failures === 0) {
      if (running) again = true;
      else schedule(debounceMs);
    }
  });

  const box: Outbox = {
    kick: () => {
      failures = Math.min(failures, 1);
      if (running) again = true;
      else schedule(0);
    },
    tick,
    stop() {
      stopped = true;
      unsubscribe();
      if (timer) clearTimeout(timer);
      outboxes.delete(core);
    },
  };
  outboxes.set(core, box);
  schedule(debounceMs);
  return box;
}
