// The latest assessment of a department, for other subgraphs' gates (projects: 004 §35, 000 §28): the platform, or
// the authority / assessors of a covering region. "Latest" is the newest period that scored the department.
import { ForbiddenError, requireUser, regionOfDepartment, BadUserInputError } from '@gov/kit';
import { Arg, Authorized, Ctx, Field, Float, ID, ObjectType, Query, Resolver } from 'type-graphql';
import type { AssessmentContext } from '../context';
import { AssessmentPeriod } from '../entities/assessment-period';
import { DepartmentScore } from '../entities/department-score';
import { canReadAssessmentOf } from './visibility';

@ObjectType()
class AssessmentIndicator {
  @Field() metric: string;
  @Field(() => Float) value: number;
  @Field(() => Float) score: number;
}

@ObjectType({ description: "a department's latest assessment: its period and indicators (none: never assessed)" })
class DepartmentAssessment {
  @Field(() => ID) departmentId: string;
  @Field(() => String, { nullable: true }) periodId: string | null;
  @Field(() => String, { nullable: true }) periodName: string | null;
  @Field(() => [AssessmentIndicator]) indicators: AssessmentIndicator[];
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
    const latest = await ctx.ds.getRepository(DepartmentScore).createQueryBuilder('s')
      .innerJoin(AssessmentPeriod, 'p', 'p.id = s.periodId')
      .where('s.departmentId = :departmentId', { departmentId })
      .orderBy('p.startsOn', 'DESC').select(['s.periodId AS periodId', 'p.name AS name']).limit(1).getRawOne<{ periodId: string; name: string }>();
    const indicators = latest
      ? (await ctx.ds.getRepository(DepartmentScore).find({ where: { departmentId, periodId: latest.periodId }, order: { metric: 'ASC' } }))
        .map((s) => ({ metric: s.metric, value: s.value, score: s.score }))
      : [];
    await ctx.audit({ action: 'QUERY', items: ['assessmentScore'], detail: `latest of ${departmentId} rows=${indicators.length}` });
    return { departmentId, periodId: latest?.periodId ?? null, periodName: latest?.name ?? null, indicators };
  }
}
