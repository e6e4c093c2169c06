// Who may read quality data: the source department, the reporting department (issues), and the authority / platform
// operator / assessors of a region covering the source.
import { ForbiddenError, coveredRegionSql, hasRole, OVERSIGHT, regionCovers, type User } from '@gov/kit';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
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

/** Runs, rules and objections of a resource: its source department, oversight of a covering region, the platform. */
export function canReadResourceQuality(user: User, r: { departmentId: string; regionCode: string }): boolean {
  if (user.isService) return true;
  if (user.department === r.departmentId) return true;
  return !!user.region && hasRole(user, ...OVERSIGHT) && regionCovers(user.region, r.regionCode);
}

export function assertReadsResource(user: User, r: { departmentId: string; regionCode: string }): void {
  if (!canReadResourceQuality(user, r)) throw new ForbiddenError("only the source department and oversight of a covering region read this resource's quality");
}

/** The same rule as SQL, for lists of rows carrying departmentId/regionCode. */
export function restrictToDepartmentScope<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, user: User): SelectQueryBuilder<T> {
  if (user.isService) return qb;
  const a = qb.alias;
  const clauses = [`${a}.departmentId = :rqDept`];
  const params: Record<string, string> = { rqDept: user.department ?? '-' };
  if (user.region && hasRole(user, ...OVERSIGHT)) {
    const covered = coveredRegionSql(`${a}.regionCode`, user.region, 'rqRegion');
    clauses.push(covered.sql);
    Object.assign(params, covered.params);
  }
  return qb.andWhere(`(${clauses.join(' OR ')})`, params);
}
