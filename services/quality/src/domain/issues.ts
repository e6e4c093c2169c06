// Quality issues: opened by a failing rule (one open issue per rule and resource), a consumer's flag or a report; each
// has a Temporal workflow that owns its fix deadline (3 working days, 000 §14; 5 for a consumer flag, 004 §24),
// escalation, the platform's verification and reopening. The workflow's activities land here.
import { randomUUID } from 'node:crypto';
import { auditAs, commonConfig, isDuplicateKey, officialCalendarsAtLeast, startWorkflowOnce, type AuditNotice, type AuditNoticeRecipient, type CommonConfig } from '@gov/kit';
import { FIX_WORKING_DAYS, qualityIssueWorkflowId, refs } from '@gov/workflows';
import { chinaDate, isOfficialCalendar } from '@gov/working-days';
import type { Client } from '@temporalio/client';
import type { DataSource, EntityManager } from 'typeorm';
import { QualityIssueSource, QualityIssueStatus } from '../entities/enums';
import { QualityIssue } from '../entities/quality-issue';
import type { CatalogResource } from './catalog';
import { fetchCatalogResourceAsPlatform } from './catalog';
import { evaluate } from './evaluate';
import { latestRules, toSpec } from './rule-store';
import { MAX_FAILING_IDS, type RuleOutcome, type RuleSpec } from './checks';

export interface OpenedIssue { id: string; workingDays: number }
export const WAITING = [QualityIssueStatus.OPEN, QualityIssueStatus.REOPENED];
const PROCESS = { username: 'quality-issue', sub: 'quality-issue' };

export const openKeyOf = (resourceId: string, ruleCode: string) => `${resourceId}/${ruleCode}`.slice(0, 160);

/** Opens an issue for every failing rule that has no open issue yet; returns the new ones (their workflows start after commit). */
export async function openIssuesForFailures(m: EntityManager, resource: CatalogResource, runId: string, outcomes: Array<RuleOutcome & { rule: RuleSpec }>): Promise<OpenedIssue[]> {
  const opened: OpenedIssue[] = [];
  for (const o of outcomes) {
    if (!o.failed) continue;
    const openKey = openKeyOf(resource.id, o.code);
    if (await m.getRepository(QualityIssue).existsBy({ openKey })) continue;
    const id = randomUUID();
    const what = o.rule.items.length ? `（${o.rule.items.join('、')}）` : '';
    try {
      await m.getRepository(QualityIssue).insert({
        id, resourceId: resource.id, departmentId: resource.departmentId, regionCode: resource.regionCode, source: QualityIssueSource.INSPECTION,
        reporterDepartmentId: null, description: `质检规则 ${o.code}${what} 未通过：${o.failed}/${o.checked} 条不合格`, status: QualityIssueStatus.OPEN,
        explanation: null, openedAt: new Date(), fixedAt: null, ruleCode: o.code, runId, openKey, affectedIds: o.failingRecordIds, affectedCount: o.failed,
        workingDays: FIX_WORKING_DAYS.INSPECTION, round: 0, createdBy: PROCESS.username,
      });
    } catch (e) {
      if (isDuplicateKey(e)) continue; // another run opened it meanwhile
      throw e;
    }
    opened.push({ id, workingDays: FIX_WORKING_DAYS.INSPECTION });
  }
  return opened;
}

/** Starts the issue's fix workflow (workflow id = issue id: a retry starts nothing new). */
export async function startIssueProcess(temporal: Client, taskQueuePrefix: string, issue: OpenedIssue): Promise<void> {
  await startWorkflowOnce(temporal, refs.qualityIssue, { id: qualityIssueWorkflowId(issue.id), args: [{ issueId: issue.id, workingDays: issue.workingDays }], taskQueuePrefix });
}

/**
 * Starts the fix workflow of every waiting issue whose first round never opened: an issue committed while Temporal was
 * out of reach, or a demo row inserted by the seed. Workflow id = issue id, so one already running is left alone.
 */
