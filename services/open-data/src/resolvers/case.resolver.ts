// Complaints and feedback (003 §17, §24): a registered public user files; the publisher suspends a complained-of
// dataset at once, verifies and answers within 10 working days (workflow `open-data-case-<id>` keeps the clock).
import {
  ConnectionType, ForbiddenError, PageArgs, callSubgraphAsService, canAccessDepartment, coveredRegionSql, hasRole, paginate, requireUser, startWorkflowOnce,
  type User,
} from '@gov/kit';
import { isOfficialCalendar } from '@gov/working-days';
import { openDataCaseAnsweredSignal, openDataCaseWorkflowId, refs } from '@gov/workflows';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { OpenDataContext } from '../context';
import { answerCase, caseOrFail, fileCase, suspendOnComplaint } from '../domain/cases';
import { OpenDataCase, OpenDataCaseCategory, OpenDataCaseType } from '../entities/open-data-case';
import { OpenDataset } from '../entities/open-dataset';
import { OpenDataCaseAnswerInput, OpenDataCaseInput } from './case.input';

const CaseConnection = ConnectionType(OpenDataCase, 'OpenDataCase');

export function canReadCase(user: User, c: Pick<OpenDataCase, 'submitterSub' | 'publisherDepartmentId' | 'regionCode'>): boolean {
  return c.submitterSub === user.sub || canAccessDepartment(user, { departmentId: c.publisherDepartmentId, regionCode: c.regionCode }, 'read');
}

function assertPublisher(user: User, c: OpenDataCase): void {
  if (user.department !== c.publisherDepartmentId) throw new ForbiddenError('only the publisher department handles complaints and feedback on its datasets');
}

const REPORT_FLAG = 'mutation($input: FlaggedRecordInput!) { reportFlaggedRecord(input: $input) { id } }';
/** Portal feedback reaches quality as a report relayed by the big-data centre that runs the open portal. */
const PORTAL_OPERATOR_DEPARTMENT = (region: string) => `${region.slice(0, 4)}00-dsjzx`;
const WRONG_DATA = [OpenDataCaseCategory.POOR_QUALITY, OpenDataCaseCategory.ERROR_OR_OMISSION];

@Resolver(() => OpenDataCase)
export class OpenDataCaseResolver {
  private async file(type: OpenDataCaseType, input: OpenDataCaseInput, ctx: OpenDataContext): Promise<OpenDataCase> {
    const user = requireUser(ctx);
    const { c } = await fileCase(ctx.ds, user, { type, ...input }, (e, m) => ctx.audit(e, m));
    // Started on a retry too: the first attempt may have failed between the insert and the start.
    await startWorkflowOnce(ctx.temporal, refs.openDataCase, { id: openDataCaseWorkflowId(c.id), args: [{ caseId: c.id }], taskQueuePrefix: ctx.taskQueuePrefix });
    return c;
  }

  @Authorized('public')
  @Mutation(() => OpenDataCase, { description: 'a registered public user complains that a dataset infringes privacy or a trade secret (003 §17)' })
  complainAboutOpenDataset(@Arg('input', () => OpenDataCaseInput) input: OpenDataCaseInput, @Ctx() ctx: OpenDataContext): Promise<OpenDataCase> {
    return this.file(OpenDataCaseType.COMPLAINT, input, ctx);
  }

  @Authorized('public')
  @Mutation(() => OpenDataCase, { description: 'feedback on a wrong open attribute, poor quality, errors or omissions, unlawful content (003 §24); wrong data also opens a quality issue' })
  async giveOpenDataFeedback(@Arg('input', () => OpenDataCaseInput) input: OpenDataCaseInput, @Ctx() ctx: OpenDataContext): Promise<OpenDataCase> {
    const c = await this.file(OpenDataCaseType.FEEDBACK, input, ctx);
    if (WRONG_DATA.includes(c.category) && !c.qualityIssueId) {
      const d = await ctx.ds.getRepository(OpenDataset).findOneBy({ id: c.datasetId });
      if (d?.resourceId) {
        // The case id is the flag id: a retried feedback opens one quality issue.
        const issue = await callSubgraphAsService<{ reportFlaggedRecord: { id: string } }>('quality', REPORT_FLAG, {
          input: {
            flagId: c.id, resourceId: d.resourceId, departmentId: d.publisherDepartmentId, regionCode: d.regionCode,
            reporterDepartmentId: PORTAL_OPERATOR_DEPARTMENT(d.regionCode), description: `开放平台公众反馈（${c.category}）：${c.description}`.slice(0, 2000),
          },
        }, ctx.config);
        await ctx.ds.getRepository(OpenDataCase).update({ id: c.id }, { qualityIssueId: issue.reportFlaggedRecord.id });
        return caseOrFail(ctx.ds, c.id);
      }
    }
    return c;
  }

