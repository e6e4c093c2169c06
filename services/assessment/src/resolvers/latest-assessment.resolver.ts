// The latest assessment of a department, for other subgraphs' gates (projects: 004 §35, 000 §28): the platform, or
// the authority / assessors of a covering region. "Latest" is the newest period whose published version scored the
// department; each indicator's value is its normalised value in [0, 1].
import { ForbiddenError, requireUser, regionOfDepartment, BadUserInputError } from '@gov/kit';
import { Arg, Authorized, Ctx, Field, Float, ID, ObjectType, Query, Resolver } from 'type-graphql';
import type { AssessmentContext } from '../context';
import { AssessmentPeriod } from '../entities/assessment-period';
import { AssessmentResult, AssessmentRun } from '../entities/assessment-run';
import { canReadAssessmentOf } from './visibility';

@ObjectType()
class LatestIndicator {
  @Field() metric: string;
  @Field(() => Float) value: number;
  @Field(() => Float) score: number;
}

@ObjectType({ description: "a department's latest assessment: its period and indicators (none: never assessed)" })
class DepartmentAssessment {
  @Field(() => ID) departmentId: string;
  @Field(() => String, { nullable: true }) periodId: string | null;
  @Field(() => String, { nullable: true }) periodName: string | null;
  @Field(() => [LatestIndicator]) indicators: LatestIndicator[];
}

@Resolver()
export class LatestAssessmentResolver {
  @Authorized('service', 'authority', 'assessor')
  @Query(() => DepartmentAssessment, { description: "a department's latest assessment indicators (the platform's gates; authority / assessor of a covering region)" })
  async latestDepartmentAssessment(@Arg('departmentId', () => ID) departmentId: string, @Ctx() ctx: AssessmentContext): Promise<DepartmentAssessment> {
    const user = requireUser(ctx);
    const region = regionOfDepartment(departmentId);
    if (!region) throw BadUserInputError.field('departmentId', 'not a department id (<region>-<kind>)');
    if (!user.isService && !canReadAssessmentOf(user, region)) throw new ForbiddenError(`not allowed to read the assessment of ${departmentId}`);
    // The newest period whose published version scored the department; unpublished versions never leave.
    const latest = await ctx.ds.getRepository(AssessmentResult).createQueryBuilder('x')
      .innerJoin(AssessmentRun, 'r', 'r.id = x.runId AND r.publishedAt IS NOT NULL')
      .innerJoin(AssessmentPeriod, 'p', 'p.id = r.periodId')
      .where('x.departmentId = :departmentId', { departmentId })
      .orderBy('p.startsOn', 'DESC').select(['r.periodId AS periodId', 'p.name AS name', 'x.id AS resultId']).limit(1)
      .getRawOne<{ periodId: string; name: string; resultId: string }>();
    const result = latest ? await ctx.ds.getRepository(AssessmentResult).findOneByOrFail({ id: latest.resultId }) : null;
    const indicators = (result?.scores ?? []).filter((s) => s.available).map((s) => ({ metric: s.name, value: s.normalised, score: s.score }));
    await ctx.audit({ action: 'QUERY', items: ['assessmentScore'], detail: `latest of ${departmentId} rows=${indicators.length}` });
    return { departmentId, periodId: latest?.periodId ?? null, periodName: latest?.name ?? null, indicators };
  }
}
