// Department is owned by catalog; this subgraph extends it with digitalProjects.
import { Directive, Field, ID, ObjectType } from 'type-graphql';

@Directive('@key(fields: "id")')
@ObjectType('Department')
export class Department {
  @Field(() => ID) id: string;
}
