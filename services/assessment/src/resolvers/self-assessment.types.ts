import { Field, ID, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'a department whose self-assessment of a year was not in by 31 January of the next (004 §34)' })
export class MissingSelfAssessment {
  @Field(() => ID) departmentId: string;
  @Field() departmentName: string;
  @Field() regionCode: string;
  @Field(() => Int) year: number;
  @Field({ description: 'YYYY-MM-DD: 31 January of the next year' }) dueOn: string;
  @Field(() => String, { nullable: true, description: 'when it came in late; null: never submitted' }) submittedOn: string | null;
}
