// Catalog owns DataResource. Subgraphs that only point at it share this key-only stub; catalog resolves it and hides
// it from callers who may not read it.
// Department is NOT here on purpose: every subgraph extends it, and type-graphql attaches field resolvers to the class
// they extend in one global store — a shared class would carry every subgraph's fields into every other schema built in
// the same process (compose, tests). So each subgraph declares its own `Department` stub in entities/refs.ts.
import { Directive, Field, ID, ObjectType } from 'type-graphql';

@Directive('@key(fields: "id", resolvable: false)')
@ObjectType('DataResource')
export class DataResourceKey {
  @Field(() => ID) id: string;
}
