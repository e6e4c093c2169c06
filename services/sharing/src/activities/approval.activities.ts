// Activities of the approval and grant workflows: they touch sharing rows only and are idempotent (Temporal may retry).
import { randomUUID } from 'node:crypto';
import { auditAs, refreshOfficialCalendars } from '@gov/kit';
import type { CalendarActivities, ShareApprovalActivities, ShareGrantActivities } from '@gov/workflows';
import type { DataSource } from 'typeorm';
import { ApprovalStage, GrantStatus, ShareApplicationStatus } from '../entities/enums';
import { ShareGrant } from '../entities/grant';
import { ShareApplication } from '../entities/share-application';
import { endOfChinaDay, installedOfficialCalendars } from '@gov/working-days';
import { decisionNotice, escalationNotice, reminderNotice, taskNotice } from '../domain/approval';

const actorOf = (a: ShareApplication) => ({ username: 'share-approval', sub: 'share-approval', department: a.providerDepartmentId, region: a.providerRegionCode });
const requestOf = (applicationId: string) => ({ requestId: `share-application-${applicationId}`, source: 'sharing' });

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
      await ds.transaction(async (m) => {
        const r = await m.createQueryBuilder().update(ShareApplication)
          // `overdue` is the open step's: a new step starts on time (the late ones stay in overdue_stages).
          .set({ stage: stage as ShareApplication['stage'], stageDeadline: new Date(deadline), stageCalendar: calendarVersion ?? null, overdue: false,
            status: stage === 'ARBITRATION' ? ShareApplicationStatus.DISPUTED : ShareApplicationStatus.SUBMITTED })
          .where('id = :id AND status IN (:...open) AND NOT (stage <=> :stage AND stage_deadline <=> :deadline)', { id: applicationId, open: OPEN, stage, deadline: new Date(deadline) })
          .execute();
        if (!r.affected) return; // a retried activity: the step is open already, its deciders were told
        const a = await m.getRepository(ShareApplication).findOneByOrFail({ id: applicationId });
        // The step's deciders learn of it from this record (security derives the notice as it chains it).
        await auditAs(actorOf(a), {
          action: 'UPDATE', resourceId: a.resourceId, detail: `application ${applicationId} ${stage} opened, due ${deadline}`,
          notify: taskNotice(stage as ApprovalStage, a),
        }, { ...requestOf(applicationId), manager: m });
      });
    },
    async markStageOverdue({ applicationId, stage }) {
      await ds.transaction(async (m) => {
        const r = await m.createQueryBuilder().update(ShareApplication)
          .set({
            overdue: true, escalatedAt: () => 'COALESCE(escalated_at, CURRENT_TIMESTAMP(3))',
            overdueStages: () => "JSON_ARRAY_APPEND(COALESCE(overdue_stages, JSON_ARRAY()), '$', JSON_OBJECT('stage', stage, 'at', DATE_FORMAT(UTC_TIMESTAMP(3), '%Y-%m-%dT%H:%i:%s.%fZ')))",
          })
          .where('id = :id AND stage = :stage AND NOT overdue', { id: applicationId, stage }).execute();
        if (!r.affected) return; // this step was escalated already (a retried activity)
        const a = await m.getRepository(ShareApplication).findOneByOrFail({ id: applicationId });
        await auditAs(actorOf(a), {
          action: 'UPDATE', resourceId: a.resourceId, detail: `application ${applicationId} ${stage} overdue, escalated`,
          notify: escalationNotice(stage as ApprovalStage, a),
        }, { ...requestOf(applicationId), manager: m });
      });
    },
    async remindStage({ applicationId, stage, deadline }) {
      // Only while that step is still open with that deadline (a decision or a recount may have come first).
      const a = await apps().createQueryBuilder('a').where('a.id = :id AND a.stage = :stage AND a.stage_deadline <=> :deadline', { id: applicationId, stage, deadline: new Date(deadline) }).getOne();
      if (!a) return;
      // One record (and so one notice) per step and deadline, however often the activity is retried.
      await auditAs(actorOf(a), {
        action: 'ACCESS', resourceId: a.resourceId, detail: `application ${applicationId} ${stage} due ${deadline}: reminder one working day ahead`,
        notify: reminderNotice(stage as ApprovalStage, a),
      }, { ...requestOf(applicationId), once: `share-application-${applicationId}:${stage}:${deadline}:reminder` });
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
        // 已办: the decider's item is done when the workflow applies the decision — once, in this transaction.
        const decider = {
          username: decision.actor, sub: decision.actorSub ?? decision.actor,
          department: decision.actorDepartment ?? a.providerDepartmentId, region: decision.actorRegion ?? a.providerRegionCode,
        };
        await auditAs(decider, {
          action: 'UPDATE', resourceId: a.resourceId, scenario: a.scenario, detail: `${decision.stage} decision of ${decision.actor} applied to application ${applicationId}`,
          done: {
            type: 'SHARE_DECISION', id: applicationId, stage: decision.stage, title: `${a.consumerDepartmentId} 申请共享 ${a.scenario}`,
            departmentId: a.providerDepartmentId, regionCode: a.providerRegionCode, outcome: decision.approve ? 'APPROVED' : 'REJECTED',
          },
        }, { ...requestOf(applicationId), manager: m });
      });
    },
    async awaitDispute({ applicationId, deadline }) {
      await ds.transaction(async (m) => {
        const r = await m.createQueryBuilder().update(ShareApplication)
          .set({ status: ShareApplicationStatus.REJECTED, stage: null, stageDeadline: new Date(deadline), stageCalendar: null })
          .where('id = :id AND NOT (status = :rejected AND stage_deadline <=> :deadline)', { id: applicationId, rejected: ShareApplicationStatus.REJECTED, deadline: new Date(deadline) })
          .execute();
        if (!r.affected) return; // a retried activity: the applicant was told
        const a = await m.getRepository(ShareApplication).findOneByOrFail({ id: applicationId });
        await auditAs(actorOf(a), {
          action: 'UPDATE', resourceId: a.resourceId, detail: `application ${applicationId} rejected, open to dispute until ${deadline}`,
          notify: decisionNotice('REJECTED', a),
        }, { ...requestOf(applicationId), manager: m });
      });
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
          detail: `grant to ${a.consumerDepartmentId} ${a.usageMode} until ${a.periodTo}`, notify: decisionNotice('GRANTED', a),
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