  @Authorized('dept-admin', 'dept-approver')
  @Mutation(() => OpenDataCase, { description: 'the publisher suspends the complained-of dataset at once: downloads and the API stop now (003 §17)' })
  async suspendOpenDatasetOnComplaint(@Arg('id', () => ID) id: string, @Ctx() ctx: OpenDataContext): Promise<OpenDataCase> {
    const user = requireUser(ctx);
    const c = await caseOrFail(ctx.ds, id);
    assertPublisher(user, c);
    return suspendOnComplaint(ctx.ds, c, (e, m) => ctx.audit(e, m));
  }

  @Authorized('dept-admin', 'dept-approver')
  @Mutation(() => OpenDataCase, { description: 'the publisher answers within 10 working days; a complaint with TERMINATE / RESTORE / RESTORE_AFTER_PROCESSING (003 §17)' })
  async answerOpenDataCase(@Arg('input', () => OpenDataCaseAnswerInput) input: OpenDataCaseAnswerInput, @Ctx() ctx: OpenDataContext): Promise<OpenDataCase> {
    const user = requireUser(ctx);
    const c = await caseOrFail(ctx.ds, input.id);
    assertPublisher(user, c);
    const { c: answered, changed } = await answerCase(ctx.ds, c, user.username, input.answer.trim(), input.outcome ?? null, (e, m) => ctx.audit(e, m));
    // The clock stops. The answer is recorded already: a lost signal only means the process ends at its deadline instead.
    if (changed) {
      await ctx.temporal.workflow.getHandle(openDataCaseWorkflowId(c.id)).signal(openDataCaseAnsweredSignal)
        .catch((err: unknown) => ctx.logger.warn({ err }, 'answered-signal not delivered'));
    }
    return answered;
  }

  @Authorized()
  @Query(() => OpenDataCase, { nullable: true, description: "one complaint or feedback: its submitter, or a reader of the publisher department's business" })
  async openDataCase(@Arg('id', () => ID) id: string, @Ctx() ctx: OpenDataContext): Promise<OpenDataCase | null> {
    const user = requireUser(ctx);
    const c = await ctx.ds.getRepository(OpenDataCase).findOneBy({ id });
    if (!c) return null;
    if (!canReadCase(user, c)) throw new ForbiddenError(`not allowed to read case ${id}`);
    await ctx.audit({ action: 'QUERY', resourceId: c.datasetId, items: ['openDataCase'], detail: `case ${c.id}` });
    return c;
  }

  @Authorized()
  @Query(() => CaseConnection, { description: "complaints and feedback the caller may see: a public user's own; a department's; covering oversight" })
  async openDataCases(
    @Arg('overdueOnly', () => Boolean, { defaultValue: false }) overdueOnly: boolean,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: OpenDataContext,
  ) {
    const user = requireUser(ctx);
    const qb = ctx.ds.getRepository(OpenDataCase).createQueryBuilder('c');
    if (!user.isService) {
      // The same rule as canReadCase, as SQL.
      const clauses = ['c.submitterSub = :sub', 'c.publisherDepartmentId = :dept'];
      const params: Record<string, string> = { sub: user.sub, dept: user.department ?? '-' };
      if (user.region && hasRole(user, 'authority', 'platform-operator', 'assessor')) {
        const covered = coveredRegionSql('c.regionCode', user.region, 'caseRegion');
        clauses.push(covered.sql);
        Object.assign(params, covered.params);
      }
      qb.andWhere(`(${clauses.join(' OR ')})`, params);
    }
    if (overdueOnly) qb.andWhere('c.overdue = TRUE');
    const conn = await paginate(qb, page);
    await ctx.audit({ action: 'QUERY', items: ['openDataCase'], detail: `rows=${conn.edges.length}` });
    return conn;
  }

  @FieldResolver(() => Boolean, { nullable: true, description: 'whether the deadline falls in a year of the official State Council calendar (else provisional)' })
  deadlineCalendarOfficial(@Root() c: OpenDataCase): boolean | null {
    return c.answerDeadline ? isOfficialCalendar(c.answerDeadline) : null;
  }
}
