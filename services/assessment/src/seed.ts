// Demo data: an OPEN 2026 period for the city and the county, and a few scores of two city departments.
// Idempotent: fixed ids, inserted only when missing (a re-seed never reopens a period someone closed).
import type { DataSource } from 'typeorm';
import { AssessmentPeriod } from './entities/assessment-period';
import { DepartmentScore } from './entities/department-score';
import { AssessmentPeriodStatus } from './entities/enums';

const REGIONS = ['420600', '420683'];
export const periodId = (region: string) => `00000000-0000-4000-a000-000000${region}`;

// [metric, weight]; score = value x weight x 100 (000 §28, 004 §34)
const METRICS: Array<[string, number]> = [
  ['目录覆盖率', 0.25], ['资源挂接率', 0.2], ['共享申请按期响应率', 0.25], ['问题数据整改率', 0.15], ['开放数据利用率', 0.15],
];
const VALUES: Record<string, number[]> = {
  '420600-gaj': [0.95, 0.9, 0.88, 1, 0.6],
  '420600-wjw': [0.8, 0.75, 0.96, 0.9, 0.85],
};

export async function seedAssessment(ds: DataSource): Promise<void> {
  await ds.transaction(async (m) => {
    await m.getRepository(AssessmentPeriod).createQueryBuilder().insert().values(REGIONS.map((regionCode) => ({
      id: periodId(regionCode), name: '2026年度', regionCode, startsOn: '2026-01-01', endsOn: '2026-12-31',
      status: AssessmentPeriodStatus.OPEN, createdBy: 'seed',
    }))).orIgnore().execute();
    const scores = Object.entries(VALUES).flatMap(([departmentId, values], d) => METRICS.map(([metric, weight], i) => ({
      id: `00000000-0000-4000-b000-${String(d * 100 + i).padStart(12, '0')}`, periodId: periodId('420600'), departmentId, regionCode: '420600',
      metric, value: values[i], weight, score: Math.round(values[i] * weight * 10000) / 100,
    })));
    await m.getRepository(DepartmentScore).createQueryBuilder().insert().values(scores).orIgnore().execute();
  });
}
