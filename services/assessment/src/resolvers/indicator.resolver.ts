// Indicators of a period: read by the authority and assessors of a covering region, edited by the period's authority.
import { randomUUID } from 'node:crypto';
import { ForbiddenError, requireUser } from '@gov/kit';
import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { AssessmentContext } from '../context';
import { isAvailableSource } from '../domain/collect';
import { ensureIndicators, periodOrFail } from '../domain/runs';
import { AssessmentIndicator } from '../entities/indicator';
import { AssessmentIndicatorInput } from './indicator.input';
import { ASSESSMENT_READERS, assertPeriodAuthority, canReadAssessmentOf } from './visibility';

@Resolver(() => AssessmentIndicator)
export class AssessmentIndicatorResolver {
  @Authorized(...ASSESSMENT_READERS)
  @Query(() => [AssessmentIndicator], { description: "the period's indicators with their weights and sources" })
  async assessmentIndicators(@Arg('periodId', () => ID) periodId: string, @Ctx() ctx: AssessmentContext): Promise<AssessmentIndicator[]> {
    const p = await periodOrFail(ctx.ds.manager, periodId);
    if (!canReadAssessmentOf(requireUser(ctx), p.regionCode)) throw new ForbiddenError(`not allowed to read the indicators of period ${periodId}`);
    const rows = await ctx.ds.getRepository(AssessmentIndicator).find({ where: { periodId }, order: { key: 'ASC' } });
    await ctx.audit({ action: 'QUERY', resourceId: periodId, items: ['assessmentIndicator'], detail: `rows=${rows.length}` });
    return rows;
  }

  @Authorized('authority')
  @Mutation(() => AssessmentIndicator, { description: "the authority of the period's region adds or changes an indicator; finished runs keep the definitions they used" })
  async setAssessmentIndicator(
    @Arg('periodId', () => ID) periodId: string, @Arg('input', () => AssessmentIndicatorInput) input: AssessmentIndicatorInput, @Ctx() ctx: AssessmentContext,
  ): Promise<AssessmentIndicator> {
    const p = await periodOrFail(ctx.ds.manager, periodId);
    assertPeriodAuthority(requireUser(ctx), p.regionCode);
    return ctx.ds.transaction(async (m) => {
      await ensureIndicators(m, periodId);
      const repo = m.getRepository(AssessmentIndicator);
      const existing = await repo.findOne({ where: { periodId, key: input.key }, lock: { mode: 'pessimistic_write' } });
      const id = existing?.id ?? randomUUID();
      await repo.upsert({ id, periodId, ...input }, ['id']);
      await ctx.audit({ action: 'UPDATE', resourceId: periodId, items: ['assessmentIndicator'], detail: `${input.key} weight ${input.weight} source ${input.source}` }, m);
      return repo.findOneByOrFail({ id });
    });
  }

  @FieldResolver(() => Boolean, { description: 'false: its source subgraph computes no such fact yet (its weight goes to the others)' })
  available(@Root() i: AssessmentIndicator): boolean {
    return isAvailableSource(i.source);
  }
}
