// The grade policy (editable by the city authority), applied at delivery by sharing and open-data (000 §24-25).
import { ForbiddenError, isCity, requireUser } from '@gov/kit';
import { Arg, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { SecurityContext } from '../context';
import { GradePolicyRule } from '../entities/grade-policy-rule';
import { setCell } from '../domain/grade-policy';
import { GradePolicyRuleInput } from './grade-policy.input';

@Resolver(() => GradePolicyRule)
export class GradePolicyResolver {
  @Authorized('service', 'authority', 'platform-operator')
  @Query(() => [GradePolicyRule], { description: 'the grade policy applied at delivery by sharing and open-data (000 §24-25)' })
  gradePolicy(@Ctx() ctx: SecurityContext): Promise<GradePolicyRule[]> {
    return ctx.ds.getRepository(GradePolicyRule).find({ order: { grade: 'ASC', usageMode: 'ASC', itemSensitivity: 'ASC' } });
  }

  @Authorized('authority')
  @Mutation(() => GradePolicyRule, { description: 'the city authority changes one cell of the grade policy; audited' })
  async setGradePolicyRule(@Arg('input', () => GradePolicyRuleInput) input: GradePolicyRuleInput, @Ctx() ctx: SecurityContext): Promise<GradePolicyRule> {
    const user = requireUser(ctx);
    // One platform-wide policy: set by the authority of the city, which covers its counties.
    if (!user.region || !isCity(user.region)) throw new ForbiddenError('only the city authority sets the grade policy');
    return ctx.ds.transaction(async (m) => {
      const { rule, before } = await setCell(m, input, user.username);
      // Inside the transaction: if the change cannot be audited it is rolled back.
      await ctx.audit({ action: 'UPDATE', items: ['gradePolicy'], detail: `${input.grade}/${input.usageMode}/${input.itemSensitivity}: ${before ?? '(none)'} -> ${input.treatment}` }, m);
      return rule;
    });
  }
}
