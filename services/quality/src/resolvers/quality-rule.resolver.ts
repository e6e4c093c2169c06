import { BadUserInputError, ConflictError, isDuplicateKey, NotFoundError, requireUser, STAFF } from '@gov/kit';
import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { QualityContext } from '../context';
import { QualityRule } from '../entities/quality-rule';
import { fetchCatalogResource } from '../domain/catalog';
import { ensureDefaultRules, latestRules, writeRuleVersion } from '../domain/rule-store';
import { ruleProblem, type RuleSpec } from '../domain/checks';
import { assertManagesQuality } from './access';
import { QualityRuleInput } from './quality-rule.input';
import { assertReadsResource } from './visibility';

@Resolver(() => QualityRule)
export class QualityRuleResolver {
  @Authorized(...STAFF)
  @Query(() => [QualityRule], { description: "the newest version of every rule of a resource (the default set derived from its items when nobody wrote one)" })
  async qualityRules(@Arg('resourceId', () => ID) resourceId: string, @Ctx() ctx: QualityContext): Promise<QualityRule[]> {
    const user = requireUser(ctx);
    const resource = await fetchCatalogResource(resourceId, user.token);
    if (!resource) throw new NotFoundError('DataResource', resourceId);
    assertReadsResource(user, resource);
    if (resource.status === 'PUBLISHED') await ensureDefaultRules(ctx.ds, resource);
    const rules = await latestRules(ctx.ds, resourceId);
    await ctx.audit({ action: 'QUERY', resourceId, items: ['qualityRule'], detail: `rows=${rules.length}` });
    return rules;
  }

  @Authorized('platform-operator', 'dept-admin')
  @Mutation(() => QualityRule, { description: 'writes the next version of a rule (000 §14): the platform operator of a covering region, or the source department for its own resource' })
  async defineQualityRule(@Arg('input', () => QualityRuleInput) input: QualityRuleInput, @Ctx() ctx: QualityContext): Promise<QualityRule> {
    const user = requireUser(ctx);
    const resource = await fetchCatalogResource(input.resourceId, user.token);
    if (!resource) throw BadUserInputError.field('resourceId', `no catalog entry ${input.resourceId} is visible to you`);
    assertManagesQuality(user, resource);
    if (resource.status !== 'PUBLISHED') throw BadUserInputError.field('resourceId', 'only a published resource has records to inspect');
    const spec: RuleSpec = {
      code: input.code, check: input.check, items: input.items,
      params: {
        ...(input.pattern != null ? { pattern: input.pattern } : {}), ...(input.values != null ? { values: input.values } : {}),
        ...(input.min != null ? { min: input.min } : {}), ...(input.max != null ? { max: input.max } : {}),
        ...(input.maxLength != null ? { maxLength: input.maxLength } : {}), ...(input.type != null ? { type: input.type } : {}),
        ...(input.otherResourceId != null ? { otherResourceId: input.otherResourceId, otherItem: input.otherItem ?? undefined } : {}),
        ...(input.check === 'FRESHNESS' ? { updateCycle: resource.updateCycle } : {}),
      },
    };
    const problem = ruleProblem(spec);
    if (problem) throw BadUserInputError.field(problem.field, problem.reason);
    const unknown = input.items.filter((n) => !resource.items.some((i) => i.name === n));
    if (unknown.length) throw BadUserInputError.field('items', `not data items of this resource: ${unknown.join(', ')}`);
    if (spec.check === 'EXISTS_IN') {
      const other = await fetchCatalogResource(spec.params.otherResourceId!, user.token);
      if (!other || other.status !== 'PUBLISHED') throw BadUserInputError.field('otherResourceId', 'no published catalog entry by that id is visible to you');
      if (!other.items.some((i) => i.name === spec.params.otherItem)) throw BadUserInputError.field('otherItem', `not a data item of ${other.id}`);
    }
    await ensureDefaultRules(ctx.ds, resource);
    try {
      return await ctx.ds.transaction(async (m) => {
        const row = await writeRuleVersion(m, resource, spec, input.active, user.username);
        await ctx.audit({ action: 'UPDATE', resourceId: resource.id, items: input.items, detail: `quality rule ${row.code} v${row.version}${row.active ? '' : ' retired'}` }, m);
        return row;
      });
    } catch (e) {
      if (isDuplicateKey(e)) throw new ConflictError('another version of this rule was written at the same moment; read the rules and try again');
      throw e;
    }
  }

  @FieldResolver(() => String, { description: "the check's parameters as JSON (pattern, codes, range, other resource, update cycle)" })
  params(@Root() r: QualityRule): string {
    return JSON.stringify(r.params);
  }
}
