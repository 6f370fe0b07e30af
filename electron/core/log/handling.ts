/**
 * The handling of entries turned into incidents, read from the incident's
 * reports, escalation and instructions (shared/domain/log-handling.ts).
 *
 * Reads other domains' db modules only; writes nothing.
 */
import type { LogEntry } from '../../../shared/contract/log';
import type { IncidentHandling } from '../../../shared/domain/log-handling';
import type { Db } from '../store/connection';
import { escalationState } from '../../../shared/domain/escalation';
import { getIncident } from '../incidents/db';
import { reportsOf } from '../incidents/reports-db';
import { instructionsOf } from '../incidents/records-db';
import { contactsOf, escalationsOf } from '../escalation/db';

export function incidentHandling(db: Db, incidentId: number): IncidentHandling | null {
  const inc = getIncident(db, incidentId);
  if (!inc) return null;
  const told: IncidentHandling['told'] = [];
  for (const esc of escalationsOf(db, incidentId)) {
    for (const c of contactsOf(db, esc.id)) told.push({ target: c.target, name: c.targetName, method: c.method, at: c.at, acknowledged: false });
    if (esc.acknowledgedAt && esc.acknowledgedVia) {
      // The step that was acknowledged: where the chain stood at that instant.
      const step = escalationState(esc.policy, Date.parse(esc.startedAt), Date.parse(esc.acknowledgedAt)).target;
      told.push({ target: step, name: esc.acknowledgedBy, method: esc.acknowledgedVia, at: esc.acknowledgedAt, acknowledged: true });
    }
  }
  told.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  return {
    incidentId,
    incidentNo: inc.no,
    status: inc.status,
    reports: reportsOf(db, incidentId).map((r) => ({ kind: r.kind, followupNo: r.followupNo, recipient: r.recipient, method: r.method, sentAt: r.sentAt, late: r.late })),
    told,
    instructions: instructionsOf(db, incidentId).map((i) => ({ leaderName: i.leaderName, text: i.text, givenAt: i.givenAt })),
  };
}

/** The entries, those linked to an incident carrying its handling. */
export function withHandling(db: Db, entries: LogEntry[]): LogEntry[] {
  const cache = new Map<number, IncidentHandling | null>();
  return entries.map((e) => {
    if (e.incidentId === null) return e;
    if (!cache.has(e.incidentId)) cache.set(e.incidentId, incidentHandling(db, e.incidentId));
    return { ...e, handling: cache.get(e.incidentId) ?? null };
  });
}
