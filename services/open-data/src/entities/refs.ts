// Entities owned by the catalog subgraph, as this subgraph sees them: by key only.
import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** Extended here with the department's open datasets (Department.openDatasets). */
@Directive('@key(fields: "id")')
@ObjectType('Department')
export class Department {
  @Field(() => ID) id: string;
}

/** Only pointed at: catalog resolves it (and hides it from callers who may not read it). */
@Directive('@key(fields: "id", resolvable: false)')
@ObjectType('DataResource')
export class DataResourceRef {
  @Field(() => ID) id: string;
}
