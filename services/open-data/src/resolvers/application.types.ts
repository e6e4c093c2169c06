import { Field, ObjectType } from 'type-graphql';
import { OpenDataApplication } from '../entities/open-data-application';

@ObjectType({ description: 'The application after a decision was sent; pending: the workflow has not applied it yet (worker down): it will' })
export class OpenDataDecisionResult {
  @Field(() => OpenDataApplication) application: OpenDataApplication;
  @Field() decisionPending: boolean;
}
