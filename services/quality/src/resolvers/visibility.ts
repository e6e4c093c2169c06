// Who may read a quality issue: the source department, the reporting department, and the authority / platform
// operator / assessors of a region covering the source.
import { coveredRegionSql, hasRole, OVERSIGHT, regionCovers, type User } from '@gov/kit';
import type { SelectQueryBuilder } from 'typeorm';
import type { QualityIssue } from '../entities/quality-issue';


export function canReadIssue(user: User, i: Pick<QualityIssue, 'departmentId' | 'reporterDepartmentId' | 'regionCode'>): boolean {
  if (user.isService) return true;
  if (user.department && (user.department === i.departmentId || user.department === i.reporterDepartmentId)) return true;
  return !!user.region && hasRole(user, ...OVERSIGHT) && regionCovers(user.region, i.regionCode);
}

/** The same rule as SQL, for lists. */
export function restrictToReadable(qb: SelectQueryBuilder<QualityIssue>, user: User): SelectQueryBuilder<QualityIssue> {
  if (user.isService) return qb;
  const a = qb.alias;
  const clauses = [`${a}.departmentId = :qiDept`, `${a}.reporterDepartmentId = :qiDept`];
  const params: Record<string, string> = { qiDept: user.department ?? '-' };
  if (user.region && hasRole(user, ...OVERSIGHT)) {
    const covered = coveredRegionSql(`${a}.regionCode`, user.region, 'qiRegion');
    clauses.push(covered.sql);
    Object.assign(params, covered.params);
  }
  return qb.andWhere(`(${clauses.join(' OR ')})`, params);
}
