// Use records and periodic risk reports of approved conditional applicants (003 §16, §25), and the publisher's
// suspension of an applicant's access when a report is overdue (003 §35).
import { ForbiddenError, requireUser } from '@gov/kit';
import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { OpenDataContext } from '../context';
import { applicationOrFail } from '../domain/applications';
import { fileUseReport, restoreAccess, riskReportDue, suspendAccess } from '../domain/use-reports';
import { OpenDataApplication } from '../entities/open-data-application';
import { OpenDataUseReport, OpenDataUseReportKind } from '../entities/open-data-use-report';
import { canReadApplication } from './application.resolver';
import { OpenDataAccessSuspensionInput, OpenDataRiskReportInput, OpenDataUseInput } from './use-report.input';

@Resolver(() => OpenDataApplication)
export class OpenDataUseReportResolver {
  @Authorized('public')
  @Mutation(() => OpenDataUseReport, { description: 'the approved applicant records its use of the data (003 §16); a retry with the same key returns the first' })
  recordOpenDataUse(@Arg('input', () => OpenDataUseInput) input: OpenDataUseInput, @Ctx() ctx: OpenDataContext): Promise<OpenDataUseReport> {
    const { applicationId, idempotencyKey, ...f } = input;
    return fileUseReport(ctx.ds, requireUser(ctx), applicationId, idempotencyKey, { kind: OpenDataUseReportKind.USE, ...f }, (e, m) => ctx.audit(e, m));
  }

  @Authorized('public')
  @Mutation(() => OpenDataUseReport, { description: 'the approved applicant files its periodic risk assessment report to the publisher (003 §25)' })
  fileOpenDataRiskReport(@Arg('input', () => OpenDataRiskReportInput) input: OpenDataRiskReportInput, @Ctx() ctx: OpenDataContext): Promise<OpenDataUseReport> {
    const { applicationId, idempotencyKey, ...f } = input;
    return fileUseReport(ctx.ds, requireUser(ctx), applicationId, idempotencyKey, { kind: OpenDataUseReportKind.RISK, ...f }, (e, m) => ctx.audit(e, m));
  }

  @Authorized('dept-approver', 'dept-admin')
  @Mutation(() => OpenDataApplication, { description: 'the publisher requires rectification and suspends the access once a risk report is overdue (003 §35)' })
  suspendOpenDataAccess(@Arg('input', () => OpenDataAccessSuspensionInput) input: OpenDataAccessSuspensionInput, @Ctx() ctx: OpenDataContext): Promise<OpenDataApplication> {
    return suspendAccess(ctx.ds, requireUser(ctx), input.applicationId, input.reason.trim(), ctx.config.riskReportWorkingDays, (e, m) => ctx.audit(e, m));
  }

  @Authorized('dept-approver', 'dept-admin')
  @Mutation(() => OpenDataApplication, { description: 'the publisher restores the access after the rectification is reported (a risk report since the suspension)' })
  restoreOpenDataAccess(@Arg('applicationId', () => ID) applicationId: string, @Ctx() ctx: OpenDataContext): Promise<OpenDataApplication> {
    return restoreAccess(ctx.ds, requireUser(ctx), applicationId, (e, m) => ctx.audit(e, m));
  }

  @Authorized()
  @Query(() => [OpenDataUseReport], { description: "an application's use records and risk reports, newest first: the applicant, the publisher department, covering oversight" })
  async openDataUseReports(@Arg('applicationId', () => ID) applicationId: string, @Ctx() ctx: OpenDataContext): Promise<OpenDataUseReport[]> {
    const user = requireUser(ctx);
    const a = await applicationOrFail(ctx.ds, applicationId);
    if (!canReadApplication(user, a)) throw new ForbiddenError(`not allowed to read the reports of application ${applicationId}`);
    const reports = await ctx.ds.getRepository(OpenDataUseReport).find({ where: { applicationId }, order: { createdAt: 'DESC' }, take: 500 });
    await ctx.audit({ action: 'QUERY', resourceId: a.datasetId, items: ['openDataUseReport'], detail: `application ${a.id} rows=${reports.length}` });
    return reports;
  }

  @FieldResolver(() => Date, { nullable: true, description: 'when the next risk report falls due (003 §25): the end of that working day in China; null unless approved' })
  riskReportDue(@Root() a: OpenDataApplication, @Ctx() ctx: OpenDataContext): Date | null {
    return riskReportDue(a, ctx.config.riskReportWorkingDays)?.due ?? null;
  }

  @FieldResolver(() => Boolean, { nullable: true, description: 'whether that due date falls in a year of the official State Council calendar (else provisional)' })
  riskReportDueCalendarOfficial(@Root() a: OpenDataApplication, @Ctx() ctx: OpenDataContext): boolean | null {
    return riskReportDue(a, ctx.config.riskReportWorkingDays)?.official ?? null;
  }

  @FieldResolver(() => Boolean, { description: 'the risk report is past its due date: the publisher may suspend the access (003 §35)' })
  riskReportOverdue(@Root() a: OpenDataApplication, @Ctx() ctx: OpenDataContext): boolean {
    return riskReportDue(a, ctx.config.riskReportWorkingDays)?.overdue ?? false;
  }
}
