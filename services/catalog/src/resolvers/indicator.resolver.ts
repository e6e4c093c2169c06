// Catalog's assessment facts for assessment (service-only: the platform's assessment run calls it as `service`).
import { BadUserInputError } from '@gov/kit';
import { ArrayMaxSize, Matches } from 'class-validator';
import { Args, ArgsType, Authorized, Ctx, Field, Float, ID, Int, ObjectType, Query, Resolver } from 'type-graphql';
import type { CatalogContext } from '../context';
import { catalogIndicators } from '../domain/indicators';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

@ArgsType()
class CatalogIndicatorArgs {
  @Field(() => [ID], { description: "the departments (a region's, at most 1000)" })
  @ArrayMaxSize(1000) @Matches(/^\d{6}-[a-z0-9-]+$/, { each: true, message: 'departmentIds holds a value that is not a department id (<region>-<kind>)' }) departmentIds: string[];
  @Field({ description: 'first day, YYYY-MM-DD' }) @Matches(DAY, { message: 'from must be a day as YYYY-MM-DD' }) from: string;
  @Field({ description: 'last day (inclusive), YYYY-MM-DD' }) @Matches(DAY, { message: 'to must be a day as YYYY-MM-DD' }) to: string;
}

@ObjectType({ description: 'one catalog fact of a department in a period: numerator / denominator, with the evidence' })
class CatalogIndicatorFact {
  @Field(() => ID) departmentId: string;
  @Field({ description: 'catalog.coverage | catalog.mountRate | catalog.changesOnTime' }) key: string;
  @Field(() => Int) numerator: number;
  @Field(() => Int) denominator: number;
  @Field(() => Float, { nullable: true, description: 'numerator / denominator; null when there was nothing to count' }) value: number | null;
  @Field(() => [String], { description: 'what lowers it (at most 50 lines)' }) evidence: string[];
}

@Resolver()
export class CatalogIndicatorResolver {
  @Authorized('service')
  @Query(() => [CatalogIndicatorFact], { description: "catalog's assessment facts of departments in a period (service-only: the assessment run)" })
  async catalogIndicators(@Args(() => CatalogIndicatorArgs) args: CatalogIndicatorArgs, @Ctx() ctx: CatalogContext): Promise<CatalogIndicatorFact[]> {
    if (args.from > args.to) throw BadUserInputError.field('to', 'must not be before from');
    const facts = await catalogIndicators(ctx.ds.manager, args.departmentIds, args.from, args.to);
    await ctx.audit({ action: 'QUERY', items: ['catalogIndicators'], detail: `${args.departmentIds.length} department(s) ${args.from}..${args.to} rows=${facts.length}` });
    return facts;
  }
}
