// Reclassification of a NOT_SHARED resource (001 §21): the providing department gives its opinion within a working-day
// deadline, the authority of a region covering it decides; an approval is applied by catalog's reviewed change path.
import { randomUUID } from 'node:crypto';
import { callSubgraphAsService, ConflictError, startWorkflowOnce, type AuditNotice, type User } from '@gov/kit';
import { reclassificationAnsweredSignal, reclassificationOpinionWorkflowId, refs } from '@gov/workflows';
import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import { isOfficialCalendar, workingDayDeadline } from '@gov/working-days';
import type { EntityManager } from 'typeorm';
import { ReclassificationRequest, ReclassificationStatus } from '../entities/reclassification-request';
import type { CatalogResource } from './rules';
import type { Workflows } from './applications';

export async function requestReclassification(
  m: EntityManager, wf: Workflows, consumer: User & { department: string; region: string }, r: CatalogResource, reason: string, opinionWorkingDays: number,
): Promise<ReclassificationRequest> {
  const id = randomUUID();
  const opinionDeadline = workingDayDeadline(new Date(), opinionWorkingDays);
  await m.getRepository(ReclassificationRequest).insert({
    id, resourceId: r.id, providerDepartmentId: r.departmentId, providerRegionCode: r.regionCode, consumerDepartmentId: consumer.department,
    regionCode: consumer.region, reason: reason.trim(), status: ReclassificationStatus.OPEN, createdBy: consumer.username,
    opinionDeadline, opinionDeadlineOfficial: isOfficialCalendar(opinionDeadline),
  });
  // Inside the transaction: if Temporal refuses, no request without its deadline watch.
  await startWorkflowOnce(wf.temporal, refs.reclassificationOpinion, {
    id: reclassificationOpinionWorkflowId(id), taskQueuePrefix: wf.taskQueuePrefix, args: [{ requestId: id, deadline: opinionDeadline.toISOString() }],
  });
  return m.getRepository(ReclassificationRequest).findOneByOrFail({ id });
}

/** Tells the deadline watch that the provider answered or the authority decided; a finished watch needs no telling. */
export async function signalAnswered(temporal: Client, requestId: string, by: string): Promise<void> {
  try {
    await temporal.workflow.getHandle(reclassificationOpinionWorkflowId(requestId)).signal(reclassificationAnsweredSignal, { by });
  } catch (e) {
    if (!(e instanceof WorkflowNotFoundError)) throw e; // the deadline already passed: the row is what counts
  }
}

/** The providing department's opinion; once only (a retry after it was given is a conflict naming the state). */
export async function giveOpinion(m: EntityManager, id: string, agree: boolean, opinion: string, by: string): Promise<ReclassificationRequest> {
  const changed = await m.getRepository(ReclassificationRequest).update(
    { id, status: ReclassificationStatus.OPEN },
    { status: ReclassificationStatus.OPINION_GIVEN, providerAgrees: agree, providerOpinion: opinion.trim(), opinionBy: by, opinionAt: new Date() },
  );
  const req = await m.getRepository(ReclassificationRequest).findOneByOrFail({ id });
  if (!changed.affected) throw new ConflictError(`this reclassification request is ${req.status}: the opinion is no longer open`);
  return req;
}

/** The authority decides once the provider has given its opinion or let its deadline pass. */
export function assertDecidable(req: ReclassificationRequest, now = new Date()): void {
  if (req.status === ReclassificationStatus.APPROVED || req.status === ReclassificationStatus.REFUSED) {
    throw new ConflictError(`this reclassification request is already ${req.status}`);
  }
  if (req.status === ReclassificationStatus.OPEN && req.opinionDeadline && req.opinionDeadline > now) {
    throw new ConflictError(`waiting for the providing department's opinion until ${req.opinionDeadline.toISOString()} (001 §21)`);
  }
}

export interface Decision { approve: boolean; reason: string | null; shareType: string | null; shareCondition: string | null; by: string }
export interface CatalogChange { id: string; status: string; newVersion: number | null; pending: boolean }

const APPLY = `mutation($input: ReclassificationChangeInput!) { applyReclassification(input: $input) { id status newVersion pending } }`;

/** Catalog files the change with basis RECLASSIFIED and approves it in the authority's name (idempotent per request id). */
export async function applyInCatalog(req: ReclassificationRequest, d: Decision): Promise<CatalogChange> {
  const res = await callSubgraphAsService<{ applyReclassification: CatalogChange }>('catalog', APPLY, {
    input: {
      reclassificationId: req.id, resourceId: req.resourceId, shareType: d.shareType, shareCondition: d.shareCondition,
      reason: d.reason?.trim() || req.reason, reviewer: d.by,
    },
  });
  return res.applyReclassification;
}

/** Records the decision if nobody decided meanwhile (conditional update). */
export async function recordDecision(m: EntityManager, req: ReclassificationRequest, d: Decision, change: CatalogChange | null): Promise<ReclassificationRequest> {
  const changed = await m.getRepository(ReclassificationRequest).update(
    { id: req.id, status: req.status },
    {
      status: d.approve ? ReclassificationStatus.APPROVED : ReclassificationStatus.REFUSED, decidedBy: d.by, decidedAt: new Date(),
      decisionReason: d.reason?.trim() || null, newShareType: d.approve ? d.shareType : null,
      catalogChangeRequestId: change?.id ?? null, catalogVersion: change?.newVersion ?? null,
    },
  );
  if (!changed.affected) throw new ConflictError('this reclassification request was decided meanwhile');
  return Object.assign(await m.getRepository(ReclassificationRequest).findOneByOrFail({ id: req.id }), { pending: change?.pending ?? false });
}


/** The authority decided a reclassification request (001 §21): the user who asked and the asking department's data administrators (issue 14 §4). */
export function reclassificationDecisionNotice(r: Pick<ReclassificationRequest, 'id' | 'createdBy' | 'consumerDepartmentId'>, approve: boolean): AuditNotice {
  return {
    kind: 'DECISION', title: approve ? '共享属性调整申请已通过' : '共享属性调整申请未通过', subjectType: 'ReclassificationRequest', subjectId: r.id,
    link: null, recipients: [{ username: r.createdBy }, { departmentId: r.consumerDepartmentId, role: 'dept-admin' }],
  };
}
