/**
 * 信访工作条例 deadlines at their boundaries, 批/人次 counting, 环比/同比 periods.
 */
import { describe, expect, it } from 'vitest';
import {
  batchText,
  changePercent,
  changeText,
  countOf,
  dayOfPeriod,
  extensionProblem,
  isGroupVisit,
  isInTime,
  lastDayOf,
  levelsFrom,
  nationalPetitionLimits as L,
  previousPeriod,
  repeatIds,
  samePeriodLastYear,
  tally,
  type CountedPetition,
} from '../../shared/domain/petition';
import { isValidIdNumber, maskIdNumber, maySeeIdNumbers } from '../../shared/domain/id-number';
import { isStorableSecrecy } from '../../shared/domain/document';
import { isLedgerOverdue } from '../../shared/domain/ledger';

describe('信访工作条例 deadlines (calendar days, the start day not counted)', () => {
  it('accept / tell within 15 days of receipt: day 15 is in time, day 16 is late — across a year end', () => {
    const received = '2026-12-20';
    const due = lastDayOf(received, L.acceptDays);
    expect(due).toBe('2027-01-04');
    expect(dayOfPeriod(received, '2027-01-04')).toBe(15);
    expect(isInTime(due, '2027-01-04')).toBe(true);
    expect(dayOfPeriod(received, '2027-01-05')).toBe(16);
    expect(isInTime(due, '2027-01-05')).toBe(false);
    // The receipt day itself is day 0 (deciding the same day is in time).
    expect(isInTime(due, received)).toBe(true);
  });

  it('办结 within 60 days of acceptance: day 60 in time, day 61 late; counted from acceptance, not receipt', () => {
    const accepted = '2026-12-31';
    const due = lastDayOf(accepted, L.concludeDays);
    expect(due).toBe('2027-03-01'); // 2027 is not a leap year: 31 (Jan) + 28 (Feb) + 1
    expect(isInTime(due, '2027-03-01')).toBe(true);
    expect(isInTime(due, '2027-03-02')).toBe(false);
    expect(dayOfPeriod(accepted, '2027-03-02')).toBe(61);
    // A leap February counts its 29th.
    expect(lastDayOf('2027-12-31', 60)).toBe('2028-02-29');
  });

  it('one extension of at most 30 days: 60 + 30 = day 90; 31 days, a second extension, or one after the due date are refused', () => {
    const accepted = '2026-11-01';
    const first = lastDayOf(accepted, 60);
    expect(first).toBe('2026-12-31');
    expect(extensionProblem({ dueDate: first, today: '2026-12-31', alreadyExtended: false, days: 30 })).toBeNull();
    const extended = lastDayOf(first, 30);
    expect(extended).toBe('2027-01-30');
    expect(dayOfPeriod(accepted, extended)).toBe(90);
    expect(isInTime(extended, '2027-01-30')).toBe(true);
    expect(isInTime(extended, '2027-01-31')).toBe(false); // day 91
    expect(extensionProblem({ dueDate: first, today: '2026-12-01', alreadyExtended: false, days: 31 })).toBe('tooLong');
    expect(extensionProblem({ dueDate: first, today: '2026-12-01', alreadyExtended: false, days: 0 })).toBe('tooLong');
    expect(extensionProblem({ dueDate: first, today: '2026-12-01', alreadyExtended: true, days: 10 })).toBe('alreadyExtended');
    expect(extensionProblem({ dueDate: first, today: '2027-01-01', alreadyExtended: false, days: 10 })).toBe('afterDue');
  });

  it('复查 / 复核: request within 30 days of receiving the answer, answer within 30 days of the request', () => {
    const answerReceived = '2027-02-01';
    const requestBy = lastDayOf(answerReceived, L.reviewRequestDays);
    expect(requestBy).toBe('2027-03-03');
    expect(isInTime(requestBy, '2027-03-03')).toBe(true); // day 30
    expect(isInTime(requestBy, '2027-03-04')).toBe(false); // day 31
    const requested = '2028-02-10';
    const answerBy = lastDayOf(requested, L.reviewAnswerDays);
    expect(answerBy).toBe('2028-03-11'); // 2028 is a leap year
    expect(isInTime(answerBy, '2028-03-11')).toBe(true);
    expect(isInTime(answerBy, '2028-03-12')).toBe(false);
    expect(lastDayOf('2026-12-15', L.recheckRequestDays)).toBe('2027-01-14');
    expect(lastDayOf('2026-12-15', L.recheckAnswerDays)).toBe('2027-01-14');
  });
});

const p = (id: number, persons: number, extra: Partial<CountedPetition> = {}): CountedPetition => ({
  id,
  receivedDate: '2026-11-25',
  receivedAt: `2026-11-25T0${id % 10}:00:00.000Z`,
  form: 'visit',
  level: 'district',
  persons,
  abnormal: false,
  category: '其他',
  petitionerIds: [],
  ...extra,
});

