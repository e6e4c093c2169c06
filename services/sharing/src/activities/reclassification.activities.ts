// Activity of the reclassification-opinion workflow (001 §21): touches sharing rows only; idempotent (conditional update).
import type { ReclassificationOpinionActivities } from '@gov/workflows';
import type { DataSource } from 'typeorm';
import { ReclassificationRequest, ReclassificationStatus } from '../entities/reclassification-request';

export function reclassificationActivities(ds: DataSource): ReclassificationOpinionActivities {
  return {
    async escalateReclassificationOpinion({ requestId }) {
      // Only a request still waiting for the opinion; the first escalation time stays.
      await ds.getRepository(ReclassificationRequest).createQueryBuilder().update()
        .set({ opinionOverdue: true, escalatedAt: () => 'COALESCE(escalated_at, CURRENT_TIMESTAMP(3))' })
        .where('id = :id AND status = :open', { id: requestId, open: ReclassificationStatus.OPEN }).execute();
    },
  };
}
