/**
 * A desk for the duty-day tests: a leader and two officers with their own
 * logins, and a published roster of November–December 2026 in which the
 * leader leads every day and the officers take turns (甲 on odd days, 乙 on
 * even days), unless `assign` says otherwise.
 */
import type { Connection } from '../../electron/core/context';
import { makeDesk, type TestDesk } from './core';

export const local = (s: string): number => Date.parse(`${s}+08:00`);

export interface DutyDayDesk {
  desk: TestDesk;
  ids: { leader: number; a: number; b: number; standby: number };
  leader: Connection;
  a: Connection;
  b: Connection;
  /** Publishes a new version with these slot changes (admin). */
  reassign(changes: { date: string; role: 'leader' | 'officer' | 'standby'; personId: number | null }[]): Promise<void>;
}

/**
 * `dayNight`: the desk works 白班 08:30–17:30 and 夜班 17:30–08:30 (the default
 * template becomes 白班, a 夜班 is added); the leader leads both, 甲 takes every
 * 白班 and 乙 every 夜班.
 */
export async function dutyDayDesk(opts: { start?: number; from?: string; to?: string; dayNight?: boolean } = {}): Promise<DutyDayDesk & { shifts: { day: number; night: number | null } }> {
  const desk = await makeDesk({ start: opts.start ?? local('2026-11-20T10:00:00') });
  const person = (name: string, roles: ('leader' | 'officer' | 'standby')[], i: number) =>
    desk.call(desk.admin, 'people.create', { name, department: '应急指挥中心', title: '科员', officePhone: null, mobile: `1390000000${i}`, roles, sortOrder: i });
  const leader = await person('李带班', ['leader'], 1);
  const a = await person('张值班', ['officer'], 2);
  const b = await person('王值班', ['officer'], 3);
  const standby = await person('赵备班', ['standby'], 4);
  const user = async (login: string, personId: number, displayName: string, roles: ('officer' | 'leader')[]): Promise<Connection> => {
    await desk.call(desk.admin, 'users.create', { login, password: 'secret123', personId, displayName, roles });
    const conn: Connection = { sessionId: null };
    await desk.call(conn, 'auth.login', { login, password: 'secret123' });
    return conn;
  };
  const from = opts.from ?? '2026-11-01';
  const to = opts.to ?? '2026-12-31';
  const plan = await desk.call(desk.admin, 'roster.createPlan', { title: '值班表', from, to, notes: null });
  const [shift] = await desk.call(desk.admin, 'shifts.list', {});
  let night: number | null = null;
  if (opts.dayNight) {
    const { id: _id, active: _active, ...fields } = shift!;
    await desk.call(desk.admin, 'shifts.update', { ...fields, id: shift!.id, name: '白班', startMinutes: 510, durationMinutes: 540 });
    night = (await desk.call(desk.admin, 'shifts.create', { ...fields, name: '夜班', startMinutes: 1050, durationMinutes: 900, sortOrder: 1 })).id;
  }
  const slots = async (date: string, role: 'leader' | 'officer' | 'standby', personId: number | null, shiftId = shift!.id) =>
    desk.call(desk.admin, 'roster.assign', { planId: plan.id, date, shiftId, role, index: 0, personId });
  for (let d = from; d <= to; d = new Date(Date.parse(`${d}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10)) {
    await slots(d, 'leader', leader.id);
    if (night !== null) {
      await slots(d, 'officer', a.id);
      await slots(d, 'leader', leader.id, night);
      await slots(d, 'officer', b.id, night);
      continue;
    }
    await slots(d, 'officer', Number(d.slice(8)) % 2 === 1 ? a.id : b.id);
    await slots(d, 'standby', standby.id);
  }
  await desk.call(desk.admin, 'roster.publish', { planId: plan.id, acceptWarnings: true });
  const out: DutyDayDesk & { shifts: { day: number; night: number | null } } = {
    desk,
    shifts: { day: shift!.id, night },
    ids: { leader: leader.id, a: a.id, b: b.id, standby: standby.id },
    leader: await user('lidaiban', leader.id, '李带班', ['leader']),
    a: await user('zhangsan', a.id, '张值班', ['officer']),
    b: await user('wangwu', b.id, '王值班', ['officer']),
    async reassign(changes) {
      for (const c of changes) await slots(c.date, c.role, c.personId);
      await desk.call(desk.admin, 'roster.publish', { planId: plan.id, acceptWarnings: true, reason: '调整' });
    },
  };
  return out;
}
