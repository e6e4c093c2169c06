import { randomUUID } from 'node:crypto';
import { ScheduleAlreadyRunning, ScheduleOverlapPolicy } from '@temporalio/client';
import { awaitWorkflowEffect, BadUserInputError, NotFoundError, requireUser, startWorkflowOnce, STAFF } from '@gov/kit';
import { INSPECTION_EVERY_MINUTES, qualityInspectionScheduleId, qualityInspectionWorkflowId, refs, workflowQueue } from '@gov/workflows';
import { IsOptional, IsUUID } from 'class-validator';
import { Arg, ArgsType, Args, Authorized, Ctx, Field, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { QualityContext } from '../context';
import { InspectionStatus, QualityDimension } from '../entities/enums';
import { DimensionScore, InspectionRuleResult, InspectionRun } from '../entities/inspection';
import { fetchCatalogResource } from '../domain/catalog';
import { assertManagesQuality } from './access';
import { InspectionSchedule, InspectionStart } from './inspection.types';
import { assertReadsResource } from './visibility';

@ArgsType()
class RunInspectionArgs {
  @Field(() => ID) @IsUUID() resourceId: string;
  @Field(() => ID, { nullable: true, description: 'idempotency key (a UUID): a retry with the same key starts no second run' }) @IsOptional() @IsUUID() runId?: string | null;
}

@Resolver(() => InspectionRun)
export class InspectionResolver {
  @Authorized('platform-operator', 'dept-admin')
  @Mutation(() => InspectionStart, { description: 'inspects a resource now over its records in the exchange (000 §14)' })
  async runQualityInspection(@Args(() => RunInspectionArgs) { resourceId, runId }: RunInspectionArgs, @Ctx() ctx: QualityContext): Promise<InspectionStart> {
    const user = requireUser(ctx);
    const resource = await fetchCatalogResource(resourceId, user.token);
    if (!resource) throw BadUserInputError.field('resourceId', `no catalog entry ${resourceId} is visible to you`);
    assertManagesQuality(user, resource);
    if (resource.status !== 'PUBLISHED') throw BadUserInputError.field('resourceId', 'only a published resource has records to inspect');
    const id = runId ?? randomUUID();
    await ctx.audit({ action: 'VERIFY', resourceId, detail: `inspection requested run=${id}` });
    await startWorkflowOnce(ctx.temporal, refs.qualityInspection, {
      id: qualityInspectionWorkflowId(id), args: [{ resourceId, trigger: 'ON_DEMAND', requestedBy: user.username, runId: id }], taskQueuePrefix: ctx.taskQueuePrefix,
    });
    const { value, pending } = await awaitWorkflowEffect(() => ctx.ds.getRepository(InspectionRun).findOneBy({ id }), (r) => !!r && r.status !== InspectionStatus.RUNNING);
    return { runId: id, run: value, pending };
  }

  @Authorized('platform-operator', 'dept-admin')
  @Mutation(() => InspectionSchedule, { description: "inspects the resource on a Temporal schedule once per declared update cycle (000 §14); again = update; runNow also starts one at once" })
  async scheduleQualityInspection(
    @Arg('resourceId', () => ID) resourceId: string,
    @Arg('runNow', { defaultValue: false }) runNow: boolean,
    @Ctx() ctx: QualityContext,
  ): Promise<InspectionSchedule> {
    const user = requireUser(ctx);
    const resource = await fetchCatalogResource(resourceId, user.token);
    if (!resource) throw BadUserInputError.field('resourceId', `no catalog entry ${resourceId} is visible to you`);
    assertManagesQuality(user, resource);
    if (resource.status !== 'PUBLISHED') throw BadUserInputError.field('resourceId', 'only a published resource has records to inspect');
    const everyMinutes = INSPECTION_EVERY_MINUTES[resource.updateCycle] ?? INSPECTION_EVERY_MINUTES.DAILY;
    const scheduleId = qualityInspectionScheduleId(resource.id, ctx.taskQueuePrefix);
    const spec = { intervals: [{ every: everyMinutes * 60_000 }] };
    const action = {
      type: 'startWorkflow' as const, workflowType: refs.qualityInspection.name, taskQueue: workflowQueue(ctx.taskQueuePrefix),
      args: [{ resourceId: resource.id, trigger: 'SCHEDULE', requestedBy: 'schedule' }],
    };
    await ctx.audit({ action: 'UPDATE', resourceId: resource.id, detail: `inspection schedule every ${everyMinutes} min${runNow ? ', run now' : ''}` });
    const handle = ctx.temporal.schedule.getHandle(scheduleId);
    try {
      await ctx.temporal.schedule.create({ scheduleId, spec, action, policies: { overlap: ScheduleOverlapPolicy.SKIP } });
    } catch (e) {
      if (!(e instanceof ScheduleAlreadyRunning)) throw e;
      await handle.update((prev) => ({ ...prev, spec, action }));
    }
    if (runNow) await handle.trigger(ScheduleOverlapPolicy.SKIP);
    return { resourceId: resource.id, scheduleId, updateCycle: resource.updateCycle, everyMinutes };
  }

  @Authorized(...STAFF)
  @Query(() => [InspectionRun], { description: 'the newest inspections of a resource, newest first: its quality trend' })
  async inspectionRuns(
    @Arg('resourceId', () => ID) resourceId: string,
    @Arg('last', () => Int, { defaultValue: 30, description: 'at most 200' }) last: number,
    @Ctx() ctx: QualityContext,
  ): Promise<InspectionRun[]> {
    const user = requireUser(ctx);
    if (last < 1 || last > 200) throw BadUserInputError.field('last', 'between 1 and 200');
    const resource = await fetchCatalogResource(resourceId, user.token);
    if (!resource) throw new NotFoundError('DataResource', resourceId);
    assertReadsResource(user, resource);
    const runs = await ctx.ds.getRepository(InspectionRun).find({ where: { resourceId }, order: { startedAt: 'DESC', id: 'DESC' }, take: last });
    await ctx.audit({ action: 'QUERY', resourceId, items: ['inspectionRun'], detail: `rows=${runs.length}` });
    return runs;
  }

  @Authorized(...STAFF)
  @Query(() => InspectionRun, { nullable: true, description: 'one inspection run with its counts per rule' })
  async inspectionRun(@Arg('id', () => ID) id: string, @Ctx() ctx: QualityContext): Promise<InspectionRun | null> {
    const run = await ctx.ds.getRepository(InspectionRun).findOneBy({ id });
    if (!run) return null;
    assertReadsResource(requireUser(ctx), run);
    await ctx.audit({ action: 'QUERY', resourceId: run.resourceId, items: ['inspectionRun'], detail: `run ${id}` });
    return run;
  }

  @Authorized(...STAFF)
  @Query(() => [ID], { description: 'the exchange record ids a rule failed on in a run (at most 1000; never values); audited' })
  async inspectionFailures(@Arg('runId', () => ID) runId: string, @Arg('ruleCode') ruleCode: string, @Ctx() ctx: QualityContext): Promise<string[]> {
    const run = await ctx.ds.getRepository(InspectionRun).findOneBy({ id: runId });
    if (!run) throw new NotFoundError('InspectionRun', runId);
    assertReadsResource(requireUser(ctx), run);
    const r = await ctx.ds.getRepository(InspectionRuleResult).findOneBy({ runId, ruleCode });
    if (!r) throw BadUserInputError.field('ruleCode', `run ${runId} has no rule ${ruleCode}`);
    await ctx.audit({ action: 'QUERY', resourceId: run.resourceId, items: ['failingRecordIds'], detail: `run ${runId} rule ${ruleCode} rows=${r.failingIds.length}` });
    return r.failingIds;
  }

  @FieldResolver(() => [InspectionRuleResult], { description: 'counts per rule' })
  results(@Root() run: InspectionRun, @Ctx() ctx: QualityContext): Promise<InspectionRuleResult[]> {
    return ctx.ds.getRepository(InspectionRuleResult).find({ where: { runId: run.id }, order: { ruleCode: 'ASC' } });
  }

  @FieldResolver(() => [DimensionScore], { description: 'score per dimension (000 §14)' })
  dimensionScores(@Root() run: InspectionRun): DimensionScore[] {
    return Object.values(QualityDimension).map((d) => ({ dimension: d, score: run.dimensionScores?.[d] ?? null }));
  }
}

