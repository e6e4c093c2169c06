// Entities owned by the catalog subgraph, as this subgraph sees them: by key only, extended with quality issues.
import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** Extended here with the issues its data has (Department.qualityIssues). */
@Directive('@key(fields: "id")')
@ObjectType('Department')
export class Department {
  @Field(() => ID) id: string;
}

/** Extended here with the issues raised on it (DataResource.qualityIssues). */
@Directive('@key(fields: "id")')
@ObjectType('DataResource')
export class DataResource {
  @Field(() => ID) id: string;
}
