// Conditional open-data applications (000 §21, 003 §26): a registered public user applies; the publisher department's
// approver decides within 7 working days (workflow `open-data-application-<id>`); the authority sees overdue ones.
import {
  BadUserInputError, ConnectionType, ForbiddenError, PageArgs, awaitWorkflowEffect, canAccessDepartment, hasRole, paginate, requireUser, startWorkflowOnce,
  coveredRegionSql, Deadline, deadlineOf, type User,
} from '@gov/kit';
import { isOfficialCalendar } from '@gov/working-days';
import { OPEN_DATA_DECISION_WORKING_DAYS, openDataDecisionSignal, openDataApplicationWorkflowId, refs } from '@gov/workflows';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { OpenDataContext } from '../context';
import { applicationOrFail, createApplication } from '../domain/applications';
import { OpenDataApplication, OpenDataApplicationStatus } from '../entities/open-data-application';
import { OpenDataset } from '../entities/open-dataset';
import { OpenDataApplicationInput, OpenDataDecisionInput } from './application.input';
import { OpenDataDecisionResult } from './application.types';
import { canReadDataset } from './visibility';

const ApplicationConnection = ConnectionType(OpenDataApplication, 'OpenDataApplication');

/** The applicant, and whoever reads the publisher department's business (kit's department read rule). */
export function canReadApplication(user: User, a: Pick<OpenDataApplication, 'applicantSub' | 'publisherDepartmentId' | 'regionCode'>): boolean {
  return a.applicantSub === user.sub || canAccessDepartment(user, { departmentId: a.publisherDepartmentId, regionCode: a.regionCode }, 'read');
}

@Resolver(() => OpenDataApplication)
export class OpenDataApplicationResolver {
  @Authorized('public')
  @Mutation(() => OpenDataApplication, { description: 'a registered public user applies for a conditionally open dataset (000 §21); a retry with the same key returns the first' })
  async applyForOpenData(@Arg('input', () => OpenDataApplicationInput) input: OpenDataApplicationInput, @Ctx() ctx: OpenDataContext): Promise<OpenDataApplication> {
    const user = requireUser(ctx);
    const { application } = await createApplication(ctx.ds, user, input, (e, m) => ctx.audit(e, m));
    // Started on a retry too: the first attempt may have failed between the insert and the start.
    await startWorkflowOnce(ctx.temporal, refs.openDataApplication, {
      id: openDataApplicationWorkflowId(application.id), args: [{ applicationId: application.id }], taskQueuePrefix: ctx.taskQueuePrefix,
    });
    return application;
  }

  @Authorized('dept-approver', 'dept-admin')
  @Mutation(() => OpenDataDecisionResult, { description: "the publisher department decides; a refusal gives its reasons (000 §21). decisionPending: queued for the workflow" })
  async decideOpenDataApplication(@Arg('input', () => OpenDataDecisionInput) input: OpenDataDecisionInput, @Ctx() ctx: OpenDataContext): Promise<OpenDataDecisionResult> {
    const user = requireUser(ctx);
    const a = await applicationOrFail(ctx.ds, input.id);
    if (user.department !== a.publisherDepartmentId) throw new ForbiddenError('only the publisher department decides its applications');
    if (!input.approve && !input.reason?.trim()) throw BadUserInputError.field('reason', 'a refusal states its reasons (000 §21)');
    if (a.status !== OpenDataApplicationStatus.SUBMITTED) {
      await ctx.audit({ action: 'APPROVE', resourceId: a.datasetId, detail: `open data application ${a.id} already ${a.status}: nothing changed` });
      return { application: a, decisionPending: false };
    }
    await ctx.temporal.workflow.getHandle(openDataApplicationWorkflowId(a.id))
      .signal(openDataDecisionSignal, { approve: input.approve, actor: user.username, reason: input.reason?.trim() || null });
    const effect = await awaitWorkflowEffect(() => applicationOrFail(ctx.ds, a.id), (v) => v.status !== OpenDataApplicationStatus.SUBMITTED);
    await ctx.audit({ action: 'APPROVE', resourceId: a.datasetId, detail: `open data application ${a.id} decision sent: ${input.approve ? 'approve' : 'refuse'}${effect.pending ? ' (queued)' : ''}`,
      done: { type: 'OPEN_DATA_DECISION', id: a.id, title: `${a.applicantName} 申请有条件开放数据（${a.demandType}）`, departmentId: a.publisherDepartmentId, regionCode: a.regionCode, outcome: input.approve ? 'APPROVED' : 'REFUSED' } });
    return { application: effect.value, decisionPending: effect.pending };
  }

