import { randomUUID } from 'node:crypto';
import {
  awaitWorkflowEffect, BadUserInputError, ConflictError, ConnectionType, ForbiddenError, hasRole, NotFoundError, PageArgs, paginate, regionCovers,
  regionOfDepartment, requireUser, STAFF, Deadline, deadlineOf,
} from '@gov/kit';
import { FIX_WORKING_DAYS, issueFixedSignal, issueVerdictSignal, qualityIssueWorkflowId } from '@gov/workflows';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { QualityContext } from '../context';
import { QualityIssueSource, QualityIssueStatus } from '../entities/enums';
import { QualityIssue } from '../entities/quality-issue';
import { DataResource, Department } from '../entities/refs';
import { fetchCatalogResource } from '../domain/catalog';
import { startIssueProcess, WAITING } from '../domain/issues';
import { issueOpenedNotice, issueVerdictNotice, issueVerifyNotice } from '../domain/notices';
import { FlaggedRecordInput, QualityIssueFilter, QualityIssueInput, ResolveQualityIssueArgs, VerifyQualityIssueArgs } from './quality-issue.input';
import { QualityIssueDecision } from './quality-issue.types';
import { checkReport, checkText } from '../domain/rules';
import { canReadIssue, restrictToReadable } from './visibility';

const QualityIssueConnection = ConnectionType(QualityIssue, 'QualityIssue');

@Resolver(() => QualityIssue)
export class QualityIssueResolver {
  @Authorized(...STAFF)
  @Query(() => QualityIssue, { nullable: true, description: 'one quality issue, if the caller may read it' })
  async qualityIssue(@Arg('id', () => ID) id: string, @Ctx() ctx: QualityContext): Promise<QualityIssue | null> {
    const i = await ctx.ds.getRepository(QualityIssue).findOneBy({ id });
    if (!i) return null;
    if (!canReadIssue(requireUser(ctx), i)) throw new ForbiddenError(`not allowed to read quality issue ${id}`);
    await ctx.audit({ action: 'ACCESS', resourceId: i.resourceId, items: ['qualityIssue'], detail: `qualityIssue ${i.id}` });
    return i;
  }

  @Authorized(...STAFF)
  @Query(() => QualityIssueConnection, { description: 'quality issues the caller may read (source, reporter or oversight), newest first' })
  async qualityIssues(
    @Arg('filter', () => QualityIssueFilter, { nullable: true }) filter: QualityIssueFilter | null,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: QualityContext,
  ) {
    const qb = restrictToReadable(ctx.ds.getRepository(QualityIssue).createQueryBuilder('q'), requireUser(ctx));
    if (filter?.status) qb.andWhere('q.status = :fStatus', { fStatus: filter.status });
    if (filter?.departmentId) qb.andWhere('q.departmentId = :fDept', { fDept: filter.departmentId });
    if (filter?.resourceId) qb.andWhere('q.resourceId = :fRes', { fRes: filter.resourceId });
    if (filter?.overdue != null) qb.andWhere('q.overdue = :fOver', { fOver: filter.overdue });
    const conn = await paginate(qb, page);
    await ctx.audit({ action: 'QUERY', items: ['qualityIssue'], detail: `rows=${conn.edges.length}` });
    return conn;
  }

  @Authorized('platform-operator', 'dept-user', 'dept-admin')
  @Mutation(() => QualityIssue, { description: 'the platform operator (inspection, 3 working days) or a consuming department (5) flags doubtful data to its source department' })
  async reportQualityIssue(@Arg('input', () => QualityIssueInput) input: QualityIssueInput, @Ctx() ctx: QualityContext): Promise<QualityIssue> {
    const user = requireUser(ctx);
    checkText('description', input.description);
    const resource = await fetchCatalogResource(input.resourceId, user.token);
    const { source, reporterDepartmentId } = checkReport(input, resource, user);
    const workingDays = FIX_WORKING_DAYS[source];
    const issue = await ctx.ds.transaction(async (m) => {
      const id = randomUUID();
      await m.getRepository(QualityIssue).insert({
        id, resourceId: resource!.id, departmentId: resource!.departmentId, regionCode: resource!.regionCode, source, reporterDepartmentId,
        description: input.description.trim(), status: QualityIssueStatus.OPEN, explanation: null, openedAt: new Date(), fixedAt: null,
        workingDays, round: 0, createdBy: user.username,
      });
      await ctx.audit({ action: 'COLLECT', resourceId: resource!.id, detail: `quality issue ${id} reported (${source})`, notify: issueOpenedNotice({ id, departmentId: resource!.departmentId, regionCode: resource!.regionCode }) }, m);
      return m.getRepository(QualityIssue).findOneByOrFail({ id });
    });
    await startIssueProcess(ctx.temporal, ctx.taskQueuePrefix, { id: issue.id, workingDays });
    return issue;
  }

