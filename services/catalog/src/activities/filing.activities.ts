// Activities of the 004 §9 filing deadline: idempotent, guarded by the row's status.
import type { CatalogFilingActivities } from '@gov/workflows';
import type { DataSource } from 'typeorm';
import { FunctionChange, FunctionChangeStatus } from '../entities/function-change';

export function filingActivities(ds: DataSource): CatalogFilingActivities {
  const repo = () => ds.getRepository(FunctionChange);
  return {
    async recordFilingDeadline({ functionChangeId, deadline }) {
      await repo().update({ id: functionChangeId, status: FunctionChangeStatus.AWAITING_FILING }, { filingDeadline: new Date(deadline) });
    },
    async escalateFiling({ functionChangeId }) {
      await repo().createQueryBuilder().update()
        .set({ status: FunctionChangeStatus.OVERDUE, escalatedAt: () => 'COALESCE(escalated_at, CURRENT_TIMESTAMP(3))' })
        .where('id = :id AND status = :s', { id: functionChangeId, s: FunctionChangeStatus.AWAITING_FILING }).execute();
    },
  };
}
