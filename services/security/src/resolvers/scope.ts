// Who may read audit records: the authority and the platform operator of a region that covers the record's region
// (a city covers its counties). Machine identities only append.
import { hasRole, isCity, regionCovers, type User } from '@gov/kit';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';

export const AUDIT_READERS = ['authority', 'platform-operator'] as const;

/** Department ids are `<region code>-<kind>` (e.g. 420600-gaj): the region is the prefix. */
export function regionOfDepartmentId(id: string): string | null {
  const m = /^(\d{6})-[A-Za-z0-9_]+$/.exec(id);
  return m ? m[1] : null;
}

export function canReadAuditOf(user: User, regionCode: string | null): boolean {
  return !!regionCode && !!user.region && hasRole(user, ...AUDIT_READERS) && regionCovers(user.region, regionCode);
}

/** The same rule as SQL, for lists: the record's region_code is covered by the caller's region. */
export function restrictToCoveredRegion<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, user: User): SelectQueryBuilder<T> {
  const a = qb.alias;
  if (!user.region || !hasRole(user, ...AUDIT_READERS)) return qb.andWhere('1 = 0');
  if (isCity(user.region)) return qb.andWhere(`${a}.regionCode LIKE :scopeCity`, { scopeCity: `${user.region.slice(0, 4)}%` });
  return qb.andWhere(`${a}.regionCode = :scopeRegion`, { scopeRegion: user.region });
}
