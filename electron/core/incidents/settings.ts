/**
 * Settings of the incidents domain: report deadline rules and the escalation
 * policy, under `incidents.*` keys of the one settings store.
 */
import type { Db } from '../store/connection';
import { z } from 'zod';
import { defineSetting, readSetting, writeSetting } from '../store/settings';
import { nationalReportRules, type ReportRules } from '../../../shared/domain/deadline';
import { defaultEscalationPolicy } from '../../../shared/domain/escalation';
import { reportRulesSchema } from '../../../shared/contract/incidents';
import { escalationPolicySchema, type EscalationSettings } from "../../../shared/contract/escalation";

// Read through the schema; a value that does not parse reads as the national default.
const reportRulesSetting = defineSetting<ReportRules>('incidents.reportRules', reportRulesSchema as z.ZodType<ReportRules>, nationalReportRules);

/** The desk's deadline rules, levels in order; national defaults when never set (or unreadable). */
export function getReportRules(db: Db): ReportRules {
  const rules = readSetting(db, reportRulesSetting);
  return { ...rules, levels: [...rules.levels].sort((a, b) => a.level - b.level) };
}

export function setReportRules(db: Db, rules: ReportRules): { before: ReportRules; after: ReportRules } {
  const before = getReportRules(db);
  writeSetting(db, reportRulesSetting, rules);
  return { before, after: getReportRules(db) };
}

export const defaultEscalationSettings: EscalationSettings = {
  policy: defaultEscalationPolicy,
  principalPersonId: null,
  superiorContactId: null,
};

// Each part falls back on its own: a policy that no longer parses keeps the people chosen.
const storedEscalation = z
  .object({
    policy: escalationPolicySchema.catch(defaultEscalationPolicy),
    principalPersonId: z.number().int().nullable().catch(null),
    superiorContactId: z.number().int().nullable().catch(null),
  })
  .catch(defaultEscalationSettings) as z.ZodType<EscalationSettings>;
const escalationSetting = defineSetting<EscalationSettings>('incidents.escalation', storedEscalation, defaultEscalationSettings);

export const getEscalationSettings = (db: Db): EscalationSettings => readSetting(db, escalationSetting);

export const setEscalationSettings = (db: Db, s: EscalationSettings): { before: EscalationSettings; after: EscalationSettings } =>
  writeSetting(db, escalationSetting, s);
