// Who may read a digital project: staff of the owner department, and the authority / assessors of a region that
// covers the project's region (a city covers its counties).
import { hasRole, isCity, regionCovers, type User } from '@gov/kit';
import type { SelectQueryBuilder } from 'typeorm';
import type { DigitalProject } from '../entities/digital-project';

export const PROJECT_READERS = ['authority', 'assessor', 'platform-operator', 'dept-admin', 'dept-approver', 'dept-user'] as const;
const OVERSIGHT = ['authority', 'assessor'] as const;

/** Department ids are `<region code>-<kind>` (e.g. 420600-gaj): the region is the prefix. */
export function regionOfDepartmentId(id: string): string | null {
  const m = /^(\d{6})-[A-Za-z0-9_]+$/.exec(id);
  return m ? m[1] : null;
}

export function canReadProjectsOf(user: User, owner: { ownerDepartmentId: string; regionCode: string | null }): boolean {
  if (user.department && user.department === owner.ownerDepartmentId && hasRole(user, ...PROJECT_READERS)) return true;
  return !!owner.regionCode && !!user.region && hasRole(user, ...OVERSIGHT) && regionCovers(user.region, owner.regionCode);
}

/** The same rule as SQL, for lists. */
export function restrictToReadable(qb: SelectQueryBuilder<DigitalProject>, user: User): SelectQueryBuilder<DigitalProject> {
  const a = qb.alias;
  const clauses: string[] = [];
  const params: Record<string, string> = {};
  if (user.department && hasRole(user, ...PROJECT_READERS)) { clauses.push(`${a}.ownerDepartmentId = :scopeDept`); params.scopeDept = user.department; }
  if (user.region && hasRole(user, ...OVERSIGHT)) {
    if (isCity(user.region)) { clauses.push(`${a}.regionCode LIKE :scopeCity`); params.scopeCity = `${user.region.slice(0, 4)}%`; }
    else { clauses.push(`${a}.regionCode = :scopeRegion`); params.scopeRegion = user.region; }
  }
  return qb.andWhere(clauses.length ? `(${clauses.join(' OR ')})` : '1 = 0', params);
}
