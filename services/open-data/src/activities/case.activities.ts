// Activities of the complaint / feedback workflow: open-data rows only, idempotent by conditional updates.
import { auditAs } from '@gov/kit';
import type { OpenDataCaseActivities } from '@gov/workflows';
import type { DataSource } from 'typeorm';
import { OpenDataCase, OpenDataCaseStatus } from '../entities/open-data-case';

export function caseActivities(ds: DataSource): OpenDataCaseActivities {
  return {
    async openCase({ caseId, deadline }) {
      await ds.getRepository(OpenDataCase).createQueryBuilder().update().set({ answerDeadline: new Date(deadline) })
        .where('id = :id AND answer_deadline IS NULL', { id: caseId }).execute();
    },
    async escalateCase({ caseId }) {
      return ds.transaction(async (m) => {
        const r = await m.getRepository(OpenDataCase).createQueryBuilder().update().set({ overdue: true })
          .where('id = :id AND status = :s AND overdue = FALSE', { id: caseId, s: OpenDataCaseStatus.OPEN }).execute();
        if (r.affected) {
          await auditAs({ username: 'workflow:open-data-case', sub: 'workflow', department: null, region: null },
            { action: 'UPDATE', detail: `open data case ${caseId} unanswered after 10 working days: escalated to the authority (003 §17, §24)` },
            { requestId: `open-data-case-${caseId}-overdue`, source: 'open-data', manager: m });
        }
        const c = await m.getRepository(OpenDataCase).findOneBy({ id: caseId });
        return c?.status === OpenDataCaseStatus.OPEN;
      });
    },
  };
}
