// Who may read a digital project: staff of the owner department, and the authority / assessors of a region that
// covers the project's region (a city covers its counties).
import { coveredRegionSql, hasRole, regionCovers, type User } from '@gov/kit';
import type { SelectQueryBuilder } from 'typeorm';
import type { DigitalProject } from '../entities/digital-project';

export const PROJECT_READERS = ['authority', 'assessor', 'platform-operator', 'dept-admin', 'dept-approver', 'dept-user'] as const;
const OVERSIGHT = ['authority', 'assessor'] as const;


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
    const covered = coveredRegionSql(`${a}.regionCode`, user.region);
    clauses.push(covered.sql);
    Object.assign(params, covered.params);
  }
  return qb.andWhere(clauses.length ? `(${clauses.join(' OR ')})` : '1 = 0', params);
}
