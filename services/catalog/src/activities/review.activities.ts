// Activities of the catalog review workflow: they touch catalog rows only, and are idempotent (Temporal may retry them).
import type { CatalogReviewActivities } from '@gov/workflows';
import type { DataSource } from 'typeorm';
import { DataResource } from '../entities/data-resource';
import { ResourceStatus } from '../entities/enums';
import { recordVersion } from '../domain/versions';

export function reviewActivities(ds: DataSource): CatalogReviewActivities {
  const repo = () => ds.getRepository(DataResource);
  return {
    async recordReviewDeadline({ resourceId, deadline }) {
      await repo().update({ id: resourceId, status: ResourceStatus.SUBMITTED }, { reviewDeadline: new Date(deadline) });
    },
    async markReviewOverdue({ resourceId }) {
      await repo().createQueryBuilder().update()
        .set({ reviewOverdue: true, reviewEscalatedAt: () => 'COALESCE(review_escalated_at, CURRENT_TIMESTAMP(3))' })
        .where('id = :id AND status = :s', { id: resourceId, s: ResourceStatus.SUBMITTED }).execute();
    },
    async publishResource({ resourceId, comment }) {
      // The status flip and the version-1 snapshot in one transaction: every published version stays queryable (000 §9).
      await ds.transaction(async (m) => {
        const changed = await m.getRepository(DataResource).update({ id: resourceId, status: ResourceStatus.SUBMITTED },
          { status: ResourceStatus.PUBLISHED, publishedAt: new Date(), reviewComment: comment ?? null });
        if (changed.affected) {
          const r = await m.getRepository(DataResource).findOneByOrFail({ id: resourceId });
          await recordVersion(m, resourceId, r.version);
        }
      });
    },
    async returnResourceToDraft({ resourceId, comment }) {
      await repo().update({ id: resourceId, status: ResourceStatus.SUBMITTED },
        { status: ResourceStatus.DRAFT, reviewComment: comment ?? null });
    },
  };
}
