// Share grants (000 §16, §24): a subscription to an UNCONDITIONAL resource is a grant at once; the provider or its
// authority revokes; the consumer signs the confidentiality agreement (kept of record by security) before any delivery.
import { randomUUID } from 'node:crypto';
import { callSubgraphAsService, isDuplicateKey, startWorkflowOnce, type User } from '@gov/kit';
import { grantRevokedSignal, refs, shareGrantWorkflowId } from '@gov/workflows';
import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import type { EntityManager } from 'typeorm';
import { GrantStatus, type ShareUsageMode } from '../entities/enums';
import { ConfidentialityAgreement } from '../entities/confidentiality-agreement';
import { ShareGrant } from '../entities/grant';
import type { Workflows } from './applications';
import type { CatalogResource } from './rules';

export const AGREEMENT_TERMS = '数据仅用于授权所列业务场景，不得转授、转让或超范围使用；按国家规定保密并接受审计（000 §18、§24）。';

export interface Subscription { items: string[]; scenario: string; usageMode: ShareUsageMode; periodFrom: string; periodTo: string; idempotencyKey?: string | null }

/** The grant and its expiry workflow inside `m` (if Temporal refuses, no grant). */
export async function subscribe(
  m: EntityManager, wf: Workflows, consumer: User & { department: string; region: string }, r: CatalogResource, input: Subscription, expiresAt: Date,
): Promise<ShareGrant> {
  const id = randomUUID();
  await m.getRepository(ShareGrant).insert({
    id, resourceId: r.id, providerDepartmentId: r.departmentId, providerRegionCode: r.regionCode, consumerDepartmentId: consumer.department,
    consumerRegionCode: consumer.region, items: input.items, scenario: input.scenario, usageMode: input.usageMode, periodFrom: input.periodFrom,
    periodTo: input.periodTo, expiresAt, status: GrantStatus.ACTIVE, clearText: false, applicationId: null, idempotencyKey: input.idempotencyKey ?? null,
    createdBy: consumer.username,
  });
  await startWorkflowOnce(wf.temporal, refs.shareGrant, {
    id: shareGrantWorkflowId(id), taskQueuePrefix: wf.taskQueuePrefix, args: [{ grantId: id, expiresAt: expiresAt.toISOString() }],
  });
  return m.getRepository(ShareGrant).findOneByOrFail({ id });
}

/** ACTIVE → REVOKED (revoking twice changes nothing). */
export async function revoke(m: EntityManager, g: ShareGrant, actor: string, reason: string): Promise<ShareGrant> {
  await m.getRepository(ShareGrant).update({ id: g.id, status: GrantStatus.ACTIVE }, { status: GrantStatus.REVOKED, revokedAt: new Date(), revokedBy: actor, revokeReason: reason.trim() });
  return m.getRepository(ShareGrant).findOneByOrFail({ id: g.id });
}

/** Tells the grant's workflow (its expiry timer) that the grant is revoked; a finished workflow needs no telling. */
export async function signalRevoked(temporal: Client, grantId: string, actor: string): Promise<void> {
  try {
    await temporal.workflow.getHandle(shareGrantWorkflowId(grantId)).signal(grantRevokedSignal, { actor });
  } catch (e) {
    if (!(e instanceof WorkflowNotFoundError)) throw e; // the timer already ended: the row is what counts
  }
}

const RECORD_AGREEMENT = 'mutation($input: RecordAgreementInput!) { recordAgreement(input: $input) { id } }';

/**
 * Security keeps the agreement of record (SM4 at rest, audited; idempotent per grant and text): recorded there first,
 * so a delivery is never unlocked here by an agreement security does not hold. Signing twice is harmless.
 */
export async function signAgreement(m: EntityManager, g: ShareGrant, signedBy: string): Promise<ConfidentialityAgreement> {
  const repo = m.getRepository(ConfidentialityAgreement);
  await callSubgraphAsService('security', RECORD_AGREEMENT, {
    input: { grantId: g.id, consumerDepartmentId: g.consumerDepartmentId, resourceId: g.resourceId, signedBy, text: AGREEMENT_TERMS },
  });
  try {
    await repo.insert({ id: randomUUID(), grantId: g.id, consumerDepartmentId: g.consumerDepartmentId, signedBy, terms: AGREEMENT_TERMS });
  } catch (e) {
    if (!isDuplicateKey(e)) throw e;
  }
  return repo.findOneByOrFail({ grantId: g.id });
}
