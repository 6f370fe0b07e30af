/**
 * API methods of the incidents domain (see the issue for this domain).
 */
export const incidentsMethods = {} as const;
