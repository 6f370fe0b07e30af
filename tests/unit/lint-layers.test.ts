/**
 * The lint rules that keep code where it runs actually bite.
 */
import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';
import path from 'node:path';

const eslint = new ESLint({ cwd: path.resolve(import.meta.dirname, '../..') });

async function restrictedRules(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => m.ruleId ?? m.message);
}

describe('import layers', () => {
  it.each(['electron/core/x.ts', 'electron/host/x.ts', 'renderer/x.ts', 'shared/x.ts'])('%s may not import electron', async (file) => {
    expect(await restrictedRules(file, "import { app } from 'electron';\nexport const a = app;\n")).toContain('no-restricted-imports');
  });

  it.each(['electron/main/x.ts', 'electron/preload/x.ts'])('%s may import electron', async (file) => {
    expect(await restrictedRules(file, "import { app } from 'electron';\nexport const a = app;\n")).not.toContain('no-restricted-imports');
  });

  it('the renderer may not import the core', async () => {
    expect(await restrictedRules('renderer/pages/x.ts', "import { Core } from '../../electron/core/core';\nexport const c = Core;\n")).toContain(
      'no-restricted-imports',
    );
  });

  it('the renderer may import shared', async () => {
    expect(await restrictedRules('renderer/pages/x.ts', "import { contract } from '../../shared/contract';\nexport const c = contract;\n")).toEqual([]);
  });

  it('shared may not import Node', async () => {
    expect(await restrictedRules('shared/x.ts', "import fs from 'node:fs';\nexport const f = fs;\n")).toContain('no-restricted-imports');
  });

  it('shared may not use DOM or Node globals', async () => {
    const rules = await restrictedRules('shared/x.ts', 'export const w = window.location.href;\nexport const p = process.env;\n');
    expect(rules.filter((r) => r === 'no-restricted-globals')).toHaveLength(2);
  });
});

describe('no raw HTML in the renderer', () => {
  it.each([
    ['dangerouslySetInnerHTML', 'export const A = (p: { t: string }) => <div dangerouslySetInnerHTML={{ __html: p.t }} />;\n'],
    ['innerHTML', 'export function f(el: HTMLElement, t: string) {\n  el.innerHTML = t;\n}\n'],
    ['insertAdjacentHTML', "export function f(el: HTMLElement, t: string) {\n  el.insertAdjacentHTML('beforeend', t);\n}\n"],
    ['eval', 'export const f = (t: string) => eval(t);\n'],
  ])('%s is refused', async (_name, code) => {
    const rules = await restrictedRules('renderer/components/x.tsx', code);
    expect(rules.some((r) => r === 'no-restricted-syntax' || r === 'no-eval')).toBe(true);
  });

  it('text through React is fine', async () => {
    expect(await restrictedRules('renderer/components/x.tsx', 'export const A = (p: { t: string }) => <div>{p.t}</div>;\n')).toEqual([]);
  });
});
