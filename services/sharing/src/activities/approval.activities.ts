// Activities of the approval and grant workflows: they touch sharing rows only and are idempotent (Temporal may retry).
import { randomUUID } from 'node:crypto';
import { auditAs } from '@gov/kit';
import type { ShareApprovalActivities, ShareGrantActivities } from '@gov/workflows';
import type { DataSource } from 'typeorm';
import { GrantStatus, ShareApplicationStatus } from '../entities/enums';
import { ShareGrant } from '../entities/grant';
import { ShareApplication } from '../entities/share-application';
import { endOfChinaDay } from '@gov/working-days';

const OPEN = [ShareApplicationStatus.SUBMITTED, ShareApplicationStatus.DISPUTED, ShareApplicationStatus.REJECTED];

export function approvalActivities(ds: DataSource): ShareApprovalActivities & ShareGrantActivities {
  const apps = () => ds.getRepository(ShareApplication);
  return {
    async enterStage({ applicationId, stage, deadline }) {
      await apps().createQueryBuilder().update()
        .set({ stage: stage as ShareApplication['stage'], stageDeadline: new Date(deadline),
          status: stage === 'ARBITRATION' ? ShareApplicationStatus.DISPUTED : ShareApplicationStatus.SUBMITTED })
        .where('id = :id AND status IN (:...open)', { id: applicationId, open: OPEN }).execute();
    },
    async markStageOverdue({ applicationId, stage }) {
      await apps().createQueryBuilder().update()
        .set({ overdue: true, escalatedAt: () => 'COALESCE(escalated_at, CURRENT_TIMESTAMP(3))' })
        .where('id = :id AND stage = :stage', { id: applicationId, stage }).execute();
    },
    async recordDecision({ applicationId, decision }) {
      await ds.transaction(async (m) => {
        const a = await m.getRepository(ShareApplication).findOne({ where: { id: applicationId }, lock: { mode: 'pessimistic_write' } });
        if (!a) return;
        const list = a.decisions ?? [];
        // Retried activity: the same decision is recorded once.
        if (list.some((d) => d.stage === decision.stage && d.actor === decision.actor && d.approve === decision.approve)) return;
        list.push({ stage: decision.stage, approve: decision.approve, actor: decision.actor, reason: decision.reason ?? null, at: new Date().toISOString() });
        await m.getRepository(ShareApplication).update({ id: applicationId }, {
          decisions: list, ...(decision.approve ? {} : { decisionReason: decision.reason ?? null }),
        });
      });
    },
    async awaitDispute({ applicationId, deadline }) {
      await apps().update({ id: applicationId }, { status: ShareApplicationStatus.REJECTED, stage: null, stageDeadline: new Date(deadline) });
    },
    async startArbitration({ applicationId, reason }) {
      await apps().update({ id: applicationId }, { status: ShareApplicationStatus.DISPUTED, disputeReason: reason });
    },
    async closeApplication({ applicationId, status, reason }) {
      await apps().update({ id: applicationId }, {
        status: status as ShareApplicationStatus, stage: null, stageDeadline: null, ...(reason ? { decisionReason: reason } : {}),
      });
    },
    async grantFromApplication({ applicationId }) {
      const grant = await ds.transaction(async (m) => {
        const a = await m.getRepository(ShareApplication).findOne({ where: { id: applicationId }, lock: { mode: 'pessimistic_write' } });
        if (!a) throw new Error(`share application ${applicationId} vanished`);
        const grants = m.getRepository(ShareGrant);
        const existing = await grants.findOneBy({ applicationId });
        if (existing) return { grantId: existing.id, expiresAt: existing.expiresAt.toISOString() };
        const id = randomUUID();
        const expiresAt = endOfChinaDay(a.periodTo);
        await grants.insert({
          id, resourceId: a.resourceId, providerDepartmentId: a.providerDepartmentId, providerRegionCode: a.providerRegionCode,
          consumerDepartmentId: a.consumerDepartmentId, consumerRegionCode: a.regionCode, items: a.requestedItems, scenario: a.scenario,
          usageMode: a.usageMode, periodFrom: a.periodFrom, periodTo: a.periodTo, expiresAt,
          status: expiresAt.getTime() > Date.now() ? GrantStatus.ACTIVE : GrantStatus.EXPIRED, clearText: a.clearText,
          applicationId, idempotencyKey: null, createdBy: 'share-approval',
        });
        await m.getRepository(ShareApplication).update({ id: applicationId }, { status: ShareApplicationStatus.GRANTED, stage: null, stageDeadline: null, grantId: id });
        // One SHARE record per grant, committed with it: a retried activity finds the grant above and writes none.
        await auditAs({ username: 'share-approval', sub: 'share-approval', department: a.providerDepartmentId, region: a.providerRegionCode }, {
          action: 'SHARE', resourceId: a.resourceId, grantId: id, scenario: a.scenario, items: a.requestedItems,
          detail: `grant to ${a.consumerDepartmentId} ${a.usageMode} until ${a.periodTo}`,
        }, { requestId: `share-application-${applicationId}`, source: 'sharing', manager: m });
        return { grantId: id, expiresAt: expiresAt.toISOString() };
      });
      return { grantId: grant.grantId, expiresAt: grant.expiresAt };
    },
    async expireGrant({ grantId }) {
      await ds.getRepository(ShareGrant).update({ id: grantId, status: GrantStatus.ACTIVE }, { status: GrantStatus.EXPIRED });
    },
  };
}
