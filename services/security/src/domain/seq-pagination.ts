// Audit lists page by chain position (seq DESC), not by (createdAt, id) like kit's paginate: records appended in the
// same millisecond must still come out in chain order. Same Relay shape and PageArgs as kit.
import { BadUserInputError, LazyCount, type Connection, type PageArgs } from '@gov/kit';
import type { SelectQueryBuilder } from 'typeorm';
import type { AuditRecord } from '../entities/audit-record';

export function encodeSeqCursor(seq: number): string {
  return Buffer.from(JSON.stringify(['seq', seq])).toString('base64url');
}

export function decodeSeqCursor(cursor: string): number {
  try {
    const v = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(v) && v.length === 2 && v[0] === 'seq' && Number.isSafeInteger(v[1]) && (v[1] as number) > 0) return v[1] as number;
  } catch { /* fall through */ }
  throw BadUserInputError.field('after', 'not a cursor returned by this list');
}

export async function paginateBySeq(qb: SelectQueryBuilder<AuditRecord>, args: PageArgs): Promise<Connection<AuditRecord>> {
  const a = qb.alias;
  const counted = qb.clone();
  const totalCount = new LazyCount(() => counted.getCount()); // counted only if the client asks
  const page = qb.clone().orderBy(`${a}.seq`, 'DESC').take(args.first + 1);
  if (args.after) page.andWhere(`${a}.seq < :pgSeq`, { pgSeq: decodeSeqCursor(args.after) });
  const rows = await page.getMany();
  const nodes = rows.slice(0, args.first);
  const edges = nodes.map((node) => ({ cursor: encodeSeqCursor(node.seq), node }));
  return { edges, totalCount, pageInfo: { hasNextPage: rows.length > args.first, endCursor: edges.at(-1)?.cursor ?? null } };
}
