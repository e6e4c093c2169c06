// Assessment runs: the authority runs and publishes; the authority and assessors of a covering region read every
// version; a department reads its own result of the published version only.
import { ForbiddenError, NotFoundError, regionOfDepartment, requireUser, STAFF, BadUserInputError } from '@gov/kit';
import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { AssessmentContext } from '../context';
import { periodOrFail, publishedRunOf, publishRun, startRun } from '../domain/runs';
import { runWorkbook } from '../domain/export';
import { runPdf } from '../domain/pdf';
import { AssessmentResult, AssessmentRun } from '../entities/assessment-run';
import { AssessmentExport, PublishedAssessment } from './assessment-run.types';
import { ASSESSMENT_READERS, assertPeriodAuthority, canReadAssessmentOf, isOwnDepartment } from './visibility';

async function readableRun(ctx: AssessmentContext, id: string): Promise<AssessmentRun> {
  const run = await ctx.ds.getRepository(AssessmentRun).findOneBy({ id });
  if (!run) throw new NotFoundError('assessment run', id);
  if (!canReadAssessmentOf(requireUser(ctx), run.regionCode)) throw new ForbiddenError(`not allowed to read assessment run ${id}`);
  return run;
}

@Resolver(() => AssessmentRun)
export class AssessmentRunResolver {
  @Authorized('authority')
  @Mutation(() => AssessmentRun, { description: 'computes a new version of the period\'s assessment (a Temporal workflow); the answer is RUNNING until it is stored' })
  async runAssessment(
    @Arg('periodId', () => ID) periodId: string,
    @Arg('idempotencyKey', () => String, { nullable: true, description: 'a retried call with the same key returns the same run' }) idempotencyKey: string | null | undefined,
    @Ctx() ctx: AssessmentContext,
  ): Promise<AssessmentRun> {
    const user = requireUser(ctx);
    const p = await periodOrFail(ctx.ds.manager, periodId);
    assertPeriodAuthority(user, p.regionCode);
    const key = idempotencyKey ?? null; // an omitted variable arrives as undefined
    if (key !== null && (key.length < 1 || key.length > 64)) throw BadUserInputError.field('idempotencyKey', 'must be 1 to 64 characters');
    return startRun(ctx.ds, ctx.temporal, ctx.taskQueuePrefix, p, user.username, key, (e, m) => ctx.audit(e, m));
  }

  @Authorized('authority')
  @Mutation(() => AssessmentRun, { description: 'publishes one completed version of the period (the previous published one is withdrawn); departments then see their own' })
  async publishAssessmentRun(@Arg('id', () => ID) id: string, @Ctx() ctx: AssessmentContext): Promise<AssessmentRun> {
    const run = await ctx.ds.getRepository(AssessmentRun).findOneBy({ id });
    if (!run) throw new NotFoundError('assessment run', id);
    assertPeriodAuthority(requireUser(ctx), run.regionCode);
    return publishRun(ctx.ds, run, requireUser(ctx).username, (e, m) => ctx.audit(e, m));
  }

  @Authorized(...ASSESSMENT_READERS)
  @Query(() => AssessmentRun, { description: 'one version of an assessment with its ranking (authority / assessor of a covering region)' })
  async assessmentRun(@Arg('id', () => ID) id: string, @Ctx() ctx: AssessmentContext): Promise<AssessmentRun> {
    const run = await readableRun(ctx, id);
    await ctx.audit({ action: 'QUERY', resourceId: id, items: ['assessmentRun'], detail: `version ${run.version}` });
    return run;
  }

  @Authorized(...ASSESSMENT_READERS)
  @Query(() => [AssessmentRun], { description: 'every version of a period, newest first' })
  async assessmentRuns(@Arg('periodId', () => ID) periodId: string, @Ctx() ctx: AssessmentContext): Promise<AssessmentRun[]> {
    const p = await periodOrFail(ctx.ds.manager, periodId);
    if (!canReadAssessmentOf(requireUser(ctx), p.regionCode)) throw new ForbiddenError(`not allowed to read the runs of period ${periodId}`);
    const runs = await ctx.ds.getRepository(AssessmentRun).find({ where: { periodId }, order: { version: 'DESC' } });
    await ctx.audit({ action: 'QUERY', resourceId: periodId, items: ['assessmentRun'], detail: `rows=${runs.length}` });
    return runs;
  }

