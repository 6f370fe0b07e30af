/**
 * 0070 — deadlines name their rule; the default shift offers a 备班.
 *
 * `incident_deadlines.basis` records which rule set a deadline (the level
 * rule, or 生产安全事故报告和调查处理条例 Art. 9 / 11 / 13), so the incident
 * page can show its source and tell when today's rules would set it
 * differently. Earlier rows keep NULL (unknown).
 *
 * The 0020 default shift needed a standby on statutory holidays only, so
 * every other day's screens showed "备班 未排班". A desk whose default
 * template is still exactly as 0020 made it (never edited) and that has
 * planned no roster yet gets the new default (a standby every day); a desk
 * that already planned or edited keeps what it chose.
 */
import type { Migration } from './index';
import { needs0020 } from './0020-roster';
import { defaultNeeds } from '../../../../shared/domain/roster-rules';

export const m0070BasisAndStandby: Migration = {
  version: 70,
  name: '0070-basis-and-standby',
  up(db) {
    db.exec(`
      ALTER TABLE incident_deadlines ADD COLUMN basis TEXT CHECK (basis IN ('levelRule', 'order493Art9', 'order493Art11', 'order493Art13'));
    `);
    const planned = (db.prepare('SELECT count(*) AS n FROM roster_plans').get() as { n: number }).n > 0;
    if (planned) return;
    db.prepare(
      `UPDATE shift_templates SET needs = ?
       WHERE name = '全天' AND start_minutes = 510 AND duration_minutes = 1440 AND needs = ? AND created_at = updated_at`,
    ).run(JSON.stringify(defaultNeeds()), JSON.stringify(needs0020));
  },
};
