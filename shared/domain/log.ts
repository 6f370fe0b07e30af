/**
 * Duty log vocabulary: the kinds of entry and the fields of a duty phone
 * record filled in later. The duty day is in ./duty-day.ts.
 */

export const logKinds = ['incoming_call', 'outgoing_call', 'incoming_doc', 'visit', 'notice', 'presence_check', 'other'] as const;
export type LogKind = (typeof logKinds)[number];

/** The fields of a duty phone record (值班电话记录, DOMAIN §6) that are filled in later. */
export const followUpFields = ['reportedTo', 'proposal', 'instruction', 'outcome', 'handler', 'handledAt'] as const;
export type FollowUpField = (typeof followUpFields)[number];