  @Authorized(...STAFF)
  @Query(() => PublishedAssessment, { description: "a department's result in the period's published version (none before publication): its own staff, or the authority / assessors of a covering region" })
  async publishedAssessmentResult(
    @Arg('periodId', () => ID) periodId: string, @Arg('departmentId', () => ID) departmentId: string, @Ctx() ctx: AssessmentContext,
  ): Promise<PublishedAssessment> {
    const user = requireUser(ctx);
    const region = regionOfDepartment(departmentId);
    if (!region) throw BadUserInputError.field('departmentId', 'not a department id (<region>-<kind>)');
    if (!user.isService && !isOwnDepartment(user, departmentId) && !canReadAssessmentOf(user, region)) {
      throw new ForbiddenError(`not allowed to read the assessment of ${departmentId}`);
    }
    const run = await publishedRunOf(ctx.ds.manager, periodId);
    const result = run ? await ctx.ds.getRepository(AssessmentResult).findOneBy({ runId: run.id, departmentId }) : null;
    await ctx.audit({ action: 'QUERY', resourceId: periodId, items: ['assessmentResult'], detail: `department ${departmentId} rows=${result ? 1 : 0}` });
    return { periodId, departmentId, published: !!run, version: run?.version ?? null, result };
  }

  @Authorized('authority', 'assessor')
  @Mutation(() => AssessmentExport, { description: 'the run as XLSX (ranking, indicators, evidence sheets), base64; audited as a download' })
  async exportAssessmentRun(@Arg('id', () => ID) id: string, @Ctx() ctx: AssessmentContext): Promise<AssessmentExport> {
    const run = await readableRun(ctx, id);
    const results = await ctx.ds.getRepository(AssessmentResult).find({ where: { runId: id }, order: { rank: 'ASC', departmentId: 'ASC' } });
    const period = await periodOrFail(ctx.ds.manager, run.periodId);
    const content = (await runWorkbook(period, run, results)).toString('base64');
    await ctx.audit({ action: 'DOWNLOAD', resourceId: id, items: ['assessmentRun'], detail: `xlsx version ${run.version} rows=${results.length}` });
    return { filename: `assessment-${period.regionCode}-${period.name}-v${run.version}.xlsx`, contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', content };
  }

  @Authorized('authority', 'assessor')
  @Mutation(() => AssessmentExport, { description: 'the run as a PDF report with an embedded CJK font, base64; audited as a download' })
  async exportAssessmentReport(@Arg('id', () => ID) id: string, @Ctx() ctx: AssessmentContext): Promise<AssessmentExport> {
    const run = await readableRun(ctx, id);
    const results = await ctx.ds.getRepository(AssessmentResult).find({ where: { runId: id }, order: { rank: 'ASC', departmentId: 'ASC' } });
    const period = await periodOrFail(ctx.ds.manager, run.periodId);
    const content = (await runPdf(period, run, results, { path: ctx.config.pdfFont })).toString('base64');
    await ctx.audit({ action: 'DOWNLOAD', resourceId: id, items: ['assessmentRun'], detail: `pdf version ${run.version} rows=${results.length}` });
    return { filename: `assessment-${period.regionCode}-${period.name}-v${run.version}.pdf`, contentType: 'application/pdf', content };
  }

  @FieldResolver(() => [AssessmentResult], { description: 'departments by rank within the level (the period\'s region)' })
  results(@Root() run: AssessmentRun, @Ctx() ctx: AssessmentContext): Promise<AssessmentResult[]> {
    // Reached only through assessmentRun(s), which checked the reader.
    return ctx.ds.getRepository(AssessmentResult).find({ where: { runId: run.id }, order: { rank: 'ASC', departmentId: 'ASC' } });
  }
}
