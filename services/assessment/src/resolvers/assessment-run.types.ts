import { Field, ID, Int, ObjectType } from 'type-graphql';
import { AssessmentResult } from '../entities/assessment-run';

@ObjectType({ description: 'a generated file, base64' })
export class AssessmentExport {
  @Field() filename: string;
  @Field() contentType: string;
  @Field({ description: 'base64' }) content: string;
}

@ObjectType({ description: "what a department may see of a period: nothing until the authority publishes a version" })
export class PublishedAssessment {
  @Field(() => ID) periodId: string;
  @Field(() => ID) departmentId: string;
  @Field() published: boolean;
  @Field(() => Int, { nullable: true }) version: number | null;
  @Field(() => AssessmentResult, { nullable: true, description: 'null before publication, or when the department was not assessed' }) result: AssessmentResult | null;
}
