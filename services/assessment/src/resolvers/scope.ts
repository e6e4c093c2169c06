// Who may read assessment data: the authority and assessors of a region that covers it (a city covers its counties).
// Assessment is oversight, so a department does not read its own scores here.
import { hasRole, isCity, regionCovers, type User } from '@gov/kit';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';

export const ASSESSMENT_READERS = ['authority', 'assessor'] as const;

/** Department ids are `<region code>-<kind>` (e.g. 420600-gaj): the region is the prefix. */
export function regionOfDepartmentId(id: string): string | null {
  const m = /^(\d{6})-[A-Za-z0-9_]+$/.exec(id);
  return m ? m[1] : null;
}

export function canReadAssessmentOf(user: User, regionCode: string | null): boolean {
  return !!regionCode && !!user.region && hasRole(user, ...ASSESSMENT_READERS) && regionCovers(user.region, regionCode);
}

/** The same rule as SQL, for lists. */
export function restrictToCoveredRegion<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, user: User): SelectQueryBuilder<T> {
  const a = qb.alias;
  if (!user.region || !hasRole(user, ...ASSESSMENT_READERS)) return qb.andWhere('1 = 0');
  if (isCity(user.region)) return qb.andWhere(`${a}.regionCode LIKE :scopeCity`, { scopeCity: `${user.region.slice(0, 4)}%` });
  return qb.andWhere(`${a}.regionCode = :scopeRegion`, { scopeRegion: user.region });
}
