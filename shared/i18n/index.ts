/**
 * All message catalogs, merged; plus a tiny translator usable without i18next
 * (the core fills `ApiError.message` with it).
 *
 * Add a domain by writing `shared/i18n/<domain>.ts` (same shape as common.ts)
 * and listing it in `catalogs`.
 */
import { common } from './common';
import { shell } from './shell';
import { desk } from './desk';
import { directory } from './directory';
import { roster } from './roster';
import { log } from './log';
import { incidents } from './incidents';
import { trust } from './trust';
import { petitions } from './petitions';
import { ledger } from './ledger';
import { documents } from './documents';
import { attendance } from './attendance';
import { presence } from './presence';
import { handover } from './handover';
import { reports } from './reports';
import { leader } from './leader';
import { uplink } from './uplink';
import { hub } from './hub';
import { wallboard } from './wallboard';
import { recovery } from './recovery';
import { escalation } from './escalation';

export const languages = ['zh-CN', 'en'] as const;
export type Language = (typeof languages)[number];

type Catalog = Record<Language, Record<string, unknown>>;
const catalogs: Catalog[] = [common, shell, desk, directory, roster, log, incidents, trust, petitions, ledger, documents, attendance, presence, handover, reports, leader, uplink, hub, wallboard, recovery, escalation];

/** Merges the catalogs of one language, refusing a top-level key two catalogs both define. */
export function mergeCatalogs(parts: readonly Record<string, unknown>[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const part of parts) {
    for (const [key, value] of Object.entries(part)) {
      if (Object.hasOwn(out, key)) throw new Error(`i18n: top-level key ${key} is defined twice`);
      out[key] = value;
    }
  }
  return out;
}

export const resources: Record<Language, Record<string, unknown>> = {
  'zh-CN': mergeCatalogs(catalogs.map((c) => c['zh-CN'])),
  en: mergeCatalogs(catalogs.map((c) => c.en)),
};

/** Looks up a dotted key and fills `{{name}}` placeholders. Falls back to the key. */
export function translate(lang: Language, key: string, params?: Record<string, unknown>): string {
  let node: unknown = resources[lang];
  for (const part of key.split('.')) {
    node = typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[part] : undefined;
  }
  if (typeof node !== 'string') return key;
  return node.replace(/\{\{(\w+)\}\}/gu, (_, name: string) => {
    const v = params?.[name];
    return typeof v === 'string' || typeof v === 'number' ? String(v) : '';
  });
}
