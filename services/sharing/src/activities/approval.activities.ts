// Activities of the approval and grant workflows: they touch sharing rows only and are idempotent (Temporal may retry).
import { randomUUID } from 'node:crypto';
import { auditAs, refreshOfficialCalendars } from '@gov/kit';
import type { CalendarActivities, ShareApprovalActivities, ShareGrantActivities } from '@gov/workflows';
import type { DataSource } from 'typeorm';
import { GrantStatus, ShareApplicationStatus } from '../entities/enums';
import { ShareGrant } from '../entities/grant';
import { ShareApplication } from '../entities/share-application';
import { endOfChinaDay, installedOfficialCalendars } from '@gov/working-days';

const OPEN = [ShareApplicationStatus.SUBMITTED, ShareApplicationStatus.DISPUTED, ShareApplicationStatus.REJECTED];

export function approvalActivities(ds: DataSource): ShareApprovalActivities & ShareGrantActivities & CalendarActivities {
  const apps = () => ds.getRepository(ShareApplication);
  return {
    async officialCalendars(atLeast) {
      // A version just loaded that this process does not hold yet is fetched now; the owner unreachable → the last copy.
      const held = installedOfficialCalendars().find((c) => c.year === atLeast?.year)?.version ?? 0;
      return refreshOfficialCalendars({ maxAgeMs: atLeast && held < atLeast.version ? 0 : 60_000 });
    },
    async recountStage({ applicationId, stage, deadline, calendarVersion, previous }) {
      await ds.transaction(async (m) => {
        const r = await m.createQueryBuilder().update(ShareApplication)
          .set({ stageDeadline: new Date(deadline), stageCalendar: calendarVersion })
          .where('id = :id AND stage = :stage AND NOT (stage_deadline <=> :deadline AND stage_calendar <=> :cal)', { id: applicationId, stage, deadline: new Date(deadline), cal: calendarVersion })
          .execute();
        if (!r.affected) return; // a retried activity: already recounted, already audited
        const a = await m.getRepository(ShareApplication).findOneByOrFail({ id: applicationId });
        await auditAs({ username: 'share-approval', sub: 'share-approval', department: a.providerDepartmentId, region: a.providerRegionCode }, {
          action: 'UPDATE', resourceId: a.resourceId, detail: `application ${applicationId} ${stage} deadline recounted on ${calendarVersion}: ${deadline} (was ${previous})`,
        }, { requestId: `share-application-${applicationId}`, source: 'sharing', manager: m });
      });
    },
    async enterStage({ applicationId, stage, deadline, calendarVersion }) {
      await apps().createQueryBuilder().update()
        .set({ stage: stage as ShareApplication['stage'], stageDeadline: new Date(deadline), stageCalendar: calendarVersion ?? null,
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
      await apps().update({ id: applicationId }, { status: ShareApplicationStatus.REJECTED, stage: null, stageDeadline: new Date(deadline), stageCalendar: null });
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
