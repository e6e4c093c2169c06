import { randomUUID } from 'node:crypto';
import { ConflictError, ConnectionType, ForbiddenError, isLockConflict, PageArgs, paginate, requireRegion, requireUser, regionOfDepartment } from '@gov/kit';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { AssessmentContext } from '../context';
import { AssessmentPeriod } from '../entities/assessment-period';
import { DepartmentScore } from '../entities/department-score';
import { AssessmentPeriodStatus } from '../entities/enums';
import { AssessmentPeriodInput } from './assessment-period.input';
import { checkPeriodDates } from '../domain/rules';
import { ASSESSMENT_READERS, canReadAssessmentOf, restrictToCoveredRegion } from './visibility';
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
        return m.getRepository(AssessmentPeriod).findOneByOrFail({ id });
      });
    } catch (e) {
      if (isLockConflict(e)) throw new ConflictError('another period of this region is being created at the same time; retry');
      throw e;
    }
  }

  @Authorized(...ASSESSMENT_READERS)
  @FieldResolver(() => [DepartmentScore], { description: 'scores of the period, optionally of one department, by department then metric' })
  scores(
    @Root() p: AssessmentPeriod,
    @Arg('departmentId', () => ID, { nullable: true }) departmentId: string | null,
    @Ctx() ctx: AssessmentContext,
  ): Promise<DepartmentScore[]> {
    if (!canReadAssessmentOf(requireUser(ctx), p.regionCode)) throw new ForbiddenError(`not allowed to read the scores of period ${p.id}`);
    return ctx.ds.getRepository(DepartmentScore).find({
      where: { periodId: p.id, ...(departmentId ? { departmentId } : {}) }, order: { departmentId: 'ASC', metric: 'ASC' },
    });
  }
}

@Resolver(() => DepartmentScore)
export class DepartmentScoreResolver {
  @FieldResolver(() => AssessmentPeriod)
  period(@Root() s: DepartmentScore, @Ctx() ctx: AssessmentContext): Promise<AssessmentPeriod> {
    return ctx.ds.getRepository(AssessmentPeriod).findOneByOrFail({ id: s.periodId });
  }

  @FieldResolver(() => Department)
  department(@Root() s: DepartmentScore): Department {
    return { id: s.departmentId };
  }
}

@Resolver(() => Department)
export class DepartmentAssessmentResolver {
  @Authorized(...ASSESSMENT_READERS)
  @FieldResolver(() => [DepartmentScore], { description: "the department's assessment scores, of one period or all (authority / assessor of a covering region)" })
  async assessmentScores(
    @Root() d: Department,
    @Arg('periodId', () => ID, { nullable: true }) periodId: string | null,
    @Ctx() ctx: AssessmentContext,
  ): Promise<DepartmentScore[]> {
    if (!canReadAssessmentOf(requireUser(ctx), regionOfDepartment(d.id))) {
      throw new ForbiddenError(`not allowed to read the assessment scores of department ${d.id}`);
    }
    const scores = await ctx.ds.getRepository(DepartmentScore).find({
      where: { departmentId: d.id, ...(periodId ? { periodId } : {}) }, order: { periodId: 'ASC', metric: 'ASC' },
    });
    await ctx.audit({ action: 'QUERY', items: ['assessmentScore'], detail: `department ${d.id} rows=${scores.length}${periodId ? ` period ${periodId}` : ''}` });
    return scores;
  }
}