export async function resumeIssueProcesses(ds: DataSource, temporal: Client, taskQueuePrefix: string): Promise<number> {
  const waiting = await ds.getRepository(QualityIssue).find({ select: { id: true, workingDays: true }, where: WAITING.map((status) => ({ status, round: 0 })) });
  for (const issue of waiting) await startIssueProcess(temporal, taskQueuePrefix, issue);
  return waiting.length;
}

/** The stored deadline of a round; `calendarVersion` (the workflow's count) says whether it is official, else this process's calendars. */
export function deadlineFields(deadline: Date, calendarVersion?: string | null) {
  const day = chinaDate(deadline.getTime() - 1); // the deadline is 24:00 China time: the day it closes
  return {
    deadline, deadlineDay: day, deadlineOfficial: calendarVersion ? !calendarVersion.startsWith('statutory:') : isOfficialCalendar(day),
    ...(calendarVersion ? { deadlineCalendar: calendarVersion } : {}),
  };
}

async function audit(m: EntityManager, i: QualityIssue, detail: string, actor = PROCESS.username, notify: AuditNotice | null = null) {
  await auditAs({ username: actor, sub: actor, department: i.departmentId, region: i.regionCode }, { action: 'UPDATE', resourceId: i.resourceId, detail, notify },
    { requestId: `quality-issue-${i.id}-${detail.slice(0, 20)}`, source: 'quality', manager: m });
}

// Notices of the fix deadline (issue 14 §4): the source department's administrators fix (`resolveQualityIssue`).
type NoticeOf = Pick<QualityIssue, 'id' | 'departmentId' | 'regionCode'>;
const fixers = (i: NoticeOf): AuditNoticeRecipient[] => [{ departmentId: i.departmentId, role: 'dept-admin' }];
const issueSubject = (i: NoticeOf) => ({ subjectType: 'QualityIssue', subjectId: i.id, link: `/console/quality?id=${i.id}` });
export const fixTaskNotice = (i: NoticeOf, round: number): AuditNotice =>
  ({ kind: 'TASK', title: round > 1 ? `数据质量问题被退回，请重新整改（第${round}轮）` : '数据质量问题待整改', ...issueSubject(i), recipients: fixers(i) });
export const fixReminderNotice = (i: NoticeOf): AuditNotice =>
  ({ kind: 'REMINDER', title: '数据质量问题整改即将到期（剩余1个工作日）', ...issueSubject(i), recipients: fixers(i) });
/** Past the fix deadline: the authority of the region and the late department. */
export const fixEscalationNotice = (i: NoticeOf): AuditNotice =>
  ({ kind: 'ESCALATION', title: '数据质量问题超期未整改', ...issueSubject(i), recipients: [{ regionCode: i.regionCode, role: 'authority' }, ...fixers(i)] });

