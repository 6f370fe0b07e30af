/**
 * Incoming documents and telegrams (来文 / 明传电报): vocabulary.
 *
 * A duty desk runs on a non-classified computer: only 公开 and 内部 may be
 * stored. 秘密, 机密 and 绝密 are named so that an attempt is refused with
 * the reason (保密法: classified information is never handled on a computer
 * connected to non-classified networks), not with a generic "invalid value".
 */

export const documentKinds = ['document', 'telegram'] as const;
export type DocumentKind = (typeof documentKinds)[number];

export const allSecrecyLevels = ['public', 'internal', 'secret', 'confidential', 'topSecret'] as const;
export type AnySecrecy = (typeof allSecrecyLevels)[number];
export const storableSecrecy = ['public', 'internal'] as const;
export type Secrecy = (typeof storableSecrecy)[number];
export const isStorableSecrecy = (s: string): s is Secrecy => (storableSecrecy as readonly string[]).includes(s);

/** 特急 / 加急 / 平急. */
export const urgencies = ['extraUrgent', 'urgent', 'normal'] as const;
export type Urgency = (typeof urgencies)[number];

export const documentStates = ['registered', 'circulating', 'done'] as const;
export type DocumentState = (typeof documentStates)[number];
