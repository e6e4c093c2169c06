// Who may read assessment data: the authority and assessors of a region that covers it (a city covers its counties);
// a department reads its own results only once the authority has published them. Writes: the period's own authority.
import { ForbiddenError, coveredRegionSql, hasRole, regionCovers, STAFF, type User } from '@gov/kit';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';

export const ASSESSMENT_READERS = ['authority', 'assessor'] as const;

export function canReadAssessmentOf(user: User, regionCode: string | null): boolean {
  return !!regionCode && !!user.region && hasRole(user, ...ASSESSMENT_READERS) && regionCovers(user.region, regionCode);
}

/** A department's own staff, for its published results. */
export function isOwnDepartment(user: User, departmentId: string): boolean {
  return user.department === departmentId && hasRole(user, ...STAFF);
}

/** The authority of the period's own region edits and runs it (a city authority does not run a county's). */
export function assertPeriodAuthority(user: User, regionCode: string): void {
  if (!hasRole(user, 'authority') || user.region !== regionCode) throw new ForbiddenError(`only the authority of region ${regionCode} may change its assessment`);
}

/** The same rule as SQL, for lists. */
export function restrictToCoveredRegion<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, user: User): SelectQueryBuilder<T> {
  const a = qb.alias;
  if (!user.region || !hasRole(user, ...ASSESSMENT_READERS)) return qb.andWhere('1 = 0');
  const covered = coveredRegionSql(`${a}.regionCode`, user.region);
  return qb.andWhere(covered.sql, covered.params);
}
