/**
 * The catalogs: Chinese and English hold the same keys with the same
 * placeholders, and every literal key the renderer and the core use exists.
 */
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { resources } from '../../shared/i18n';

function leaves(node: unknown, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  if (typeof node === 'string') out.set(prefix, node);
  else if (node && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) for (const [kk, vv] of leaves(v, prefix ? `${prefix}.${k}` : k)) out.set(kk, vv);
  }
  return out;
}
const placeholders = (s: string): string[] => [...s.matchAll(/\{\{(\w+)\}\}/gu)].map((m) => m[1]!).sort();

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = path.join(dir, d.name);
    if (d.isDirectory()) return sources(p);
    return /\.(ts|tsx)$/u.test(d.name) ? [p] : [];
  });
}

const zh = leaves(resources['zh-CN']);
const en = leaves(resources.en);

describe('message catalogs', () => {
  it('have the same keys in Chinese and English (a plural, key_one/key_other, counts as one key: Chinese has no singular)', () => {
    const base = (keys: Iterable<string>) => new Set([...keys].map((k) => k.replace(/_(zero|one|two|few|many|other)$/u, '')));
    const [zk, ek] = [base(zh.keys()), base(en.keys())];
    expect([...zk].filter((k) => !ek.has(k))).toEqual([]);
    expect([...ek].filter((k) => !zk.has(k))).toEqual([]);
  });

  it('say 1 batch and 23 person-times in English, 1批23人次 in Chinese', async () => {
    const { default: i18next } = await import('i18next');
    const i = i18next.createInstance();
    await i.init({ lng: 'en', resources: { en: { translation: resources.en }, 'zh-CN': { translation: resources['zh-CN'] } } });
    expect(i.t('hub.petitions.count', { b: 1, p: 23 })).toBe('1 batch, 23 person-times');
    expect(i.t('reports.section.times', { b: 2, p: 1 })).toBe('2 batches / 1 person-time');
    await i.changeLanguage('zh-CN');
    expect(i.t('hub.petitions.count', { b: 1, p: 23 })).toBe('1批23人次');
  });

  it('use the same placeholders in both languages', () => {
    const differ = [...zh.entries()].filter(([k, v]) => en.has(k) && placeholders(v).join() !== placeholders(en.get(k)!).join()).map(([k]) => k);
    expect(differ).toEqual([]);
  });

  it('hold every literal key the renderer and the core ask for', () => {
    const roots = ['renderer', 'electron/core', 'shared'].map((d) => path.resolve(d));
    const missing: string[] = [];
    let checked = 0;
    for (const file of roots.flatMap(sources)) {
      const text = fs.readFileSync(file, 'utf8');
      // t('a.b'), i18n.t('a.b'), translate(lang, 'a.b'), and messageKey / DomainError keys
      const patterns = [/\bt\(\s*'([a-zA-Z][\w]*(?:\.[\w]+)+)'/gu, /translate\([^,]+,\s*'([a-zA-Z][\w]*(?:\.[\w]+)+)'/gu, /DomainError\(\s*'[A-Z_]+',\s*'([a-zA-Z][\w]*(?:\.[\w]+)+)'/gu];
      for (const re of patterns) {
        for (const m of text.matchAll(re)) {
          const key = m[1]!;
          checked += 1;
          const node = key.split('.').reduce<unknown>((n, part) => (n && typeof n === 'object' ? (n as Record<string, unknown>)[part] : undefined), resources['zh-CN']);
          if (node === undefined) missing.push(`${path.relative(process.cwd(), file)}: ${key}`);
        }
      }
    }
    expect(missing).toEqual([]);
    expect(checked).toBeGreaterThan(500); // the scan really reads the sources
  });
});
