// The review of a submitted entry (000 §8): submitting starts the review workflow once per submission; the authority's
// decision goes to the workflow as a signal and the workflow publishes (or returns to draft) through its activities.
import { ConflictError, startWorkflowOnce } from '@gov/kit';
import { catalogReviewWorkflowId, refs } from '@gov/workflows';
import type { Client } from '@temporalio/client';
import type { EntityManager } from 'typeorm';
import { DataResource } from '../entities/data-resource';
import { ResourceStatus } from '../entities/enums';

export interface Workflows { temporal: Client; taskQueuePrefix: string }

/** Draft → SUBMITTED and the review workflow started, inside `m`: if Temporal refuses, the entry stays a draft. */
export async function submitForReview(
  m: EntityManager, wf: Workflows, existing: DataResource, submittedBy: string, deadlineWorkingDays: number,
): Promise<DataResource> {
  if (existing.status !== ResourceStatus.DRAFT) throw new ConflictError(`only a draft can be submitted; this entry is ${existing.status}`);
  const submission = existing.submissionCount + 1;
  const changed = await m.getRepository(DataResource).update(
    { id: existing.id, status: ResourceStatus.DRAFT, submissionCount: existing.submissionCount },
    { status: ResourceStatus.SUBMITTED, submissionCount: submission, reviewOverdue: false, reviewEscalatedAt: null, reviewComment: null },
  );
  if (!changed.affected) throw new ConflictError('the entry changed meanwhile; reload and retry');
  await startWorkflowOnce(wf.temporal, refs.catalogReview, {
    id: catalogReviewWorkflowId(existing.id, submission), taskQueuePrefix: wf.taskQueuePrefix,
    args: [{
      resourceId: existing.id, resourceCode: existing.code, departmentId: existing.departmentId, regionCode: existing.regionCode,
      submittedBy, deadlineWorkingDays,
    }],
  });
  return m.getRepository(DataResource).findOneByOrFail({ id: existing.id });
}
