// Activities of the project lifecycle workflow: conditional updates of project rows, safe to retry.
import { randomUUID } from 'node:crypto';
import type { ProjectLifecycleActivities } from '@gov/workflows';
import type { DataSource } from 'typeorm';
import { DigitalProject } from '../entities/digital-project';
import type { DigitalProjectStatus } from '../entities/enums';
import { OmReport } from '../entities/project-records';

export function lifecycleActivities(ds: DataSource): ProjectLifecycleActivities {
  return {
    async markProjectStepOverdue({ projectId, stage, deadline }) {
      await ds.transaction(async (m) => {
        const p = await m.getRepository(DigitalProject).findOne({ where: { id: projectId }, lock: { mode: 'pessimistic_write' } });
        // Moved on, or already marked (a retry): nothing to do.
        if (!p || p.status !== stage || p.stageOverdue || p.stageDeadline?.toISOString() !== deadline) return;
        await m.getRepository(DigitalProject).update({ id: projectId, status: stage as DigitalProjectStatus }, { stageOverdue: true, overdueSteps: [...p.overdueSteps, stage] });
      });
    },
    async markOmReportOverdue({ projectId, year }) {
      await ds.transaction(async (m) => {
        await m.getRepository(OmReport).createQueryBuilder().insert().values({ id: randomUUID(), projectId, omYear: year, overdue: true }).orIgnore().execute();
        const late = await m.getRepository(OmReport).createQueryBuilder().update().set({ overdue: true })
          .where('project_id = :p AND om_year = :y AND filed_at IS NULL AND overdue = 0', { p: projectId, y: year }).execute();
        const inserted = await m.getRepository(OmReport).findOneBy({ projectId, omYear: year });
        if (!late.affected && !(inserted?.overdue && !inserted.filedAt)) return;
        const p = await m.getRepository(DigitalProject).findOne({ where: { id: projectId }, lock: { mode: 'pessimistic_write' } });
        const mark = `OM_REPORT_${year}`;
        if (p && !p.overdueSteps.includes(mark)) await m.getRepository(DigitalProject).update({ id: projectId }, { overdueSteps: [...p.overdueSteps, mark] });
      });
    },
  };
}
