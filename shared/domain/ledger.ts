/**
 * Supervised items (督办事项) and their ledgers (台账, 挂账销号): an item is
 * numbered on entry, owned by a unit and a person, due by a date, supervised
 * with progress notes until an authorised role closes it (销号) with a note
 * and evidence. An item past its deadline stays open, red and listed; its
 * deadline moves only by an extension with a reason.
 */

export const ledgerSources = ['incident', 'petition', 'presenceCheck', 'hazard', 'instruction', 'meeting', 'other'] as const;
export type LedgerSource = (typeof ledgerSources)[number];

export const ledgerStates = ['open', 'closed'] as const;
export type LedgerState = (typeof ledgerStates)[number];

/** 隐患排查: 一般隐患 / 重大隐患. */
export const hazardLevels = ['general', 'major'] as const;
export type HazardLevel = (typeof hazardLevels)[number];

/** 整改 state of a hazard. */
export const rectifyStates = ['pending', 'rectifying', 'rectified'] as const;
export type RectifyState = (typeof rectifyStates)[number];

/** Roles that may close (销号) and extend an item. */
export const ledgerCloserRoles = ['leader', 'admin'] as const;

/** Whether an open item with this last day is overdue on `today` (both local dates). */
export const isLedgerOverdue = (deadline: string, today: string, state: LedgerState): boolean => state === 'open' && today > deadline;
