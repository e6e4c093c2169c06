// Demo data: an OPEN 2026 period for the city and the county with the default indicators. No scores: an assessment
// is computed by a run (runAssessment), never written by hand.
// Idempotent: fixed ids, inserted only when missing (a re-seed never reopens a period someone closed).
import type { DataSource } from 'typeorm';
import { ensureIndicators } from './domain/runs';
import { AssessmentPeriod } from './entities/assessment-period';
import { AssessmentPeriodStatus } from './entities/enums';

const REGIONS = ['420600', '420683'];
export const periodId = (region: string) => `00000000-0000-4000-a000-000000${region}`;

export async function seedAssessment(ds: DataSource): Promise<void> {
  await ds.transaction(async (m) => {
    await m.getRepository(AssessmentPeriod).createQueryBuilder().insert().values(REGIONS.map((regionCode) => ({
      id: periodId(regionCode), name: '2026年度', regionCode, startsOn: '2026-01-01', endsOn: '2026-12-31',
      status: AssessmentPeriodStatus.OPEN, createdBy: 'seed',
    }))).orIgnore().execute();
    for (const r of REGIONS) await ensureIndicators(m, periodId(r));
  });
}
