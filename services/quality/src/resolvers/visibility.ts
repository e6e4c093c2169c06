// Who may read a quality issue: the source department, the reporting department, and the authority / platform
// operator / assessors of a region covering the source.
import { cityOf, hasRole, isCity, regionCovers, type User } from '@gov/kit';
import type { SelectQueryBuilder } from 'typeorm';
import type { QualityIssue } from '../entities/quality-issue';

const OVERSIGHT = ['authority', 'platform-operator', 'assessor'] as const;

export function canReadIssue(user: User, i: Pick<QualityIssue, 'departmentId' | 'reporterDepartmentId' | 'regionCode'>): boolean {
  if (user.isService) return true;
  if (user.department && (user.department === i.departmentId || user.department === i.reporterDepartmentId)) return true;
  return !!user.region && hasRole(user, ...OVERSIGHT) && regionCovers(user.region, i.regionCode);
}

/** The same rule as SQL, for lists. */
export function restrictToReadable(qb: SelectQueryBuilder<QualityIssue>, user: User): SelectQueryBuilder<QualityIssue> {
  if (user.isService) return qb;
  const a = qb.alias;
  const region = user.region ?? '-';
  const clauses = [`${a}.departmentId = :qiDept`, `${a}.reporterDepartmentId = :qiDept`];
  if (user.region && hasRole(user, ...OVERSIGHT)) clauses.push(isCity(region) ? `${a}.regionCode LIKE :qiCityPrefix` : `${a}.regionCode = :qiRegion`);
  return qb.andWhere(`(${clauses.join(' OR ')})`, { qiDept: user.department ?? '-', qiRegion: region, qiCityPrefix: `${cityOf(region).slice(0, 4)}%` });
}
