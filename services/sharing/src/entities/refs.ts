// Department is owned by catalog; this subgraph extends it with shareApplicationsAsConsumer. Its own class, not a shared one:
// type-graphql attaches field resolvers to the class they extend (see packages/kit/src/federation.ts).
import { Directive, Field, ID, ObjectType } from 'type-graphql';

@Directive('@key(fields: "id")')
@ObjectType('Department')
export class Department {
  @Field(() => ID) id: string;
}