  @Authorized()
  @Query(() => OpenDataApplication, { nullable: true, description: 'one application: the applicant, the publisher department, the covering authority' })
  async openDataApplication(@Arg('id', () => ID) id: string, @Ctx() ctx: OpenDataContext): Promise<OpenDataApplication | null> {
    const user = requireUser(ctx);
    const a = await ctx.ds.getRepository(OpenDataApplication).findOneBy({ id });
    if (!a) return null;
    if (!canReadApplication(user, a)) throw new ForbiddenError(`not allowed to read application ${id}`);
    await ctx.audit({ action: 'QUERY', resourceId: a.datasetId, items: ['openDataApplication'], detail: `application ${a.id}` });
    return a;
  }

  @Authorized()
  @Query(() => ApplicationConnection, { description: "applications the caller may see: a public user's own; a department's to decide; overdue ones for the covering authority" })
  async openDataApplications(
    @Arg('overdueOnly', () => Boolean, { defaultValue: false }) overdueOnly: boolean,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: OpenDataContext,
  ) {
    const user = requireUser(ctx);
    const qb = ctx.ds.getRepository(OpenDataApplication).createQueryBuilder('a');
    if (!user.isService) {
      // The same rule as canReadApplication, as SQL.
      const clauses = ['a.applicantSub = :sub', 'a.publisherDepartmentId = :dept'];
      const params: Record<string, string> = { sub: user.sub, dept: user.department ?? '-' };
      if (user.region && hasRole(user, 'authority', 'platform-operator', 'assessor')) {
        const covered = coveredRegionSql('a.regionCode', user.region, 'appRegion');
        clauses.push(covered.sql);
        Object.assign(params, covered.params);
      }
      qb.andWhere(`(${clauses.join(' OR ')})`, params);
    }
    if (overdueOnly) qb.andWhere('a.overdue = TRUE');
    const conn = await paginate(qb, page);
    await ctx.audit({ action: 'QUERY', items: ['openDataApplication'], detail: `rows=${conn.edges.length}` });
    return conn;
  }

  @FieldResolver(() => Boolean, { nullable: true, description: 'whether the deadline falls in a year of the official State Council calendar (else provisional)' })
  deadlineCalendarOfficial(@Root() a: OpenDataApplication): boolean | null {
    return a.decisionDeadline ? isOfficialCalendar(a.decisionDeadline) : null;
  }

  @FieldResolver(() => Deadline, { nullable: true, description: "the publisher's 7-working-day decision deadline (000 §21) and the calendar it was counted on" })
  deadline(@Root() a: OpenDataApplication): Deadline | null {
    const open = a.status === OpenDataApplicationStatus.SUBMITTED;
    return deadlineOf(a.decisionDeadline, { workingDays: OPEN_DATA_DECISION_WORKING_DAYS, version: a.decisionCalendar, overdue: open && (a.overdue || (a.decisionDeadline?.getTime() ?? Infinity) < Date.now()) });
  }

  @FieldResolver(() => OpenDataset, { nullable: true })
  async dataset(@Root() a: OpenDataApplication, @Ctx() ctx: OpenDataContext): Promise<OpenDataset | null> {
    const d = await ctx.ds.getRepository(OpenDataset).findOneBy({ id: a.datasetId });
    return d && canReadDataset(ctx.user, d) ? d : null;
  }
}
