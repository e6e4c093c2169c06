import { Field, ObjectType } from 'type-graphql';
import { QualityIssue } from '../entities/quality-issue';

@ObjectType({ description: "The platform's verdict sent to the issue's workflow: the issue as it stands, and whether the workflow has yet to apply it" })
export class QualityIssueDecision {
  @Field(() => QualityIssue) issue: QualityIssue;
  @Field({ description: 'true: accepted and queued (the worker is busy or down); read the issue again later' }) pending: boolean;
}
