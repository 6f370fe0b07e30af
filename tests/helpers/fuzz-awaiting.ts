/**
 * Methods the fuzz desk (tests/db/fuzz-desk.ts) cannot call successfully,
 * each for a reason outside the desk's own records: fuzzed for every failure
 * all the same, but not required to accept a call (fault-fuzz, unicode-chain).
 * Every other method must accept some of its valid inputs.
 */
export const awaitingFixtures = new Set<string>([
  // Need a hub: an enrolment code, a link to end, and notices, checks and holiday tables the hub sent.
  'uplink.enrol',
  'uplink.unenrol',
  'uplink.ackNotice',
  'uplink.answerCheck',
  'uplink.previewHoliday',
  'uplink.applyHoliday',
  'uplink.declineHoliday',
  'uplink.applyReportRules',
  'uplink.declineReportRules',
]);
