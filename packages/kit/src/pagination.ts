// Relay connections with keyset cursors over (created_at DESC, id DESC): stable under inserts, no OFFSET scans.
import { ArgsType, Directive, Field, Int, ObjectType, type ClassType } from 'type-graphql';
import { Max, Min } from 'class-validator';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { BadUserInputError } from './errors';

@Directive('@shareable')
@ObjectType()
export class PageInfo {
  @Field() hasNextPage: boolean;
  @Field(() => String, { nullable: true }) endCursor: string | null;
}

/** The largest page any list serves (the gateway refuses a larger `first` before planning). */
export const PAGE_MAX = 200;

@ArgsType()
export class PageArgs {
  @Field(() => Int, { defaultValue: 20 }) @Min(1) @Max(PAGE_MAX) first: number = 20;
  @Field(() => String, { nullable: true }) after?: string | null;
}

/**
 * A count that runs only when awaited: GraphQL awaits a field's promise-like value, so `totalCount` costs a COUNT over
 * the whole filter only for a client that selects it (most pages don't), and at most once.
 */
export class LazyCount implements PromiseLike<number> {
  private running?: Promise<number>;
  constructor(private readonly count: () => Promise<number>) {}
  then<A = number, B = never>(ok?: ((n: number) => A | PromiseLike<A>) | null, fail?: ((e: unknown) => B | PromiseLike<B>) | null): Promise<A | B> {
    return (this.running ??= this.count()).then(ok, fail);
  }
}

export interface Connection<T> { edges: Array<{ cursor: string; node: T }>; pageInfo: PageInfo; totalCount: number | LazyCount }

export function ConnectionType<T extends object>(node: ClassType<T>, name: string) {
  @ObjectType(`${name}Edge`)
  class Edge { @Field() cursor: string; @Field(() => node) node: T; }
  @ObjectType(`${name}Connection`)
  class Conn {
    @Field(() => [Edge]) edges: Edge[];
    @Field(() => PageInfo) pageInfo: PageInfo;
    @Field(() => Int, { description: 'matches of the whole filter, all pages' }) totalCount: number;
  }
  return Conn;
}

function encodeCursor(createdAt: Date, id: string): string {
  return Buffer.from(JSON.stringify([createdAt.toISOString(), id])).toString('base64url');
}
function decodeCursor(cursor: string): [string, string] {
  try {
    const v = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(v) && v.length === 2 && typeof v[0] === 'string' && typeof v[1] === 'string' && !Number.isNaN(Date.parse(v[0]))) {
      return [v[0], v[1]];
    }
  } catch { /* fall through */ }
  throw BadUserInputError.field('after', 'not a cursor returned by this list');
}

/** Pages a query builder whose alias has createdAt and id columns. */
export async function paginate<T extends ObjectLiteral & { id: string; createdAt: Date }>(
  qb: SelectQueryBuilder<T>, args: PageArgs,
): Promise<Connection<T>> {
  const a = qb.alias;
  const counted = qb.clone();
  const totalCount = new LazyCount(() => counted.getCount());
  const page = qb.clone().orderBy(`${a}.createdAt`, 'DESC').addOrderBy(`${a}.id`, 'DESC').take(args.first + 1);
  if (args.after) {
    const [at, id] = decodeCursor(args.after);
    page.andWhere(`(${a}.createdAt < :pgAt OR (${a}.createdAt = :pgAt AND ${a}.id < :pgId))`, { pgAt: new Date(at), pgId: id });
  }
  const rows = await page.getMany();
  const hasNextPage = rows.length > args.first;
  const nodes = rows.slice(0, args.first);
  const edges = nodes.map((node) => ({ cursor: encodeCursor(node.createdAt, node.id), node }));
  return { edges, totalCount, pageInfo: { hasNextPage, endCursor: edges.at(-1)?.cursor ?? null } };
}