  @Authorized('service')
  @Mutation(() => QualityIssue, { description: 'service-only: sharing reports a record a consumer flagged (004 §24: 5 working days); the flag id is the issue id, so a retry is harmless' })
  async reportFlaggedRecord(@Arg('input', () => FlaggedRecordInput) input: FlaggedRecordInput, @Ctx() ctx: QualityContext): Promise<QualityIssue> {
    const user = requireUser(ctx);
    if (regionOfDepartment(input.departmentId) !== input.regionCode) throw BadUserInputError.field('regionCode', 'not the region of the source department');
    const repo = ctx.ds.getRepository(QualityIssue);
    if (!(await repo.existsBy({ id: input.flagId }))) {
      await ctx.ds.transaction(async (m) => {
        await m.getRepository(QualityIssue).insert({
          id: input.flagId, resourceId: input.resourceId, departmentId: input.departmentId, regionCode: input.regionCode,
          source: QualityIssueSource.CONSUMER, reporterDepartmentId: input.reporterDepartmentId, description: input.description.trim(),
          status: QualityIssueStatus.OPEN, explanation: null, openedAt: new Date(), fixedAt: null, workingDays: FIX_WORKING_DAYS.CONSUMER, round: 0,
          createdBy: user.username,
        });
        await ctx.audit({ action: 'COLLECT', resourceId: input.resourceId, detail: `quality issue ${input.flagId} from a consumer flag`, notify: issueOpenedNotice({ id: input.flagId, ...input }) }, m);
      }).catch(async (e) => { if (!(await repo.existsBy({ id: input.flagId }))) throw e; });
    } else {
      await ctx.audit({ action: 'COLLECT', resourceId: input.resourceId, detail: `quality issue ${input.flagId} already reported` });
    }
    await startIssueProcess(ctx.temporal, ctx.taskQueuePrefix, { id: input.flagId, workingDays: FIX_WORKING_DAYS.CONSUMER });
    return repo.findOneByOrFail({ id: input.flagId });
  }

