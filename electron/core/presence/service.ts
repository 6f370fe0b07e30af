/** Presence checks (查岗): checks received from the superior office and made on subordinate units — a versioned register with monthly statistics. */
import type { Input } from '../../../shared/contract';
import type { PresenceCheck, PresenceContent, PresenceStats } from '../../../shared/contract/presence';
import { DomainError } from '../../../shared/errors';
import { monthRange } from '../../../shared/time';
import type { ReadCtx, WriteCtx } from '../context';
import { actorName, deskTimeZone, iso, toUtc } from '../context';
import { getDesk } from '../desk/db';
import { getContact } from '../directory/contacts-db';
import { deskDutyDate } from '../duty/day';
import { getLogEntry } from '../log/db';
import { contentOfCheck, getCheck, insertCheck, listChecks, updateCheck, voidCheck } from './db';

export function mustCheck(ctx: Pick<ReadCtx, 'db'>, id: number): PresenceCheck {
  const c = getCheck(ctx.db, id);
  if (!c) throw new DomainError('NOT_FOUND', 'presence.errors.notFound', { id });
  return c;
}

/** The rules a record must meet whatever its direction: a made check names its unit; times are not in the future. */
function checked(ctx: ReadCtx, c: PresenceContent): PresenceContent {
  if (Date.parse(c.at) > ctx.now + 60_000) throw new DomainError('VALIDATION', 'presence.errors.inFuture');
  if (c.direction === 'made') {
    let unitName = c.unitName;
    if (c.unitContactId !== null) {
      const contact = getContact(ctx.db, c.unitContactId);
      if (!contact) throw new DomainError('NOT_FOUND', 'presence.errors.unitNotFound', { id: c.unitContactId });
      unitName ??= contact.name;
    }
    if (!unitName) throw new DomainError('VALIDATION', 'presence.errors.unitRequired');
    // 漏岗 when nobody answered; the state is recorded as the officer judged it otherwise.
    return { ...c, unitName, postState: c.postState ?? (c.answered ? 'atPost' : 'missed'), officerAtPost: null, leaderAtPost: null };
  }
  return { ...c, unitContactId: null, postState: null };
}

export function createCheck(ctx: WriteCtx, input: Input<'presence.create'>): PresenceCheck {
  const at = input.at ? toUtc(input.at) : iso(ctx.now);
  if (input.logEntryId !== undefined && !getLogEntry(ctx.db, input.logEntryId)) {
    throw new DomainError('NOT_FOUND', 'incidents.errors.logNotFound', { id: input.logEntryId });
  }
  const content = checked(ctx, {
    direction: input.direction,
    at,
    dutyDate: deskDutyDate(ctx.db, Date.parse(at)),
    method: input.method,
    checker: input.checker ?? (input.direction === 'made' ? actorName(ctx) : null),
    unitContactId: input.unitContactId ?? null,
    unitName: input.unitName ?? null,
    answered: input.answered,
    rings: input.rings ?? null,
    answerSeconds: input.answerSeconds ?? null,
    answeredBy: input.answeredBy ?? null,
    officerAtPost: input.officerAtPost ?? null,
    leaderAtPost: input.leaderAtPost ?? null,
    postState: input.postState ?? null,
    followUp: input.followUp ?? null,
    note: input.note ?? null,
  });
  const c = insertCheck(ctx.db, content, input.logEntryId ?? null, actorName(ctx), iso(ctx.now));
  ctx.audit({ action: 'presence.create', entity: 'presenceCheck', entityId: c.id, after: content });
  return c;
}

export function updatePresence(ctx: WriteCtx, input: Input<'presence.update'>): PresenceCheck {
  const cur = mustCheck(ctx, input.id);
  if (cur.voided) throw new DomainError('CONFLICT', 'presence.errors.voided');
  if (cur.version !== input.expectedVersion) throw new DomainError('CONFLICT', 'incidents.errors.versionConflict', { current: cur.version });
  const before = contentOfCheck(cur);
  const { id: _id, expectedVersion: _v, reason, ...patch } = input;
  const merged: PresenceContent = { ...before };
  for (const [k, v] of Object.entries(patch) as [keyof PresenceContent, unknown][]) {
    if (v === undefined) continue;
    (merged as unknown as Record<string, unknown>)[k] = k === 'at' && typeof v === 'string' ? toUtc(v) : v;
  }
  merged.dutyDate = deskDutyDate(ctx.db, Date.parse(merged.at));
  const after = checked(ctx, merged);
  if (JSON.stringify(after) === JSON.stringify(before)) throw new DomainError('VALIDATION', 'incidents.errors.noChange');
  const c = updateCheck(ctx.db, cur.id, cur.version + 1, after, reason, actorName(ctx), iso(ctx.now));
  ctx.audit({ action: 'presence.update', entity: 'presenceCheck', entityId: cur.id, before, after, reason });
  return c;
}

export function voidPresence(ctx: WriteCtx, id: number, reason: string): PresenceCheck {
  const cur = mustCheck(ctx, id);
  if (cur.voided) throw new DomainError('CONFLICT', 'presence.errors.voided');
  const c = voidCheck(ctx.db, id, reason, actorName(ctx), iso(ctx.now));
  ctx.audit({ action: 'presence.void', entity: 'presenceCheck', entityId: id, before: contentOfCheck(cur), reason });
  return c;
}

const rate = (answered: number, total: number): number | null => (total === 0 ? null : Math.round((answered / total) * 1000) / 10);

/** The month's checks (duty days of the month) and the statistics of checks made, by unit. */
export function presenceStats(ctx: ReadCtx, month: string): PresenceStats {
  const { from, to } = monthRange(month);
  const checks = listChecks(ctx.db, { from, to, live: true });
  const received = checks.filter((c) => c.direction === 'received');
  const made = checks.filter((c) => c.direction === 'made');
  const byUnit = new Map<string, PresenceStats['byUnit'][number]>();
  for (const c of made) {
    const name = c.unitName ?? '?';
    const u = byUnit.get(name) ?? { unitName: name, checks: 0, answered: 0, answerRate: null, missed: 0, left: 0 };
    u.checks += 1;
    if (c.answered) u.answered += 1;
    if (c.postState === 'missed') u.missed += 1;
    if (c.postState === 'left') u.left += 1;
    byUnit.set(name, u);
  }
  for (const u of byUnit.values()) u.answerRate = rate(u.answered, u.checks);
  const answered = made.filter((c) => c.answered).length;
  return {
    month,
    unitName: getDesk(ctx.db)?.unitName ?? '',
    timeZone: deskTimeZone(ctx.db),
    received: {
      total: received.length,
      answered: received.filter((c) => c.answered).length,
      officerAbsent: received.filter((c) => c.officerAtPost === false).length,
      leaderAbsent: received.filter((c) => c.leaderAtPost === false).length,
    },
    made: {
      total: made.length,
      units: byUnit.size,
      answered,
      answerRate: rate(answered, made.length),
      missed: made.filter((c) => c.postState === 'missed').length,
      left: made.filter((c) => c.postState === 'left').length,
    },
    byUnit: [...byUnit.values()].sort((a, b) => b.checks - a.checks || a.unitName.localeCompare(b.unitName, 'zh-CN')),
    checks,
  };
}
