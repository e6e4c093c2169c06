// Who may read assessment data: the authority and assessors of a region that covers it (a city covers its counties).
// Assessment is oversight, so a department does not read its own scores here.
import { coveredRegionSql, hasRole, regionCovers, type User } from '@gov/kit';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';

export const ASSESSMENT_READERS = ['authority', 'assessor'] as const;


export function canReadAssessmentOf(user: User, regionCode: string | null): boolean {
  return !!regionCode && !!user.region && hasRole(user, ...ASSESSMENT_READERS) && regionCovers(user.region, regionCode);
}

/** The same rule as SQL, for lists. */
export function restrictToCoveredRegion<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, user: User): SelectQueryBuilder<T> {
  const a = qb.alias;
  if (!user.region || !hasRole(user, ...ASSESSMENT_READERS)) return qb.andWhere('1 = 0');
  const covered = coveredRegionSql(`${a}.regionCode`, user.region);
  return qb.andWhere(covered.sql, covered.params);
}
