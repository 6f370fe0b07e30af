/**
 * Settings of the incidents domain: report deadline rules and the escalation
 * policy, stored as JSON under `incidents.*` keys of the generic settings
 * table (the generic settings service ignores keys it does not know).
 */
import type { Db } from '../store/connection';
import { invalidateConfig } from '../store/config-cache';
import { nationalReportRules, type ReportRules } from '../../../shared/domain/deadline';
import { defaultEscalationPolicy } from '../../../shared/domain/escalation';
import { reportRulesSchema } from '../../../shared/contract/incidents';
import { escalationPolicySchema, type EscalationSettings } from "../../../shared/contract/escalation";

const rulesKey = 'incidents.reportRules';
const escalationKey = 'incidents.escalation';

function read(db: Db, key: string): unknown {
  const r = db.prepare('SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined;
  return r ? (JSON.parse(r.value) as unknown) : undefined;
}

function write(db: Db, key: string, value: unknown): void {
  invalidateConfig(db);
  db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(
    key,
    JSON.stringify(value),
  );
}

/** The desk's deadline rules; national defaults when never set (or unreadable). */
export function getReportRules(db: Db): ReportRules {
  const parsed = reportRulesSchema.safeParse(read(db, rulesKey));
  if (!parsed.success) return nationalReportRules;
  return { ...parsed.data, levels: [...parsed.data.levels].sort((a, b) => a.level - b.level) };
}

export function setReportRules(db: Db, rules: ReportRules): { before: ReportRules; after: ReportRules } {
  const before = getReportRules(db);
  write(db, rulesKey, rules);
  return { before, after: getReportRules(db) };
}

export const defaultEscalationSettings: EscalationSettings = {
  policy: defaultEscalationPolicy,
  principalPersonId: null,
  superiorContactId: null,
};

export function getEscalationSettings(db: Db): EscalationSettings {
  const v = read(db, escalationKey) as Partial<EscalationSettings> | undefined;
  const policy = escalationPolicySchema.safeParse(v?.policy);
  return {
    policy: policy.success ? policy.data : defaultEscalationPolicy,
    principalPersonId: typeof v?.principalPersonId === 'number' ? v.principalPersonId : null,
    superiorContactId: typeof v?.superiorContactId === 'number' ? v.superiorContactId : null,
  };
}

export function setEscalationSettings(db: Db, s: EscalationSettings): { before: EscalationSettings; after: EscalationSettings } {
  const before = getEscalationSettings(db);
  write(db, escalationKey, s);
  return { before, after: getEscalationSettings(db) };
}
