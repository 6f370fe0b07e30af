/**
 * API methods of the trust domain (see the issue for this domain).
 */
export const trustMethods = {} as const;
