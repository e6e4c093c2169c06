import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'one field that differs between two versions' })
export class FieldChange {
  @Field() field: string;
  @Field(() => String, { nullable: true }) before: string | null;
  @Field(() => String, { nullable: true }) after: string | null;
}

@ObjectType() export class FacetBucket { @Field() value: string; @Field(() => Int) count: number; }
@ObjectType({ description: 'counts per value of one dimension over the filtered set' })
export class Facet { @Field() dimension: string; @Field(() => [FacetBucket]) buckets: FacetBucket[]; }

/** The schema text of every `pending` field: what a decision's answer says while the workflow has not applied it. */
export const PENDING_DESCRIPTION = 'true: your decision is accepted and queued; the workflow has not applied it yet (read the entry again later). '
  + 'Always false outside the answer of a decision mutation.';
