/**
 * "Due next": every running countdown, soonest first: the incidents' report
 * deadlines and escalations, handover confirmations and daily reports, and
 * the registers' deadlines (each contributes through a function of its service).
 *
 * Report deadlines stay listed until a report meets them, overdue or not;
 * escalations stay listed until acknowledged or cancelled, exhausted ones
 * included. Nothing disappears because time passed.
 */
import type { DueItem, DueList } from '../../../shared/contract';
import type { IncidentLevel } from '../../../shared/domain/incident';
import type { DeadlineKind } from '../../../shared/domain/deadline';
import type { ReadCtx } from '../context';
import { getIncident, listIncidents } from '../incidents/db';
import { pendingEscalations } from './db';
import { escalationView } from './service';

import { openDeadlines } from "../incidents/deadlines-db";
import { iso } from '../context';
import { petitionDueItems } from '../petitions/service';
import { ledgerDueItems } from '../ledger/service';
import { documentDueItems } from '../documents/service';
import { handoverDueItems } from '../handover/service';
import { dailyReportDueItems } from '../reports/service';

export function dueList(ctx: ReadCtx): DueList {
  const items: DueItem[] = [];
  for (const d of openDeadlines(ctx.db)) {
    items.push({
      kind: 'report',
      id: `deadline-${d.id}`,
      incidentId: d.incident_id,
      incidentNo: d.no,
      title: d.title,
      level: d.level as IncidentLevel,
      deadlineKind: d.kind as DeadlineKind,
      dueAt: d.due_at,
      overdue: Date.parse(d.due_at) < ctx.now,
    });
  }
  for (const rec of pendingEscalations(ctx.db)) {
    const inc = getIncident(ctx.db, rec.incidentId);
    if (!inc) continue;
    const v = escalationView(ctx, rec);
    const base = { kind: 'escalation' as const, incidentId: inc.id, incidentNo: inc.no, title: inc.title, level: inc.level, escalationId: rec.id };
    const chainWaiting = rec.acknowledgedAt === null;
    if (chainWaiting) {
      items.push({
        ...base,
        id: `esc-${rec.id}-${v.state.round}-${v.state.stepIndex}`,
        round: v.state.round,
        stepIndex: v.state.stepIndex,
        target: v.state.target,
        targetName: v.currentTarget.name,
        targetPhone: v.currentTarget.phone,
        targetFallback: v.currentTarget.fallback,
        inform: false,
        exhausted: v.state.status === 'exhausted',
        dueAt: v.state.dueAt,
        overdue: v.state.status === 'exhausted',
      });
    }
    // Always-inform steps stay listed until someone records that the person was told.
    for (const i of v.informs) {
      if (i.done || (chainWaiting && v.state.round === 0 && v.state.stepIndex === i.stepIndex)) continue;
      items.push({
        ...base,
        id: `inform-${rec.id}-${i.stepIndex}`,
        round: 0,
        stepIndex: i.stepIndex,
        target: i.target,
        targetName: i.name,
        targetPhone: i.phone,
        targetFallback: i.fallback,
        inform: true,
        exhausted: false,
        dueAt: i.dueAt,
        overdue: Date.parse(i.dueAt) < ctx.now,
      });
    }
  }
  // The registers' deadlines (信访, 督办事项, 来文) join the same list.
  items.push(...petitionDueItems(ctx), ...ledgerDueItems(ctx), ...documentDueItems(ctx));
  // The duty day's: handover confirmations (escalating past their limit) and daily reports.
  items.push(...handoverDueItems(ctx), ...dailyReportDueItems(ctx));
  items.sort((a, b) => (a.dueAt < b.dueAt ? -1 : a.dueAt > b.dueAt ? 1 : a.id < b.id ? -1 : 1));

  const open = listIncidents(ctx.db, { status: ['open', 'handling'], limit: 200 }, ctx.now);
  // Open incidents with a deadline first, soonest first; then the newest.
  open.sort((a, b) => {
    if (a.nextDeadline && b.nextDeadline) return a.nextDeadline.dueAt < b.nextDeadline.dueAt ? -1 : 1;
    if (a.nextDeadline) return -1;
    if (b.nextDeadline) return 1;
    return a.learnedAt < b.learnedAt ? 1 : -1;
  });
  return { now: iso(ctx.now), items, openIncidents: open };
}
