// Who may read audit records: the authority and the platform operator of a region that covers the record's region
// (a city covers its counties). Machine identities only append.
import { coveredRegionSql, hasRole, regionCovers, type User } from '@gov/kit';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';

export const AUDIT_READERS = ['authority', 'platform-operator'] as const;

export { regionOfDepartment as regionOfDepartmentId } from '@gov/kit';

export function canReadAuditOf(user: User, regionCode: string | null): boolean {
  return !!regionCode && !!user.region && hasRole(user, ...AUDIT_READERS) && regionCovers(user.region, regionCode);
}

/** The same rule as SQL, for lists: the record's region_code is covered by the caller's region. */
export function restrictToCoveredRegion<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, user: User): SelectQueryBuilder<T> {
  const a = qb.alias;
  if (!user.region || !hasRole(user, ...AUDIT_READERS)) return qb.andWhere('1 = 0');
  const covered = coveredRegionSql(`${a}.regionCode`, user.region);
  return qb.andWhere(covered.sql, covered.params);
}
