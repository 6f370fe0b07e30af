/**
 * API methods of the leader's desk (带班领导) and of the follow-up (落实) of
 * leaders' instructions (批示): 待落实 → 落实中 → 已落实, with what was done and by whom.
 */
import { z } from 'zod';
import type { IncidentLevel } from '../domain/incident';
import { empty, id, officers, optText, text } from './common';
import { method } from './define';
import type { AttendanceShift } from './attendance';
import type { DueItem } from './escalation';
import type { IncidentSummary } from './incidents';
import type { LogEntry } from './log';

export const followUpStates = ['pending', 'inProgress', 'done'] as const;
export type FollowUpState = (typeof followUpStates)[number];

export interface FollowUp {
  id: number;
  state: FollowUpState;
  note: string | null;
  doneBy: string | null;
  at: string;
  by: string;
}

/** An instruction with its follow-up state (the latest follow-up, or 待落实). */
export interface OpenInstruction {
  id: number;
  incidentId: number;
  incidentNo: string;
  incidentTitle: string;
  level: IncidentLevel;
  leaderName: string;
  text: string;
  givenAt: string;
  state: FollowUpState;
  lastNote: string | null;
  lastDoneBy: string | null;
  lastAt: string | null;
  followUps: FollowUp[];
}

export interface LeaderDesk {
  now: string;
  dutyDate: string;
  shiftStart: string | null;
  attendance: AttendanceShift[];
  entries: LogEntry[];
  incidents: IncidentSummary[];
  due: DueItem[];
  waiting: {
    escalations: DueItem[];
    /** Open incidents without any instruction yet. */
    toInstruct: IncidentSummary[];
    /** Daily reports drafted and not reviewed. */
    reportsToReview: { id: number; reportDate: string; kind: 'daily' | 'zero'; dueAt: string }[];
    /** Handovers returned with an objection (有异议). */
    objections: { dutyDate: string; shiftId: number; shiftName: string; note: string | null; by: string | null; at: string | null }[];
    instructions: OpenInstruction[];
  };
}

export const leaderMethods = {
  'leader.desk': method<LeaderDesk>()({ input: empty, access: ['leader', 'admin'], kind: 'query' }),
  /** A 批示 from the leader's own login: the leader's name is the session's. */
  'leader.instruct': method<OpenInstruction>()({
    input: z.object({ incidentId: id, text: text(2000) }).strict(),
    access: ['leader'],
    kind: 'mutation',
  }),
  'instruction.open': method<OpenInstruction[]>()({ input: z.object({ includeDone: z.boolean().optional() }).strict(), access: 'session', kind: 'query' }),
  'instruction.followUp': method<OpenInstruction>()({
    input: z
      .object({ instructionId: id, state: z.enum(followUpStates), note: optText(1000), doneBy: optText(40) })
      .strict()
      .refine((v) => v.state !== 'done' || (v.note ?? '').length > 0, { message: 'followUpNote', path: ['note'] }),
    access: officers,
    kind: 'mutation',
  }),
} as const;
