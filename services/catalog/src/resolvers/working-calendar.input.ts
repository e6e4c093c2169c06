import { ArrayMaxSize, Length, Matches, Max, Min } from 'class-validator';
import { Field, InputType, Int } from 'type-graphql';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

@InputType({ description: "a year's official calendar from the State Council notice (days as YYYY-MM-DD)" })
export class OfficialCalendarInput {
  @Field(() => Int) @Min(2000) @Max(2100) year: number;
  @Field(() => [String], { description: 'every day off: holidays and the weekend days inside them' })
  @ArrayMaxSize(120) @Matches(DAY, { each: true, message: 'holidays must be YYYY-MM-DD days' }) holidays: string[];
  @Field(() => [String], { description: 'make-up working days (调休): Saturdays or Sundays worked' })
  @ArrayMaxSize(60) @Matches(DAY, { each: true, message: 'workdays must be YYYY-MM-DD days' }) workdays: string[];
  @Field({ description: 'the notice, e.g. 国务院办公厅关于2027年部分节假日安排的通知' }) @Length(2, 500) basis: string;
}
