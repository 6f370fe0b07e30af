/**
 * Handlers of the leader's desk (leader.*) and of instruction follow-up (instruction.*).
 */
import type { leaderMethods } from '../../../shared/contract/leader';
import type { Handlers } from '../context';
import { followUpInstruction, openInstructions } from '../incidents/service';
import { instructAsLeader, leaderDesk } from './service';

export const leaderHandlers: Handlers<keyof typeof leaderMethods> = {
  'leader.desk': (ctx) => leaderDesk(ctx),
  'leader.instruct': (ctx, input) => instructAsLeader(ctx, input.incidentId, input.text),
  'instruction.open': (ctx, input) => openInstructions(ctx, input.includeDone ?? false),
  'instruction.followUp': (ctx, input) => followUpInstruction(ctx, { instructionId: input.instructionId, state: input.state, note: input.note, doneBy: input.doneBy }),
};
