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

describe('zones inside the core', () => {
  const imp = (what: string, from: string) => `import { ${what} } from '${from}';\nexport const x = ${what};\n`;

  it.each([
    ['electron/core/store/x.ts', imp('insertLogEntry', '../log/db')],
    ['electron/core/audit/x.ts', imp('dutyNow', '../duty/service')],
    ['electron/core/api/x.ts', imp('allLogs', '../log/api')],
    ['electron/core/lib/x.ts', imp('getDesk', '../desk/db')],
    ['electron/core/write.ts', imp('createLogEntry', './log/service')],
    ['electron/core/context.ts', imp('getPerson', './directory/people-db')],
  ])('the platform file %s may not import a domain', async (file, code) => {
    expect(await restrictedRules(file, code)).toContain('no-restricted-imports');
  });

  it.each([
    ['electron/core/store/x.ts', imp('appendAudit', '../audit/chain')],
    ['electron/core/api/x.ts', imp('stmt', '../store/stmt')],
    ['electron/core/audit/x.ts', imp('localDate', '../../../shared/time')],
    ['electron/core/write.ts', imp('stmt', './store/stmt')],
    ['electron/core/boot.ts', imp('startDueScheduler', './escalation/due-schedule')],
    ['electron/core/handlers.ts', imp('logHandlers', './log/api')],
  ])('%s may import the platform (or, for boot and handlers, the domains)', async (file, code) => {
    expect(await restrictedRules(file, code)).not.toContain('no-restricted-imports');
  });

  it("a domain may not import another domain's api.ts", async () => {
    expect(await restrictedRules('electron/core/log/x.ts', imp('incidentsHandlers', '../incidents/api'))).toContain('no-restricted-imports');
    expect(await restrictedRules('electron/core/log/x.ts', imp('createIncident', '../incidents/service'))).not.toContain('no-restricted-imports');
  });

  it("a domain writes another domain's tables only through its service", async () => {
    for (const [what, from] of [
      ['insertPerson', '../directory/people-db'],
      ['updateDesk', '../desk/db'],
      ['insertInstruction', '../incidents/records-db'],
      ['setCalendarDay', '../calendar/db'],
    ] as const) {
      expect(await restrictedRules('electron/core/roster/x.ts', imp(what, from))).toContain('no-restricted-imports');
    }
    // Reading another domain's db is fine, and a domain writes its own tables.
    expect(await restrictedRules('electron/core/roster/x.ts', imp('getPerson', '../directory/people-db'))).not.toContain('no-restricted-imports');
    expect(await restrictedRules('electron/core/log/x.ts', imp('insertLogEntry', './db'))).not.toContain('no-restricted-imports');
    // The demo seeder writes every domain's tables by design.
    expect(await restrictedRules('electron/core/seed/x.ts', imp('insertPerson', '../directory/people-db'))).not.toContain('no-restricted-imports');
  });
});

describe('no raw HTML in the renderer', () => {
  it.each([
    ['dangerouslySetInnerHTML', 'export const A = (p: { t: string }) => <div dangerouslySetInnerHTML={{ __html: p.t }} />;\n'],
    ['innerHTML', 'export function f(el: HTMLElement, t: string) {\n  el.innerHTML = t;\n}\n'],
    ['insertAdjacentHTML', "export function f(el: HTMLElement, t: string) {\n  el.insertAdjacentHTML('beforeend', t);\n}\n"],
    ['eval', 'export const f = (t: string) => eval(t);\n'],
    ["el['innerHTML'] =", "export function f(el: HTMLElement, t: string) {\n  el['innerHTML'] = t;\n}\n"],
    ['Object.assign(el, { innerHTML })', 'export function f(el: HTMLElement, innerHTML: string) {\n  Object.assign(el, { innerHTML });\n}\n'],
    ["Object.assign(el, { 'outerHTML': t })", "export function f(el: HTMLElement, t: string) {\n  Object.assign(el, { 'outerHTML': t });\n}\n"],
    ['srcDoc', 'export const A = (p: { t: string }) => <iframe title="x" srcDoc={p.t} />;\n'],
    ['iframe.srcdoc =', 'export function f(el: HTMLIFrameElement, t: string) {\n  el.srcdoc = t;\n}\n'],
    ['createContextualFragment', 'export function f(t: string) {\n  return document.createRange().createContextualFragment(t);\n}\n'],
  ])('%s is refused', async (_name, code) => {
    const rules = await restrictedRules('renderer/components/x.tsx', code);
    expect(rules.some((r) => r === 'no-restricted-syntax' || r === 'no-eval')).toBe(true);
  });

  it('text through React is fine', async () => {
    expect(await restrictedRules('renderer/components/x.tsx', 'export const A = (p: { t: string }) => <div>{p.t}</div>;\n')).toEqual([]);
  });
});
