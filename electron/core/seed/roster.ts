/**
 * Demo data of the roster domain: a published monthly roster for every month
 * of the demo history (through next month), with some leave, so that who is
 * on duty, fairness history and the print views work on the demo desk.
 *
 * Deterministic: the generator is deterministic and leave comes from `ctx.rng`.
 */

import { insertLeave, insertPlan } from '../roster/db';
import { generate, publish } from '../roster/service';
import type { SeedCtx } from './types';
import { addDays, monthRange } from '../../../shared/time';
import { loadCalendar } from '../calendar/db';

const reasons = ['年休假', '出差', '病假', '外出培训', '探亲假'];

export function seedRoster(ctx: SeedCtx): void {
  const candidates = ctx.people.filter((p) => p.roles.some((r) => r === 'leader' || r === 'officer' || r === 'standby'));
  if (!candidates.length) return;
  const first = ctx.fromDate.slice(0, 7);
  // Through the month after today: the console shows who is on duty now and next.
  // Never into a year without holiday data (DOMAIN §5): in December, next January
  // is planned only once the desk has entered that year's notice.
  const lastMonth = addDays(monthRange(ctx.toDate.slice(0, 7)).to, 1).slice(0, 7);
  const cal = loadCalendar(ctx.core.db);
  const skipped = new Set<number>();
  let month = first;
  let n = 0;
  for (; month <= lastMonth; month = addDays(`${month}-28`, 7).slice(0, 7)) {
    const { from, to } = monthRange(month);
    const y = Number(month.slice(0, 4));
    const m = Number(month.slice(5, 7));
    if (!cal.hasYear(y)) {
      skipped.add(y);
      continue;
    }
    ctx.write((w) => {
      const at = new Date(w.now).toISOString();
      for (let i = 0, k = ctx.rng.int(0, 2); i < k; i += 1) {
        const p = ctx.rng.pick(candidates);
        const start = addDays(from, ctx.rng.int(0, 25));
        const l = insertLeave(w.db, { personId: p.id, from: start, to: addDays(start, ctx.rng.int(0, 4)), reason: ctx.rng.pick(reasons) }, at);
        w.audit({ action: 'leave.create', entity: 'leave', entityId: l.id, after: l });
      }
      const plan = insertPlan(w.db, { title: `${y}年${m}月值班表`, from, to, notes: null }, at);
      w.audit({ action: 'roster.createPlan', entity: 'roster_plan', entityId: plan.id, after: plan });
      generate(w, plan.id);
      publish(w, plan.id, null, true);
    });
    n += 1;
  }
  ctx.log(`roster: ${n} monthly rosters published`);
  if (skipped.size) ctx.log(`roster: no holiday data for ${[...skipped].join(', ')}, no roster planned there (enter the notice under 设置 → 节假日)`);
}
