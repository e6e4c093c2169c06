import { IsInt, Length, Max, Min } from 'class-validator';
import { Field, InputType, Int } from 'type-graphql';

@InputType()
export class SelfAssessmentInput {
  @Field(() => Int, { description: 'the year reported on (a past year)' }) @IsInt() @Min(2000) @Max(2100) year: number;
  @Field({ description: 'the report' }) @Length(10, 20000) content: string;
}
