/** The leader's desk (带班领导): tonight's duty, what happened since the shift began, everything waiting for the leader; the leader's own 批示. */
import type { LeaderDesk, OpenInstruction } from '../../../shared/contract/leader';
import { addDays } from '../../../shared/time';
import { attendanceToday } from '../attendance/service';
import type { ReadCtx, WriteCtx } from '../context';
import { actorName, iso } from '../context';
import { deskDutyDate, deskDutyDayBounds } from '../duty/day';
import { dueList } from '../escalation/due';
import { handoversBetween } from '../handover/db';
import { listIncidents } from '../incidents/db';
import { instructionsWithFollowUp } from '../incidents/records-db';
import { addInstruction, mustIncident, openInstructions } from '../incidents/service';
import { listLogEntries } from '../log/db';
import { reportsToReview } from '../reports/db';

export function leaderDesk(ctx: ReadCtx): LeaderDesk {
  const dutyDate = deskDutyDate(ctx.db, ctx.now);
  const due = dueList(ctx);
  const incidents = listIncidents(ctx.db, { status: ['open', 'handling'], limit: 200 }, ctx.now);
  return {
    now: iso(ctx.now),
    dutyDate,
    shiftStart: iso(deskDutyDayBounds(ctx.db, dutyDate).start),
    attendance: attendanceToday(ctx).shifts,
    entries: listLogEntries(ctx.db, { fromDate: dutyDate, toDate: dutyDate, includeVoided: false, limit: 200 }),
    incidents,
    due: due.items,
    waiting: {
      escalations: due.items.filter((i) => i.kind === 'escalation' || (i.kind === 'handover' && i.escalation !== null && i.acknowledged === null)),
      toInstruct: incidents.filter((i) => i.lastInstruction === null),
      reportsToReview: reportsToReview(ctx.db).map((r) => ({ id: r.id, reportDate: r.reportDate, kind: r.kind, dueAt: r.dueAt })),
      objections: handoversBetween(ctx.db, addDays(dutyDate, -7), dutyDate)
        .filter((h) => h.state === 'returned')
        .map((h) => ({ dutyDate: h.dutyDate, shiftId: h.shiftId, shiftName: h.shiftName, note: h.returnNote, by: h.incomingName, at: h.returnedAt })),
      instructions: openInstructions(ctx),
    },
  };
}

/** A 批示 from the leader's own login: recorded on the incident under the leader's name, 待落实 until followed up. */
export function instructAsLeader(ctx: WriteCtx, incidentId: number, text: string): OpenInstruction {
  mustIncident(ctx, incidentId);
  const ins = addInstruction(ctx, { incidentId, leaderName: actorName(ctx), text, givenAt: iso(ctx.now), escalationId: null });
  return instructionsWithFollowUp(ctx.db, { ids: [ins.id] })[0]!;
}