  @Authorized('dept-admin')
  @Mutation(() => QualityIssue, { description: "the source department's administrator explains or fixes the data (OPEN/REOPENED -> FIXED); the platform then verifies; repeating it is harmless" })
  async resolveQualityIssue(@Args(() => ResolveQualityIssueArgs) { id, explanation }: ResolveQualityIssueArgs, @Ctx() ctx: QualityContext): Promise<QualityIssue> {
    const user = requireUser(ctx);
    checkText('explanation', explanation);
    const { issue, changed } = await ctx.ds.transaction(async (m) => {
      const repo = m.getRepository(QualityIssue);
      const i = await repo.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!i) throw new NotFoundError('QualityIssue', id);
      if (user.department !== i.departmentId) throw new ForbiddenError('only the source department fixes its data');
      if (i.status === QualityIssueStatus.FIXED) {
        await ctx.audit({ action: 'UPDATE', resourceId: i.resourceId, detail: `quality issue ${id} already fixed` }, m);
        return { issue: i, changed: false };
      }
      if (!WAITING.includes(i.status)) throw new ConflictError(`a ${i.status} quality issue cannot be fixed again`);
      await repo.update({ id }, { status: QualityIssueStatus.FIXED, explanation: explanation.trim(), fixedAt: new Date() });
      // A rule re-checks an inspection issue by itself; any other waits for the platform operator's verdict.
      await ctx.audit({ action: 'UPDATE', resourceId: i.resourceId, detail: `quality issue ${id} fixed (round ${Math.max(1, i.round)})`, notify: i.ruleCode ? null : issueVerifyNotice(i),
        done: { type: 'QUALITY_FIX', id, stage: i.status, title: `数据质量问题：${i.description.slice(0, 60)}`, departmentId: i.departmentId, regionCode: i.regionCode, outcome: 'FIXED' } }, m);
      return { issue: await repo.findOneByOrFail({ id }), changed: true };
    });
    // The workflow verifies next: it re-runs the failing rule, or waits for the operator's verdict.
    if (changed) {
      await startIssueProcess(ctx.temporal, ctx.taskQueuePrefix, { id, workingDays: issue.workingDays });
      await ctx.temporal.workflow.getHandle(qualityIssueWorkflowId(id)).signal(issueFixedSignal, { round: Math.max(1, issue.round), actor: user.username });
    }
    return issue;
  }

  @Authorized('platform-operator')
  @Mutation(() => QualityIssueDecision, { description: "the platform verifies a fixed issue that no rule can re-check (a consumer's flag or a report): VERIFIED, or REOPENED with a new deadline" })
  async verifyQualityIssue(@Args(() => VerifyQualityIssueArgs) { id, accepted, note }: VerifyQualityIssueArgs, @Ctx() ctx: QualityContext): Promise<QualityIssueDecision> {
    const user = requireUser(ctx);
    checkText('note', note);
    const repo = ctx.ds.getRepository(QualityIssue);
    const i = await repo.findOneBy({ id });
    if (!i) throw new NotFoundError('QualityIssue', id);
    if (!hasRole(user, 'platform-operator') || !user.region || !regionCovers(user.region, i.regionCode)) throw new ForbiddenError('the platform operator of a covering region verifies');
    if (i.ruleCode) throw new ConflictError('this issue is verified by re-running its rule');
    if (i.status !== QualityIssueStatus.FIXED) throw new ConflictError(`a ${i.status} quality issue waits for no verification`);
    await ctx.audit({ action: 'APPROVE', resourceId: i.resourceId, detail: `quality issue ${id} round ${i.round} ${accepted ? 'verified' : 'fix refused'}`, notify: issueVerdictNotice(i, accepted),
      done: { type: 'QUALITY_VERIFY', id, stage: i.status, title: `核验整改：${i.description.slice(0, 60)}`, departmentId: i.departmentId, regionCode: i.regionCode, outcome: accepted ? 'VERIFIED' : 'REOPENED' } });
    await ctx.temporal.workflow.getHandle(qualityIssueWorkflowId(id)).signal(issueVerdictSignal, { round: i.round, accepted, actor: user.username, note: note.trim() });
    const { value, pending } = await awaitWorkflowEffect(() => repo.findOneByOrFail({ id }), (r) => r.status !== QualityIssueStatus.FIXED);
    return { issue: value, pending };
  }

  @FieldResolver(() => DataResource, { nullable: true, description: 'the catalog entry concerned (null if the caller may not read it)' })
  resource(@Root() i: QualityIssue): DataResource {
    return { id: i.resourceId };
  }

  @FieldResolver(() => Department, { description: 'the source department that must fix it' })
  department(@Root() i: QualityIssue): Department {
    return { id: i.departmentId };
  }

  @FieldResolver(() => Deadline, { nullable: true, description: "the current round's fix deadline and the calendar it was counted on (provisional until that year's official calendar is loaded)" })
  fixDeadline(@Root() i: QualityIssue): Deadline | null {
    const open = (WAITING as readonly string[]).includes(i.status);
    return deadlineOf(i.deadline, { workingDays: i.workingDays, version: i.deadlineCalendar, overdue: open && (i.overdue || (i.deadline?.getTime() ?? Infinity) < Date.now()) });
  }

  @FieldResolver(() => Boolean, { description: 'true while the issue is open: citizens who bring valid papers are still served (000 §15)' })
  citizensWithValidPapersServed(@Root() i: QualityIssue): boolean {
    return i.status !== QualityIssueStatus.VERIFIED;
  }
}
