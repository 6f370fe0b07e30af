/**
 * 0070 — deadlines name their rule: `incident_deadlines.basis` records which
 * rule set a deadline (the level rule, or 生产安全事故报告和调查处理条例
 * Art. 9 / 11 / 13), so the incident page can show its source and tell when
 * today's rules would set it differently. Earlier rows keep NULL (unknown);
 * 补报 deadlines are always Art. 13.
 */
import type { Migration } from './index';

export const m0070DeadlineBasis: Migration = {
  version: 70,
  name: '0070-deadline-basis',
  up(db) {
    db.exec(`
      ALTER TABLE incident_deadlines ADD COLUMN basis TEXT CHECK (basis IN ('levelRule', 'order493Art9', 'order493Art11', 'order493Art13'));
    `);
  },
};
