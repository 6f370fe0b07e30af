/**
 * Property: every people/users/contacts method rejects malformed input with a
 * translated validation error and writes nothing.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeDesk, type TestDesk } from '../helpers/core';

let desk: TestDesk;
beforeAll(async () => {
  desk = await makeDesk();
});
afterAll(() => desk.close());

const count = () =>
  (desk.core.db.prepare('SELECT (SELECT count(*) FROM audit_log) + (SELECT count(*) FROM people) + (SELECT count(*) FROM users) + (SELECT count(*) FROM contacts) AS n').get() as { n: number }).n;

/** Inputs that can never be valid for these methods: wrong types in required fields, unknown keys, non-objects. */
const malformed = fc.oneof(
  fc.constantFrom(null, 42, 'x', true, []),
  fc.record({ name: fc.oneof(fc.integer(), fc.constant(''), fc.string({ minLength: 41, maxLength: 60 }).map((s) => s.trim().padEnd(41, '长'))) }),
  fc.record({ id: fc.oneof(fc.constant(-1), fc.constant(0), fc.double(), fc.string()), name: fc.constant('x') }),
  fc.dictionary(fc.string({ minLength: 1, maxLength: 8 }).filter((k) => !['id', 'name'].includes(k)), fc.anything(), { minKeys: 1, maxKeys: 4 }).map((d) => ({ ...d, __proto_x: 1 })),
  fc.record({ login: fc.constantFrom('a', '含中文', 'x'.repeat(40), 'bad space'), password: fc.constantFrom('short', 'onlyletters', '12345678'), personId: fc.constant(null), displayName: fc.constant('x'), roles: fc.constant(['officer']) }),
  fc.record({ kind: fc.constantFrom('boss', '', 1), name: fc.constant('x') }),
  fc.record({ mobile: fc.constantFrom('call me', '<script>', '１３８'), name: fc.constant('某人') }),
);

const methods = ['people.create', 'people.update', 'people.setActive', 'contacts.create', 'contacts.update', 'contacts.setActive', 'users.create', 'users.update', 'users.resetPassword'];

describe('directory methods under malformed input', () => {
  it.each(methods)('%s rejects with VALIDATION and writes 0 rows', async (method) => {
    await fc.assert(
      fc.asyncProperty(malformed, async (input) => {
        const before = count();
        const r = await desk.api.call(method, input, desk.admin);
        expect(r.ok).toBe(false);
        if (!r.ok) {
          expect(r.error.code).toBe('VALIDATION');
          expect(r.error.message).not.toBe(r.error.messageKey);
          for (const i of r.error.details?.issues ?? []) expect(i.messageKey).toMatch(/^validation\./u);
        }
        expect(count()).toBe(before);
      }),
      { numRuns: 150 },
    );
  });
});
