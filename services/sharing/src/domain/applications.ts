// Share applications (001 §21, 000 §17): drafting (idempotent per consumer department and key), submitting (the
// approval workflow starts once), withdrawing a draft; the region's whole authorisation.
import { randomUUID } from 'node:crypto';
import { startWorkflowOnce, type User } from '@gov/kit';
import { refs, shareApprovalWorkflowId } from '@gov/workflows';
import type { Client } from '@temporalio/client';
import type { EntityManager } from 'typeorm';
import { ShareApplicationStatus, type ShareUsageMode } from '../entities/enums';
import { RegionSharingSetting } from '../entities/region-sharing-setting';
import { ShareApplication } from '../entities/share-application';
import type { CatalogResource } from './rules';

export interface Workflows { temporal: Client; taskQueuePrefix: string }

export interface ApplicationDraft {
  requestedItems: string[]; scenario: string; purpose: string; usageMode: ShareUsageMode; clearText?: boolean | null; clearTextReason?: string | null;
  periodFrom: string; periodTo: string; idempotencyKey?: string | null;
}

export async function createDraft(
  m: EntityManager, consumer: User & { department: string; region: string }, resource: CatalogResource, input: ApplicationDraft,
): Promise<ShareApplication> {
  const id = randomUUID();
  await m.getRepository(ShareApplication).insert({
    id, resourceId: resource.id, providerDepartmentId: resource.departmentId, providerRegionCode: resource.regionCode,
    consumerDepartmentId: consumer.department, regionCode: consumer.region, requestedItems: input.requestedItems,
    scenario: input.scenario, purpose: input.purpose, usageMode: input.usageMode,
    clearText: input.clearText ?? false, clearTextReason: input.clearText ? input.clearTextReason!.trim() : null, periodFrom: input.periodFrom, periodTo: input.periodTo,
    status: ShareApplicationStatus.DRAFT, idempotencyKey: input.idempotencyKey ?? null, createdBy: consumer.username,
  });
  return m.getRepository(ShareApplication).findOneByOrFail({ id });
}

/** DRAFT → SUBMITTED and the approval workflow started inside `m` (if Temporal refuses, the application stays a draft). */
export async function submit(m: EntityManager, wf: Workflows, a: ShareApplication): Promise<ShareApplication> {
  const setting = await m.getRepository(RegionSharingSetting).findOneBy({ regionCode: a.regionCode });
  const wholeAuthorisation = setting?.wholeAuthorisation ?? false;
  const changed = await m.getRepository(ShareApplication).update(
    { id: a.id, status: ShareApplicationStatus.DRAFT },
    { status: ShareApplicationStatus.SUBMITTED, submittedAt: new Date(), wholeAuthorisation },
  );
  if (changed.affected) { // else a concurrent submit won: it starts the workflow
    await startWorkflowOnce(wf.temporal, refs.shareApproval, {
      id: shareApprovalWorkflowId(a.id), taskQueuePrefix: wf.taskQueuePrefix,
      args: [{ applicationId: a.id, consumerRegionCode: a.regionCode, providerRegionCode: a.providerRegionCode, wholeAuthorisation }],
    });
  }
  return m.getRepository(ShareApplication).findOneByOrFail({ id: a.id });
}

export async function withdrawDraft(m: EntityManager, id: string): Promise<ShareApplication> {
  await m.getRepository(ShareApplication).update({ id, status: ShareApplicationStatus.DRAFT }, { status: ShareApplicationStatus.WITHDRAWN });
  return m.getRepository(ShareApplication).findOneByOrFail({ id });
}

export async function setWholeAuthorisation(m: EntityManager, regionCode: string, enabled: boolean, updatedBy: string): Promise<void> {
  await m.getRepository(RegionSharingSetting).upsert({ regionCode, wholeAuthorisation: enabled, updatedBy }, ['regionCode']);
}

