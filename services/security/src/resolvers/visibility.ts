// Who may read audit records: the authority and the platform operator of a region that covers the record's region
// (a city covers its counties). Records of the anonymous public (no region) belong to the city level. Machine identities
// only append.
import { cityOf, coveredRegionSql, hasRole, isCity, regionCovers, type User } from '@gov/kit';
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

/**
 * Emergency plans (000 §24): the plan's department; the authority / operator of a covering region; a region-wide plan
 * also to every department of a region it covers (they invoke it in their incidents); services.
 */
export function canReadPlan(user: User, p: { departmentId: string; regionCode: string; regionWide: boolean }): boolean {
  if (user.isService) return true;
  if (user.department && user.department === p.departmentId) return true;
  if (user.region && hasRole(user, 'authority', 'platform-operator') && regionCovers(user.region, p.regionCode)) return true;
  return p.regionWide && !!user.region && regionCovers(p.regionCode, user.region);
}

/** The same rule as SQL, for lists (the region-wide plans of the caller's own region and, in a county, of its city). */
export function restrictPlansToReadable<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, user: User): SelectQueryBuilder<T> {
  if (user.isService) return qb;
  const a = qb.alias;
  const clauses = [`${a}.departmentId = :epDept`];
  const params: Record<string, unknown> = { epDept: user.department ?? '-' };
  if (user.region) {
    if (hasRole(user, 'authority', 'platform-operator')) {
      const c = coveredRegionSql(`${a}.regionCode`, user.region, 'epCovered');
      clauses.push(c.sql);
      Object.assign(params, c.params);
    }
    clauses.push(`(${a}.regionWide = TRUE AND ${a}.regionCode IN (:...epUp))`);
    params.epUp = isCity(user.region) ? [user.region] : [user.region, cityOf(user.region)];
  }
  return qb.andWhere(`(${clauses.join(' OR ')})`, params);
}
