// Entities owned by catalog: Department is extended here (auditRecords), DataResource is only pointed at.
import { Directive, Field, ID, ObjectType } from 'type-graphql';

@Directive('@key(fields: "id")')
@ObjectType('Department')
export class Department {
  @Field(() => ID) id: string;
}

@Directive('@key(fields: "id", resolvable: false)')
@ObjectType('DataResource')
export class DataResourceRef {
  @Field(() => ID) id: string;
}
