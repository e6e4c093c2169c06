import { BadUserInputError } from '@gov/kit';
import { isOfficialCalendar } from '@gov/working-days';
import { ProjectPlanType } from '../entities/enums';
import {
  annualDeclarationDeadline, checkProjectYear, currentYearInChina, drawPanel, EXPERT_REVIEW_THRESHOLD_CNY, gateFailure, needsExpertReview, omReportDues, planTypeFor, stepDeadline,
} from './rules';

describe('expert review threshold (001 临湘项目办法 §14: 200万元(含)以上)', () => {
  test('2,000,000 CNY and more need an expert panel', () => {
    expect(EXPERT_REVIEW_THRESHOLD_CNY).toBe(2_000_000);
    expect(needsExpertReview(1_500_000)).toBe(false);
    expect(needsExpertReview(1_999_999.99)).toBe(false);
    expect(needsExpertReview(2_000_000)).toBe(true);
    expect(needsExpertReview(3_200_000)).toBe(true);
  });
});

describe('plan year', () => {
  test('the year turns at midnight China time, not UTC', () => {
    expect(currentYearInChina(new Date('2026-12-31T15:59:59Z'))).toBe(2026);
    expect(currentYearInChina(new Date('2026-12-31T16:00:00Z'))).toBe(2027);
  });

  test('this year or later; an earlier year names the field year', () => {
    const now = new Date('2026-06-01T00:00:00Z');
    expect(() => checkProjectYear(2026, now)).not.toThrow();
    expect(() => checkProjectYear(2027, now)).not.toThrow();
    try {
      checkProjectYear(2025, now);
      throw new Error('expected a BadUserInputError');
    } catch (e) {
      expect(e).toBeInstanceOf(BadUserInputError);
      expect((e as BadUserInputError).problems[0].field).toBe('year');
    }
  });
});

describe('annual and supplementary plan (001 临湘项目办法 §10-11)', () => {
  test('§10: next year\'s projects are declared by 30 October, China date', () => {
    expect(annualDeclarationDeadline(2028)).toBe('2027-10-30');
    expect(planTypeFor(2028, new Date('2027-10-30T15:59:59Z'))).toBe(ProjectPlanType.ANNUAL); // 23:59:59 in China
    expect(planTypeFor(2028, new Date('2027-10-30T16:00:00Z'))).toBe(ProjectPlanType.SUPPLEMENTARY); // 31 Oct in China
  });
  test('§11: a project of the current year is always supplementary', () => {
    expect(planTypeFor(2027, new Date('2027-03-01T00:00:00Z'))).toBe(ProjectPlanType.SUPPLEMENTARY);
  });
});

describe('expert panel draw (§15)', () => {
  const pool = Array.from({ length: 10 }, (_, i) => `e${i}`);
  test('the same seed and pool give the same panel; members are distinct', () => {
    expect(drawPanel(pool, 42, 5)).toEqual(drawPanel(pool, 42, 5));
    expect(new Set(drawPanel(pool, 42, 5)).size).toBe(5);
  });
  test('another seed gives another draw', () => {
    expect(drawPanel(pool, 42, 5)).not.toEqual(drawPanel(pool, 43, 5));
  });
});

describe('assessment gate (004 §35, 000 §28)', () => {
  const gaj = [
    { metric: '目录覆盖率', value: 0.95, score: 23.75 }, { metric: '共享申请按期响应率', value: 0.88, score: 22 }, { metric: '开放数据利用率', value: 0.6, score: 9 },
  ];
  test('the refusal names the indicator below the minimum', () => {
    expect(gateFailure(gaj, { minTotalScore: 0, minIndicatorValue: 0.7 })).toMatch(/开放数据利用率 0\.6 < 0\.7/);
    expect(gateFailure(gaj, { minTotalScore: 0, minIndicatorValue: 0.7 })).not.toMatch(/目录覆盖率/);
  });
  test('a total below the threshold is named too; a department at the gate passes', () => {
    expect(gateFailure(gaj, { minTotalScore: 60, minIndicatorValue: 0.5 })).toMatch(/总分 54\.75 < 60/);
    expect(gateFailure(gaj, { minTotalScore: 50, minIndicatorValue: 0.6 })).toBeNull();
  });
  test('a department never assessed is not refused by the gate', () => {
    expect(gateFailure([], { minTotalScore: 60, minIndicatorValue: 0.5 })).toBeNull();
  });
});

describe('deadlines in Chinese working days', () => {
  test('a step limit ends at 24:00 China time of the n-th working day and says whether the calendar is official', () => {
    const from = new Date('2026-09-30T02:00:00Z'); // Wed 30 Sep 2026, before 国庆
    const d = stepDeadline(from, 1);
    expect(d.deadline.getTime()).toBeGreaterThan(new Date('2026-10-07T16:00:00Z').getTime()); // not during the holiday week
    expect(d.official).toBe(isOfficialCalendar(d.deadline.getTime() - 1));
  });
  test('§29: one O&M report a year, each due after its anniversary', () => {
    const dues = omReportDues(new Date('2026-03-10T02:00:00Z'), 3, 20);
    expect(dues.map((d) => d.year)).toEqual([1, 2, 3]);
    expect(dues[0].due > '2027-03-10').toBe(true);
    expect(dues[2].due > '2029-03-10').toBe(true);
  });
});
