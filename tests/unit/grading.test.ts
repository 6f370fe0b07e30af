import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { gradeWorkSafety, isWorkSafetyGraded, type GradingInput } from '../../shared/domain/grading';

const zero: GradingInput = { deaths: 0, missing: 0, seriousInjuries: 0, directLossYuan: 0 };
const grade = (p: Partial<GradingInput>) => gradeWorkSafety({ ...zero, ...p }).level;

// 生产安全事故报告和调查处理条例 Art. 3: "以上"包括本数，"以下"不包括本数.
describe('work-safety grading at every boundary', () => {
  it.each([
    [0, 4],
    [2, 4],
    [3, 3],
    [9, 3],
    [10, 2],
    [29, 2],
    [30, 1],
    [31, 1],
  ])('%i deaths → level %i', (deaths, level) => {
    expect(grade({ deaths })).toBe(level);
  });

  it.each([
    [9, 4],
    [10, 3],
    [49, 3],
    [50, 2],
    [99, 2],
    [100, 1],
  ])('%i serious injuries → level %i', (seriousInjuries, level) => {
    expect(grade({ seriousInjuries })).toBe(level);
  });

  it.each([
    [9_999_999, 4],
    [10_000_000, 3],
    [49_999_999, 3],
    [50_000_000, 2],
    [99_999_999, 2],
    [100_000_000, 1],
  ])('%i yuan direct loss → level %i', (directLossYuan, level) => {
    expect(grade({ directLossYuan })).toBe(level);
  });

  it('counts the missing with the dead', () => {
    expect(grade({ deaths: 2, missing: 1 })).toBe(3);
    expect(grade({ deaths: 2, missing: 0 })).toBe(4);
  });

  it('takes the gravest criterion and names it', () => {
    expect(gradeWorkSafety({ ...zero, deaths: 3, seriousInjuries: 50 })).toEqual({ level: 2, basis: ['seriousInjuries'] });
    expect(gradeWorkSafety({ ...zero, deaths: 10, seriousInjuries: 50 })).toEqual({ level: 2, basis: ['deaths', 'seriousInjuries'] });
    expect(gradeWorkSafety(zero)).toEqual({ level: 4, basis: [] });
  });

  it('treats negative or non-finite input as zero', () => {
    expect(grade({ deaths: -5, directLossYuan: Number.NaN })).toBe(4);
  });

  it('never grades lower when any figure grows (monotone)', () => {
    const n = fc.integer({ min: 0, max: 200 });
    const loss = fc.integer({ min: 0, max: 200_000_000 });
    fc.assert(
      fc.property(
        n,
        n,
        n,
        loss,
        fc.constantFrom('deaths', 'seriousInjuries', 'directLossYuan'),
        fc.integer({ min: 1, max: 1_000_000 }),
        (d, m, s, l, key, add) => {
          const base = { deaths: d, missing: m, seriousInjuries: s, directLossYuan: l };
          const more = { ...base, [key]: base[key as keyof GradingInput] + add };
          expect(gradeWorkSafety(more).level).toBeLessThanOrEqual(gradeWorkSafety(base).level);
        },
      ),
    );
  });

  it('applies to accidents other than pollution only', () => {
    expect(isWorkSafetyGraded('accident', 'industrial')).toBe(true);
    expect(isWorkSafetyGraded('accident', 'road_traffic')).toBe(true);
    expect(isWorkSafetyGraded('accident', 'environment')).toBe(false);
    expect(isWorkSafetyGraded('natural', 'earthquake')).toBe(false);
  });
});
