import crypto from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalAuditPayload, genesisHash, type AuditEvent } from '../../shared/audit';
import { chainHeadQrText, checkpointSigningText, fastCanonicalPayload, shortHash, verifyChain } from '../../shared/domain/audit-verify';

const sha = (s: string) => crypto.createHash('sha256').update(s, 'utf8').digest('hex');

function chain(texts: string[]): AuditEvent[] {
  const out: AuditEvent[] = [];
  let prev = genesisHash;
  texts.forEach((t, i) => {
    const base = {
      seq: i + 1,
      v: 1,
      at: new Date(Date.UTC(2026, 10, 25, 13, i)).toISOString(),
      deskId: 'desk-1',
      actorId: 1,
      actor: 'admin',
      action: 'log.create',
      entity: 'log',
      entityId: String(i + 1),
      before: null,
      after: JSON.stringify({ summary: t }),
      reason: null,
      prevHash: prev,
    };
    const e = { ...base, hash: sha(canonicalAuditPayload(base)) };
    out.push(e);
    prev = e.hash;
  });
  return out;
}

const texts = fc.array(fc.string({ minLength: 1, maxLength: 30 }), { minLength: 3, maxLength: 40 });

describe('verifyChain (pure)', () => {
  it('accepts every untampered chain', () => {
    fc.assert(
      fc.property(texts, (t) => {
        const rows = chain(t);
        const r = verifyChain(rows, sha, [{ seq: rows.length, hash: rows.at(-1)!.hash }]);
        expect(r.ok).toBe(true);
        expect(r.head).toEqual({ seq: rows.length, hash: rows.at(-1)!.hash });
        expect(r.checkpointsChecked).toBe(1);
      }),
      { numRuns: 200 },
    );
  });

  it('names the first edited row for any edit of any field text', () => {
    fc.assert(
      fc.property(texts, fc.nat(), fc.string({ minLength: 1, maxLength: 5 }), (t, pick, extra) => {
        const rows = chain(t);
        const i = pick % rows.length;
        rows[i] = { ...rows[i]!, after: `${rows[i]!.after}${extra}` };
        const r = verifyChain(rows, sha);
        expect(r.ok).toBe(false);
        expect(r.problem).toMatchObject({ seq: i + 1, kind: 'edited' });
      }),
      { numRuns: 200 },
    );
  });

  it('names a deleted row as missing and adjacent swaps as reordered', () => {
    fc.assert(
      fc.property(texts, fc.nat(), (t, pick) => {
        const rows = chain(t);
        const i = pick % (rows.length - 1);
        const deleted = rows.filter((_, k) => k !== i);
        expect(verifyChain(deleted, sha).problem).toMatchObject({ seq: i + 1, kind: 'missing' });
        const swapped = [...rows];
        swapped[i] = { ...rows[i + 1]!, seq: i + 1 };
        swapped[i + 1] = { ...rows[i]!, seq: i + 2 };
        expect(verifyChain(swapped, sha).problem).toMatchObject({ seq: i + 1, kind: 'reordered' });
      }),
      { numRuns: 200 },
    );
  });

  it('finds a cut tail only with a checkpoint beyond it', () => {
    const rows = chain(['a', 'b', 'c', 'd', 'e', 'f']);
    const cut = rows.slice(0, 4);
    expect(verifyChain(cut, sha).ok).toBe(true);
    const r = verifyChain(cut, sha, [{ seq: 6, hash: rows[5]!.hash }]);
    expect(r.problem).toEqual({ seq: 5, kind: 'truncated', details: { checkpointSeq: 6, lastSeq: 4 } });
  });

  it('reports an unknown format version as malformed', () => {
    const rows = chain(['a', 'b']);
    rows[1] = { ...rows[1]!, v: 2 };
    expect(verifyChain(rows, sha).problem).toMatchObject({ seq: 2, kind: 'malformed' });
  });

  it('computes the fast payload byte-identical to the reference canonical payload', () => {
    const str = fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.constantFrom('"', '\\', '\u2028', '\u0000', '\uD800', '值班'));
    fc.assert(
      fc.property(
        fc.record({
          seq: fc.oneof(fc.nat(), fc.integer(), fc.double()),
          v: fc.oneof(fc.constant(1), fc.nat()),
          at: str,
          deskId: str,
          actorId: fc.option(fc.nat(), { nil: null }),
          actor: str,
          action: str,
          entity: str,
          entityId: fc.option(str, { nil: null }),
          before: fc.option(str, { nil: null }),
          after: fc.option(str, { nil: null }),
          reason: fc.option(str, { nil: null }),
          prevHash: str,
        }),
        (e) => {
          expect(fastCanonicalPayload(e)).toBe(canonicalAuditPayload(e));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('formats short hashes, QR text and the signing text stably', () => {
    const h = 'ab'.repeat(32);
    expect(shortHash(h)).toBe('abab abab');
    expect(chainHeadQrText({ deskId: 'd', seq: 7, hash: h })).toBe(`DUTYDESK-AUDIT:d:7:${h}`);
    expect(checkpointSigningText({ deskId: 'd', seq: 7, hash: h, at: '2026-11-25T13:40:00.000Z' })).toBe(
      `dutydesk-audit-checkpoint/v1\nd\n7\n${h}\n2026-11-25T13:40:00.000Z`,
    );
  });
});
