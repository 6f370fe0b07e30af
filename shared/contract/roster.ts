/**
 * API methods of the roster domain (see the issue for this domain).
 */
export const rosterMethods = {} as const;
