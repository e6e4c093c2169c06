import { IsISO8601, Length, Matches } from 'class-validator';
import { Field, InputType } from 'type-graphql';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

@InputType()
export class AssessmentPeriodInput {
  @Field({ description: 'e.g. 2026年度' }) @Length(1, 64) name: string;
  @Field({ description: 'first day, YYYY-MM-DD' })
  @Matches(DAY, { message: 'startsOn must be a day as YYYY-MM-DD' }) @IsISO8601({ strict: true }, { message: 'startsOn is not a calendar day' }) startsOn: string;
  @Field({ description: 'last day (inclusive), YYYY-MM-DD; after startsOn' })
  @Matches(DAY, { message: 'endsOn must be a day as YYYY-MM-DD' }) @IsISO8601({ strict: true }, { message: 'endsOn is not a calendar day' }) endsOn: string;
}