/** The activities of the issue workflow: each a conditional update on the round, so a retry applies once. */
export function issueSteps(ds: DataSource, config: CommonConfig = commonConfig()) {
  const locked = async <T>(issueId: string, fn: (m: EntityManager, i: QualityIssue) => Promise<T>): Promise<T | undefined> =>
    ds.transaction(async (m) => {
      const i = await m.getRepository(QualityIssue).findOne({ where: { id: issueId }, lock: { mode: 'pessimistic_write' } });
      return i ? fn(m, i) : undefined;
    });
  return {
    /** The loaded official calendars, as a result recorded in the workflow's history. */
    officialCalendars: (atLeast?: { year: number; version: number } | null) => officialCalendarsAtLeast(atLeast),
    async openRound({ issueId, round, deadline, calendarVersion }: { issueId: string; round: number; deadline: string; calendarVersion?: string }): Promise<void> {
      await locked(issueId, async (m, i) => {
        if (i.round >= round) return;
        await m.getRepository(QualityIssue).update({ id: issueId }, { round, ...deadlineFields(new Date(deadline), calendarVersion) });
        await audit(m, i, `round ${round} deadline ${deadline}`, PROCESS.username, fixTaskNotice(i, round));
      });
    },
    async recountRound({ issueId, round, deadline, calendarVersion, previous }: { issueId: string; round: number; deadline: string; calendarVersion: string; previous: string }): Promise<void> {
      // The round's deadline counted again on a newly loaded official calendar: stored (provisional cleared) and recorded once.
      await locked(issueId, async (m, i) => {
        if (i.round !== round || !WAITING.includes(i.status) || (i.deadline?.toISOString() === deadline && i.deadlineCalendar === calendarVersion)) return;
        await m.getRepository(QualityIssue).update({ id: issueId }, deadlineFields(new Date(deadline), calendarVersion));
        await audit(m, i, `round ${round} deadline recounted on ${calendarVersion}: ${deadline} (was ${previous})`);
      });
    },
    async remindRound({ issueId, round, deadline }: { issueId: string; round: number; deadline: string }): Promise<void> {
      // Only while that round still waits for its fix; one record (one notice) per round however often retried.
      const i = await ds.getRepository(QualityIssue).findOneBy({ id: issueId });
      if (!i || i.round !== round || !WAITING.includes(i.status)) return;
      await auditAs({ username: PROCESS.username, sub: PROCESS.sub, department: i.departmentId, region: i.regionCode },
        { action: 'ACCESS', resourceId: i.resourceId, detail: `round ${round} due ${deadline}: reminder one working day ahead`, notify: fixReminderNotice(i) },
        { requestId: `quality-issue-${i.id}-reminder`, source: 'quality', once: `quality-issue-${issueId}:${round}:${deadline}:reminder` });
    },
    async escalateIssue({ issueId, round }: { issueId: string; round: number }): Promise<void> {
      await locked(issueId, async (m, i) => {
        // Once per round (a retry finds it escalated); a reopened round that runs late is escalated again.
        if (i.round !== round || (i.escalatedRound ?? (i.escalatedAt ? i.round : 0)) >= round) return;
        await m.getRepository(QualityIssue).update({ id: issueId }, { overdue: true, escalatedAt: i.escalatedAt ?? new Date(), escalatedRound: round });
        await audit(m, i, `round ${round} overdue: escalated to the authority`, PROCESS.username, fixEscalationNotice(i));
      });
    },
    async verifyByRerun({ issueId }: { issueId: string; round: number }): Promise<{ auto: boolean; passed: boolean; note: string }> {
      const i = await ds.getRepository(QualityIssue).findOneBy({ id: issueId });
      if (!i || !i.ruleCode) return { auto: false, passed: false, note: '' };
      const resource = await fetchCatalogResourceAsPlatform(i.resourceId, config);
      const rule = resource && (await latestRules(ds, i.resourceId)).find((r) => r.code === i.ruleCode && r.active);
      if (!resource || !rule) return { auto: true, passed: true, note: '规则已停用或资源已不在目录中，视为已核验' };
      const { outcomes } = await evaluate(resource, [toSpec(rule)], config);
      const o = outcomes[0];
      const affected = new Set(i.affectedIds ?? []);
      const complete = affected.size > 0 && (i.affectedCount ?? 0) <= MAX_FAILING_IDS && o.failed <= MAX_FAILING_IDS;
      const still = complete ? o.failingRecordIds.filter((id) => affected.has(id)).length : o.failed;
      return still === 0
        ? { auto: true, passed: true, note: `平台复检通过：规则 ${i.ruleCode} 在原不合格记录上不再失败` }
        : { auto: true, passed: false, note: `平台复检未通过：规则 ${i.ruleCode} 仍有 ${still} 条不合格` };
    },
    async closeRound({ issueId, round, passed, note, actor }: { issueId: string; round: number; passed: boolean; note: string; actor: string }): Promise<void> {
      await locked(issueId, async (m, i) => {
        if (i.round !== round || i.status !== QualityIssueStatus.FIXED) return;
        const repo = m.getRepository(QualityIssue);
        if (passed) await repo.update({ id: issueId }, { status: QualityIssueStatus.VERIFIED, verifiedAt: new Date(), openKey: null, outcomeNote: note });
        else await repo.update({ id: issueId }, { status: QualityIssueStatus.REOPENED, reopenCount: i.reopenCount + 1, openedAt: new Date(), fixedAt: null, outcomeNote: note });
        await audit(m, i, `round ${round} ${passed ? 'VERIFIED' : 'REOPENED'}`, actor);
      });
    },
  };
}
