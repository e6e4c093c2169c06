// Who may read audit records: the authority and the platform operator of a region that covers the record's region
// (a city covers its counties). Records of the anonymous public (no region) belong to the city level. Machine identities
// only append.
import { coveredRegionSql, hasRole, isCity, regionCovers, type User } from '@gov/kit';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';

export const AUDIT_READERS = ['authority', 'platform-operator'] as const;


export function canReadAuditOf(user: User, regionCode: string | null): boolean {
  if (!user.region || !hasRole(user, ...AUDIT_READERS)) return false;
  return regionCode ? regionCovers(user.region, regionCode) : isCity(user.region);
}

/** The same rule as SQL, for lists: the record's region_code is covered by the caller's region. */
export function restrictToCoveredRegion<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, user: User): SelectQueryBuilder<T> {
  const a = qb.alias;
  if (!user.region || !hasRole(user, ...AUDIT_READERS)) return qb.andWhere('1 = 0');
  const covered = coveredRegionSql(`${a}.regionCode`, user.region);
  return qb.andWhere(isCity(user.region) ? `(${covered.sql} OR ${a}.regionCode IS NULL)` : covered.sql, covered.params);
}
