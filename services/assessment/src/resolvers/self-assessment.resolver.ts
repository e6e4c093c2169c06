// Self-assessment reports: a department's admin submits its own; the department reads its own; the authority and
// assessors of a covering region read all of theirs.
import { hasRole, requireDepartment, requireRegion, requireUser, STAFF, DEPT_ADMINS, coveredRegionSql } from '@gov/kit';
import { chinaDate } from '@gov/working-days';
import { Arg, Authorized, Ctx, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { AssessmentContext } from '../context';
import { missingSelfAssessmentsOf, submitSelfAssessment } from '../domain/self-assessment';
import { SelfAssessmentReport } from '../entities/self-assessment';
import { SelfAssessmentInput } from './self-assessment.input';
import { MissingSelfAssessment } from './self-assessment.types';
import { ASSESSMENT_READERS } from './visibility';

@Resolver(() => SelfAssessmentReport)
export class SelfAssessmentResolver {
  @Authorized(...DEPT_ADMINS)
  @Mutation(() => SelfAssessmentReport, { description: "the department's self-assessment of a past year (004 §34); after 31 January of the next year it is marked late" })
  async submitSelfAssessment(@Arg('input', () => SelfAssessmentInput) input: SelfAssessmentInput, @Ctx() ctx: AssessmentContext): Promise<SelfAssessmentReport> {
    const user = requireDepartment(ctx);
    return submitSelfAssessment(ctx.ds, {
      departmentId: user.department, regionCode: user.region, year: input.year, content: input.content.trim(), by: user.username, today: chinaDate(new Date()),
    }, (e, m) => ctx.audit(e, m));
  }

  @Authorized(...STAFF)
  @Query(() => [SelfAssessmentReport], { description: "self-assessment reports of a year: a department its own; the authority / assessors those of their covered region" })
  async selfAssessmentReports(@Arg('year', () => Int) year: number, @Ctx() ctx: AssessmentContext): Promise<SelfAssessmentReport[]> {
    const user = requireUser(ctx);
    const qb = ctx.ds.getRepository(SelfAssessmentReport).createQueryBuilder('s').where('s.year = :year', { year }).orderBy('s.departmentId', 'ASC');
    if (user.region && hasRole(user, ...ASSESSMENT_READERS)) {
      const covered = coveredRegionSql('s.regionCode', user.region);
      qb.andWhere(covered.sql, covered.params);
    } else if (user.department) {
      qb.andWhere('s.departmentId = :d', { d: user.department });
    } else {
      qb.andWhere('1 = 0');
    }
    const rows = await qb.getMany();
    await ctx.audit({ action: 'QUERY', items: ['selfAssessmentReport'], detail: `year ${year} rows=${rows.length}` });
    return rows;
  }

  @Authorized('authority', 'assessor')
  @Query(() => [MissingSelfAssessment], { description: 'departments of the covered region whose self-assessment of the year was not in by 31 January (never submitted, or late); empty before the due day' })
  async missingSelfAssessments(@Arg('year', () => Int) year: number, @Ctx() ctx: AssessmentContext): Promise<MissingSelfAssessment[]> {
    const user = requireRegion(ctx);
    const rows = await missingSelfAssessmentsOf(ctx.ds, user.region, year, chinaDate(new Date()));
    await ctx.audit({ action: 'QUERY', items: ['selfAssessmentReport'], detail: `missing of year ${year} rows=${rows.length}` });
    return rows;
  }
}
