/**
 * The contract and the handlers are merged from the domains' maps: nothing may
 * be lost or silently shadowed on the way.
 */
import { describe, expect, it } from 'vitest';
import { contract, contractParts, methodNames } from '../../shared/contract';
import { mergeMethodMaps, method } from '../../shared/contract/define';
import { empty } from '../../shared/contract/common';
import { allHandlers, handlerParts, mergeHandlers } from '../../electron/core/handlers';

describe('the merged contract', () => {
  it('has as many methods as its parts, each from exactly one part', () => {
    const parts = Object.values(contractParts);
    const total = parts.reduce((n, p) => n + Object.keys(p).length, 0);
    expect(methodNames).toHaveLength(total);
    expect(new Set(methodNames).size).toBe(total);
    for (const part of parts) for (const [name, spec] of Object.entries(part)) expect(contract[name as keyof typeof contract]).toBe(spec);
  });

  it('refuses a method declared twice, naming it', () => {
    const a = { 'x.get': method<null>()({ input: empty, access: 'session', kind: 'query' }) };
    const b = { 'x.get': method<null>()({ input: empty, access: 'public', kind: 'query' }) };
    expect(() => mergeMethodMaps([a, b])).toThrow(/x\.get is declared twice/u);
  });
});

describe('the merged handlers', () => {
  it('handle every contract method exactly once', () => {
    expect(Object.keys(allHandlers).sort()).toEqual([...methodNames].sort());
    const total = handlerParts.reduce((n, p) => n + Object.keys(p).length, 0);
    expect(total).toBe(methodNames.length);
  });

  it('refuse a name handled twice, an unknown name and a method without a handler', () => {
    const h = () => null;
    expect(() => mergeHandlers([{ 'a.x': h }, { 'a.x': h }], ['a.x'])).toThrow(/a\.x is handled twice/u);
    expect(() => mergeHandlers([{ 'a.x': h, 'a.y': h }], ['a.x'])).toThrow(/a\.y is not a contract method/u);
    expect(() => mergeHandlers([{ 'a.x': h }], ['a.x', 'a.z'])).toThrow(/no handler for a\.z/u);
  });
});
