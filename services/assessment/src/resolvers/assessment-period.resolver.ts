import { randomUUID } from 'node:crypto';
import { ConflictError, ConnectionType, ForbiddenError, isLockConflict, PageArgs, paginate, requireRegion, requireUser, regionOfDepartment, STAFF } from '@gov/kit';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { AssessmentContext } from '../context';
import { AssessmentPeriod } from '../entities/assessment-period';
import { AssessmentResult, AssessmentRun } from '../entities/assessment-run';
import { ensureIndicators, schedulePeriodEnd } from '../domain/runs';
import { AssessmentPeriodStatus } from '../entities/enums';
import { AssessmentPeriodInput } from './assessment-period.input';
import { checkPeriodDates } from '../domain/rules';
import { ASSESSMENT_READERS, canReadAssessmentOf, isOwnDepartment, restrictToCoveredRegion } from './visibility';
import { Department } from '../entities/refs';

const AssessmentPeriodConnection = ConnectionType(AssessmentPeriod, 'AssessmentPeriod');

@Resolver(() => AssessmentPeriod)
export class AssessmentPeriodResolver {
  @Authorized(...ASSESSMENT_READERS)
  @Query(() => AssessmentPeriod, { nullable: true, description: 'one assessment period (authority / assessor of a covering region)' })
  async assessmentPeriod(@Arg('id', () => ID) id: string, @Ctx() ctx: AssessmentContext): Promise<AssessmentPeriod | null> {
    const p = await ctx.ds.getRepository(AssessmentPeriod).findOneBy({ id });
    if (!p) return null;
    if (!canReadAssessmentOf(requireUser(ctx), p.regionCode)) throw new ForbiddenError(`not allowed to read assessment period ${id}`);
    await ctx.audit({ action: 'ACCESS', items: ['assessmentPeriod'], detail: `assessmentPeriod ${p.id}` });
    return p;
  }

  @Authorized(...ASSESSMENT_READERS)
  @Query(() => AssessmentPeriodConnection, { description: "assessment periods of the caller's region (a city sees its counties), newest first" })
  async assessmentPeriods(@Args(() => PageArgs) page: PageArgs, @Ctx() ctx: AssessmentContext) {
    const conn = await paginate(restrictToCoveredRegion(ctx.ds.getRepository(AssessmentPeriod).createQueryBuilder('p'), requireUser(ctx)), page);
    await ctx.audit({ action: 'QUERY', items: ['assessmentPeriod'], detail: `rows=${conn.edges.length}` });
    return conn;
  }

  @Authorized('authority')
  @Mutation(() => AssessmentPeriod, { description: "the authority plans an assessment period of its own region; periods of a region never overlap" })
  async createAssessmentPeriod(@Arg('input', () => AssessmentPeriodInput) input: AssessmentPeriodInput, @Ctx() ctx: AssessmentContext): Promise<AssessmentPeriod> {
    const user = requireRegion(ctx);
    const regionCode = user.region;
    checkPeriodDates(input);
    try {
      return await ctx.ds.transaction(async (m) => {
        // A locking read over the region's periods: a concurrent create for the same region waits, then sees this one.
        const overlapping = await m.getRepository(AssessmentPeriod).createQueryBuilder('p').setLock('pessimistic_write')
          .where('p.regionCode = :regionCode AND p.startsOn <= :endsOn AND p.endsOn >= :startsOn', { regionCode, startsOn: input.startsOn, endsOn: input.endsOn })
          .getOne();
        if (overlapping) {
          throw new ConflictError(`the period overlaps ${overlapping.name} (${overlapping.startsOn} to ${overlapping.endsOn}) of region ${regionCode}`);
        }
        if (await m.getRepository(AssessmentPeriod).existsBy({ regionCode, name: input.name })) {
          throw new ConflictError(`name: region ${regionCode} already has a period named ${input.name}`);
        }
        const id = randomUUID();
        await m.getRepository(AssessmentPeriod).insert({
          id, name: input.name, regionCode, startsOn: input.startsOn, endsOn: input.endsOn, status: AssessmentPeriodStatus.PLANNED, createdBy: user.username,
        });
        await ensureIndicators(m, id);
        await ctx.audit({ action: 'UPDATE', resourceId: id, items: ['assessmentPeriod'], detail: `${input.name} ${input.startsOn}..${input.endsOn}` }, m);
        const created = await m.getRepository(AssessmentPeriod).findOneByOrFail({ id });
        await schedulePeriodEnd(ctx.temporal, ctx.taskQueuePrefix, created); // last: if Temporal refuses, no period without its run
        return created;
      });
    } catch (e) {
      if (isLockConflict(e)) throw new ConflictError('another period of this region is being created at the same time; retry');
      throw e;
    }
  }
}

@Resolver(() => Department)
export class DepartmentAssessmentResolver {
  @Authorized(...STAFF)
  @FieldResolver(() => [AssessmentResult], { description: "the department's results in the published version of each period, oldest first (the trend): its own staff, or the authority / assessors of a covering region" })
  async assessmentResults(@Root() d: Department, @Ctx() ctx: AssessmentContext): Promise<AssessmentResult[]> {
    const user = requireUser(ctx);
    if (!isOwnDepartment(user, d.id) && !canReadAssessmentOf(user, regionOfDepartment(d.id))) {
      throw new ForbiddenError(`not allowed to read the assessment results of department ${d.id}`);
    }
    const results = await ctx.ds.getRepository(AssessmentResult).createQueryBuilder('x')
      .innerJoin(AssessmentRun, 'r', 'r.id = x.runId AND r.publishedAt IS NOT NULL')
      .innerJoin(AssessmentPeriod, 'p', 'p.id = r.periodId')
      .where('x.departmentId = :d', { d: d.id }).orderBy('p.startsOn', 'ASC').getMany();
    await ctx.audit({ action: 'QUERY', items: ['assessmentResult'], detail: `department ${d.id} rows=${results.length}` });
    return results;
  }
}

@Resolver(() => AssessmentResult)
export class AssessmentResultResolver {
  @FieldResolver(() => AssessmentRun)
  run(@Root() x: AssessmentResult, @Ctx() ctx: AssessmentContext): Promise<AssessmentRun> {
    return ctx.ds.getRepository(AssessmentRun).findOneByOrFail({ id: x.runId });
  }

  @FieldResolver(() => Department)
  department(@Root() x: AssessmentResult): Department {
    return { id: x.departmentId };
  }
}
