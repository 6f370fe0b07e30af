/**
 * How an incident that began as a log entry was handled, as the entry shows it.
 *
 * A duty phone record (值班电话记录, DOMAIN §6) lists whom the call was
 * reported to and when, the leader's instruction and the outcome. When the
 * entry was turned into an incident, those facts live in the incident's
 * reports, escalation and instructions; the console, the log book, the
 * printed 值班记录 and its Excel read them from there, so the record of a
 * 4-death explosion never prints with an empty 处理情况.
 */
import { translate, type Language } from '../i18n';
import { localParts } from '../time';
import type { ContactMethod, EscalationTarget } from './escalation';
import { reportTitle, reportTitleEn, type IncidentStatus, type ReportKind, type ReportMethod } from './incident';

export interface IncidentHandling {
  incidentId: number;
  incidentNo: string;
  status: IncidentStatus;
  reports: { kind: ReportKind; followupNo: number | null; recipient: string; method: ReportMethod; sentAt: string; late: boolean }[];
  /** Escalation contacts and acknowledgements: who was told, how and when. */
  told: { target: EscalationTarget; name: string | null; method: ContactMethod; at: string; acknowledged: boolean }[];
  instructions: { leaderName: string; text: string; givenAt: string }[];
}

/** The phone-record fields an incident fills: 已报告/通知…及时间, 领导批示, 办理结果. */
export interface HandlingText {
  reportedTo: string | null;
  instruction: string | null;
  outcome: string | null;
}

function stamp(instant: string, tz: string): string {
  const p = localParts(Date.parse(instant), tz);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(p.month)}-${two(p.day)} ${two(p.hour)}:${two(p.minute)}`;
}

/** The handling as text in the language given (official documents: zh-CN). */
export function handlingText(h: IncidentHandling, lang: Language, tz: string): HandlingText {
  const t = (key: string, params?: Record<string, unknown>) => translate(lang, key, params);
  const sep = lang === 'zh-CN' ? '；' : '; ';
  // Oldest first, as the record reads: told the leader, then reported up.
  const reported = [
    ...h.reports.map((r) => ({
      at: r.sentAt,
      text: t('log.handling.report', {
        title: lang === 'zh-CN' ? reportTitle(r.kind, r.followupNo) : reportTitleEn(r.kind, r.followupNo),
        recipient: r.recipient,
        method: t(`incidents.method.${r.method}`),
        at: stamp(r.sentAt, tz),
        late: r.late ? t('log.handling.late') : '',
      }),
    })),
    ...h.told.map((c) => ({
      at: c.at,
      text: t(c.acknowledged ? 'log.handling.acknowledged' : 'log.handling.told', {
        target: t(`incidents.target.${c.target}`),
        name: c.name ?? '',
        method: t(`incidents.contactMethod.${c.method}`),
        at: stamp(c.at, tz),
      }),
    })),
  ]
    .sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0))
    .map((x) => x.text);
  const instruction = h.instructions.map((i) => t('log.handling.instruction', { leader: i.leaderName, text: i.text, at: stamp(i.givenAt, tz) }));
  return {
    reportedTo: reported.length ? reported.join(sep) : null,
    instruction: instruction.length ? instruction.join(sep) : null,
    outcome: t('log.handling.outcome', { no: h.incidentNo, status: t(`incidents.status.${h.status}`) }),
  };
}

/** An entry's own phone-record fields, filled from its incident where the officer left them empty. */
export function effectiveFollowUp(
  e: { reportedTo: string | null; instruction: string | null; outcome: string | null; handling?: IncidentHandling | null },
  lang: Language,
  tz: string,
): HandlingText {
  const h = e.handling ? handlingText(e.handling, lang, tz) : { reportedTo: null, instruction: null, outcome: null };
  const join = (own: string | null, derived: string | null) => (own && derived ? `${own}${lang === 'zh-CN' ? '；' : '; '}${derived}` : (own ?? derived));
  return { reportedTo: join(e.reportedTo, h.reportedTo), instruction: join(e.instruction, h.instruction), outcome: join(e.outcome, h.outcome) };
}
