import { BadUserInputError, hasRole, OVERSIGHT, requireUser, STAFF } from '@gov/kit';
import { Arg, Authorized, Ctx, Field, Float, ID, Int, ObjectType, Query, Resolver } from 'type-graphql';
import type { QualityContext } from '../context';
import { departmentQuality } from '../domain/indicators';
import { suspensionOf } from '../domain/objections';

@ObjectType({ description: "A department's quality in one month: the inputs assessment reads (000 §28, 004 §34)" })
export class DepartmentQualityIndicator {
  @Field() departmentId: string;
  @Field(() => ID, { nullable: true, description: 'the resource, when asked per resource' }) resourceId: string | null;
  @Field({ description: 'YYYY-MM (China time)' }) period: string;
  @Field(() => Int) inspections: number;
  @Field(() => Float, { nullable: true, description: 'mean overall inspection score (0-100)' }) averageScore: number | null;
  @Field(() => Int) issuesOpened: number;
  @Field(() => Int, { description: 'issues verified as fixed in the month' }) issuesVerified: number;
  @Field(() => Float, { nullable: true, description: 'verified / opened in the month' }) fixRate: number | null;
  @Field(() => Int, { description: 'verified without ever passing a deadline' }) fixedOnTime: number;
  @Field(() => Float, { nullable: true, description: 'fixedOnTime / verified' }) onTimeRate: number | null;
  @Field(() => Float, { nullable: true, description: 'share of verified issues that had been reopened' }) reopenRate: number | null;
  @Field(() => Float, { nullable: true, description: 'mean working days from opening to verification' }) averageWorkingDaysToFix: number | null;
  @Field(() => Int, { description: 'issues escalated to the authority in the month (overdue)' }) escalated: number;
  @Field(() => Int) objectionsReceived: number;
  @Field(() => Int) objectionsAnswered: number;
}

@ObjectType({ description: 'Whether an objection holds a resource suspended (000 §26): sharing and open-data ask before delivering' })
export class DataSuspension {
  @Field(() => ID) resourceId: string;
  @Field() suspended: boolean;
  @Field(() => ID, { nullable: true }) objectionId: string | null;
  @Field(() => Date, { nullable: true }) since: Date | null;
}

@Resolver()
export class IndicatorResolver {
  @Authorized(...STAFF)
  @Query(() => [DepartmentQualityIndicator], { description: 'quality per department (or department and resource) for a month: own department, or every department of the regions an authority/operator/assessor covers' })
  async qualityIndicators(
    @Arg('period', { description: 'YYYY-MM' }) period: string,
    @Arg('departmentId', () => String, { nullable: true }) departmentId: string | null,
    @Arg('perResource', { defaultValue: false, description: 'one row per department and resource' }) perResource: boolean,
    @Ctx() ctx: QualityContext,
  ): Promise<DepartmentQualityIndicator[]> {
    const user = requireUser(ctx);
    if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(period)) throw BadUserInputError.field('period', 'a month YYYY-MM');
    const rows = await departmentQuality(ctx.ds, user, period, departmentId, hasRole(user, ...OVERSIGHT), perResource);
    await ctx.audit({ action: 'QUERY', items: ['qualityIndicator'], detail: `period ${period} rows=${rows.length}` });
    return rows;
  }

  @Authorized(...STAFF)
  @Query(() => DataSuspension, { description: 'whether an objection holds the resource suspended (metadata: sharing and open-data ask before delivering)' })
  async dataSuspension(@Arg('resourceId', () => ID) resourceId: string, @Ctx() ctx: QualityContext): Promise<DataSuspension> {
    const o = await suspensionOf(ctx.ds, resourceId);
    return { resourceId, suspended: !!o, objectionId: o?.id ?? null, since: o?.suspendedAt ?? null };
  }
}
