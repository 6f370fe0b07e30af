/**
 * Roles a person or user can hold.
 *
 * `standby` (备班) is a duty role on the roster only; login roles are
 * officer, leader and admin (a person may hold several).
 */
export const dutyRoles = ['leader', 'officer', 'standby'] as const;
export type DutyRole = (typeof dutyRoles)[number];

/**
 * `principal` marks the unit's principal leader (单位主要领导) in the directory:
 * the person escalation step 2 reaches when the settings name nobody else.
 */
export const personRoles = ['officer', 'leader', 'standby', 'admin', 'principal'] as const;
export type PersonRole = (typeof personRoles)[number];

export const userRoles = ['officer', 'leader', 'admin'] as const;
export type UserRole = (typeof userRoles)[number];
