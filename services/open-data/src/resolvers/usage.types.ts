import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType()
export class OpenDataFormatCount {
  @Field() format: string;
  @Field(() => Int) count: number;
}

@ObjectType()
export class OpenDataMonthlyUsage {
  @Field({ description: 'YYYY-MM, China time' }) month: string;
  @Field(() => Int) views: number;
  @Field(() => Int) downloads: number;
  @Field(() => Int) apiCalls: number;
}

@ObjectType({ description: 'Public usage statistics of one dataset: views, downloads by format, API calls, applications, complaints' })
export class OpenDatasetUsage {
  @Field(() => Int) views: number;
  @Field(() => Int) downloads: number;
  @Field(() => [OpenDataFormatCount]) downloadsByFormat: OpenDataFormatCount[];
  @Field(() => Int) apiCalls: number;
  @Field(() => Int) applications: number;
  @Field(() => Int) complaints: number;
  @Field(() => Int) feedback: number;
  @Field(() => [OpenDataMonthlyUsage]) monthly: OpenDataMonthlyUsage[];
}
