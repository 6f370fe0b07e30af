/**
 * A simulated desk: a real hash-chained audit stream (the hashing of
 * `shared/`), its Ed25519 key, key records, signed checkpoints and key
 * rotations exactly as `electron/core/services/checkpoint.ts` writes them.
 * For tests and the bench; nothing here is used by the hub itself.
 */
import crypto from 'node:crypto';
import { auditFormatVersion, canonicalJson, genesisHash, type AuditEvent } from '../shared/audit';
import { checkpointSigningText, expectedHash } from '../shared/domain/audit-verify';
import { checkpointAction, keyCreateAction, keyRotateAction } from '../shared/hub-protocol';
import { generateDeskKey, type DeskSigningKey } from './client';

const sha256Hex = (s: string): string => crypto.createHash('sha256').update(s, 'utf8').digest('hex');

export class SimDesk {
  readonly events: AuditEvent[] = [];
  /** Every key the desk has held, current and retired. */
  readonly keys = new Map<string, DeskSigningKey>();
  key: DeskSigningKey;
  private clock: number;

  constructor(
    readonly deskId: string,
    readonly unitName = `${deskId} 值班室`,
    start = Date.parse('2026-02-14T00:30:00.000Z'),
  ) {
    this.key = generateDeskKey();
    this.keys.set(this.key.fingerprint, this.key);
    this.clock = start;
  }

  get head(): { seq: number; hash: string } {
    const last = this.events[this.events.length - 1];
    return last ? { seq: last.seq, hash: last.hash } : { seq: 0, hash: genesisHash };
  }

  append(p: { action: string; entity: string; entityId?: string | null; before?: unknown; after?: unknown; reason?: string | null; actor?: string; actorId?: number | null }): AuditEvent {
    this.clock += 1000 + (this.events.length % 7) * 137;
    const row: Omit<AuditEvent, 'hash'> = {
      seq: this.events.length + 1,
      v: auditFormatVersion,
      at: new Date(this.clock).toISOString(),
      deskId: this.deskId,
      actorId: p.actorId === undefined ? 2 : p.actorId,
      actor: p.actor ?? 'zhangwei',
      action: p.action,
      entity: p.entity,
      entityId: p.entityId ?? null,
      before: p.before === undefined || p.before === null ? null : canonicalJson(p.before),
      after: p.after === undefined || p.after === null ? null : canonicalJson(p.after),
      reason: p.reason ?? null,
      prevHash: this.head.hash,
    };
    const e: AuditEvent = { ...row, hash: expectedHash(row, sha256Hex) };
    this.events.push(e);
    return e;
  }

  /** `n` duty-log entries of realistic size. */
  logEntries(n: number): void {
    for (let i = 0; i < n; i += 1) {
      const id = this.events.length + 1;
      this.append({
        action: 'logEntry.create',
        entity: 'logEntry',
        entityId: String(id),
        after: { id, kind: 'call', occurredAt: new Date(this.clock).toISOString(), caller: '县应急管理局', summary: `来电第${id}号：报告辖区内道路积水情况，已通知相关单位处置并续报。`, officerId: 2 },
      });
    }
  }

  /** `deskKey.create` for the current key (the desk writes it before its first checkpoint). */
  declareKey(): AuditEvent {
    return this.append({ action: keyCreateAction, entity: 'deskKey', entityId: this.key.fingerprint.slice(0, 16), after: { fingerprint: this.key.fingerprint, publicKey: this.key.publicKeyDer } });
  }

  /** A signed checkpoint of the current head, recorded in the chain. */
  checkpoint(key: DeskSigningKey = this.key): AuditEvent {
    const head = this.head;
    const at = new Date(this.clock).toISOString();
    const signature = crypto.sign(null, Buffer.from(checkpointSigningText({ deskId: this.deskId, seq: head.seq, hash: head.hash, at }), 'utf8'), key.privateKey).toString('base64');
    return this.append({ action: checkpointAction, entity: 'auditCheckpoint', entityId: String(head.seq), after: { seq: head.seq, hash: head.hash, at, keyFingerprint: key.fingerprint, signature } });
  }

  /** Replaces the desk key: the `deskKey.rotate` row, then a checkpoint signed with the new key. */
  rotate(reason = '定期更换'): AuditEvent {
    const old = this.key;
    const next = generateDeskKey();
    const row = this.append({
      action: keyRotateAction,
      entity: 'deskKey',
      entityId: next.fingerprint.slice(0, 16),
      before: { fingerprint: old.fingerprint },
      after: { fingerprint: next.fingerprint, publicKey: next.publicKeyDer },
      reason,
    });
    this.key = next;
    this.keys.set(next.fingerprint, next);
    this.checkpoint();
    return row;
  }

  rowsFrom = (seq: number, limit: number): AuditEvent[] => this.events.slice(seq - 1, seq - 1 + limit);
}