describe('批 / 人次', () => {
  it('a group of 23 counts 1批23人次 and is a 集体访', () => {
    const t = tally([p(1, 23)], new Set());
    expect(t.byLevel.district).toEqual({ batches: 1, personTimes: 23 });
    expect(batchText(t.byLevel.district)).toBe('1批23人次');
    expect(t.group).toEqual({ batches: 1, personTimes: 23 });
    expect(isGroupVisit(5)).toBe(true);
    expect(isGroupVisit(4)).toBe(false);
  });

  it('the same person twice counts 2人次 and one 重复访', () => {
    const list = [p(1, 1, { petitionerIds: [7] }), p(2, 1, { petitionerIds: [7], receivedAt: '2026-11-26T01:00:00.000Z' })];
    const repeats = repeatIds(list);
    expect([...repeats]).toEqual([2]);
    const t = tally(list, repeats);
    expect(t.byLevel.district).toEqual({ batches: 2, personTimes: 2 });
    expect(t.repeat).toEqual({ batches: 1, personTimes: 1 });
  });

  it('a repeat counts against an earlier visit before the period; letters count by form, not as 上访', () => {
    const before = p(1, 1, { petitionerIds: [9], receivedAt: '2026-10-01T01:00:00.000Z', receivedDate: '2026-10-01' });
    const now = p(2, 1, { petitionerIds: [9] });
    const letter = p(3, 1, { form: 'letter', level: 'city' });
    const repeats = repeatIds([now, before, letter]);
    const t = tally([now, letter], repeats, ['其他', '土地征用']);
    expect(t.repeat.batches).toBe(1);
    expect(t.byLevel.city).toEqual({ batches: 0, personTimes: 0 });
    expect(t.byForm.letter).toEqual({ batches: 1, personTimes: 1 });
    expect(t.total).toEqual({ batches: 2, personTimes: 2 });
    expect(t.visits).toEqual({ batches: 1, personTimes: 1 });
    expect(t.byCategory['土地征用']).toEqual({ batches: 0, personTimes: 0 });
    expect(countOf([{ persons: 3 }, { persons: 4 }])).toEqual({ batches: 2, personTimes: 7 });
  });

  it('a desk records its own level and those above it', () => {
    expect(levelsFrom('city')).toEqual(['city', 'province', 'beijing']);
  });
});

describe('环比 / 同比 across year ends', () => {
  it('January 环比 is the December before; 同比 is January a year earlier', () => {
    expect(previousPeriod({ from: '2027-01-01', to: '2027-01-31' })).toEqual({ from: '2026-12-01', to: '2026-12-31' });
    expect(samePeriodLastYear({ from: '2027-01-01', to: '2027-01-31' })).toEqual({ from: '2026-01-01', to: '2026-01-31' });
  });
  it('1—4月 环比 is 9—12月 of the year before; a quarter shifts by a quarter; February keeps whole months', () => {
    expect(previousPeriod({ from: '2026-01-01', to: '2026-04-30' })).toEqual({ from: '2025-09-01', to: '2025-12-31' });
    expect(previousPeriod({ from: '2027-01-01', to: '2027-03-31' })).toEqual({ from: '2026-10-01', to: '2026-12-31' });
    expect(previousPeriod({ from: '2028-03-01', to: '2028-03-31' })).toEqual({ from: '2028-02-01', to: '2028-02-29' });
    expect(samePeriodLastYear({ from: '2028-02-01', to: '2028-02-29' })).toEqual({ from: '2027-02-01', to: '2027-02-28' });
  });
  it('other periods shift by their length in days (a sensitive period over New Year)', () => {
    expect(previousPeriod({ from: '2026-12-28', to: '2027-01-03' })).toEqual({ from: '2026-12-21', to: '2026-12-27' });
    expect(samePeriodLastYear({ from: '2026-12-28', to: '2027-01-03' })).toEqual({ from: '2025-12-28', to: '2026-01-03' });
    expect(samePeriodLastYear({ from: '2028-02-29', to: '2028-03-05' })).toEqual({ from: '2027-02-28', to: '2027-03-05' });
  });
  it('change in percent, and no percent without a base', () => {
    expect(changePercent(12, 8)).toBe(50);
    expect(changePercent(1, 3)).toBe(-66.7);
    expect(changePercent(3, 0)).toBeNull();
    expect(changeText(3, 2)).toBe('上升50%');
    expect(changeText(1, 2)).toBe('下降50%');
    expect(changeText(2, 2)).toBe('持平');
    expect(changeText(0, 0)).toBe('持平');
    expect(changeText(2, 0)).toBe('—');
  });
});

describe('ID numbers, 密级, overdue ledger items', () => {
  it('checks the MOD 11-2 check character and the birth date; masks all but region and last four', () => {
    expect(isValidIdNumber('11010519491231002X')).toBe(true);
    expect(isValidIdNumber('11010519491231002x')).toBe(true);
    expect(isValidIdNumber('110105194912310021')).toBe(false);
    expect(isValidIdNumber('110105194902300020')).toBe(false);
    expect(maskIdNumber('11010519491231002X')).toBe('110105********002X');
    expect(maySeeIdNumbers(['officer'])).toBe(false);
    expect(maySeeIdNumbers(['officer', 'leader'])).toBe(true);
  });
  it('stores only 公开 and 内部', () => {
    expect(isStorableSecrecy('internal')).toBe(true);
    expect(isStorableSecrecy('secret')).toBe(false);
  });
  it('an open item is overdue the day after its deadline, a closed one never', () => {
    expect(isLedgerOverdue('2026-12-31', '2026-12-31', 'open')).toBe(false);
    expect(isLedgerOverdue('2026-12-31', '2027-01-01', 'open')).toBe(true);
    expect(isLedgerOverdue('2026-12-31', '2027-01-01', 'closed')).toBe(false);
  });
});
