// Entities owned by catalog that quality extends: Department (qualityIssues) and DataResource (qualityIssues), so both
// are its own resolvable stubs (type-graphql attaches field resolvers to the class they extend; see
// packages/kit/src/federation.ts).
import { Directive, Field, ID, ObjectType } from 'type-graphql';

@Directive('@key(fields: "id")')
@ObjectType('Department')
export class Department {
  @Field(() => ID) id: string;
}

@Directive('@key(fields: "id")')
@ObjectType('DataResource')
export class DataResource {
  @Field(() => ID) id: string;
}
