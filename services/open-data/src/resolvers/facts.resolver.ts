// Open data's assessment facts (service-only): the platform's assessment run calls it as `service`,
// once per run for every department of the region.
import { BadUserInputError } from '@gov/kit';
import { ArrayMaxSize, Matches } from 'class-validator';
import { Args, ArgsType, Authorized, Ctx, Field, Float, ID, Int, ObjectType, Query, Resolver } from 'type-graphql';
import type { OpenDataContext } from '../context';
import { openDataFacts } from '../domain/facts';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

@ArgsType()
class OpenDataFactArgs {
  @Field(() => [ID], { description: "the departments (a region's, at most 1000)" })
  @ArrayMaxSize(1000) @Matches(/^\d{6}-[a-z0-9-]+$/, { each: true, message: 'departmentIds holds a value that is not a department id (<region>-<kind>)' }) departmentIds: string[];
  @Field({ description: 'first day, YYYY-MM-DD' }) @Matches(DAY, { message: 'from must be a day as YYYY-MM-DD' }) from: string;
  @Field({ description: 'last day (inclusive), YYYY-MM-DD' }) @Matches(DAY, { message: 'to must be a day as YYYY-MM-DD' }) to: string;
}

@ObjectType({ description: 'one fact of a department in a period for the assessment: numerator / denominator, with the evidence' })
class OpenDataFact {
  @Field(() => ID) departmentId: string;
  @Field({ description: 'openData.datasets (count) | openData.use | openData.calls (count) | openData.feedbackOnTime' }) key: string;
  @Field(() => Int) numerator: number;
  @Field(() => Int) denominator: number;
  @Field(() => Float, { nullable: true, description: 'numerator / denominator (a count for COUNT facts); null when there was nothing to count' }) value: number | null;
  @Field(() => [String], { description: 'what lowers it (at most 50 lines)' }) evidence: string[];
}

@Resolver()
export class OpenDataFactResolver {
  @Authorized('service')
  @Query(() => [OpenDataFact], { description: 'assessment facts of departments in a period (service-only: the assessment run)' })
  async openDataFacts(@Args(() => OpenDataFactArgs) args: OpenDataFactArgs, @Ctx() ctx: OpenDataContext): Promise<OpenDataFact[]> {
    if (args.from > args.to) throw BadUserInputError.field('to', 'must not be before from');
    const facts = await openDataFacts(ctx.ds, args.departmentIds, args.from, args.to);
    await ctx.audit({ action: 'QUERY', items: ['openDataFacts'], detail: `${args.departmentIds.length} department(s) ${args.from}..${args.to} rows=${facts.length}` });
    return facts;
  }
}
