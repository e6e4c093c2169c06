// Who may read an open dataset. Published: everyone, anonymous included (003 §19). Draft or suspended: the publisher
// department, and the authority of a region covering it.
import { coveredRegionSql, hasRole, regionCovers, type User } from '@gov/kit';
import type { SelectQueryBuilder } from 'typeorm';
import { OpenDatasetStatus } from '../entities/enums';
import type { OpenDataset } from '../entities/open-dataset';

export function canReadDataset(user: User | null, d: Pick<OpenDataset, 'status' | 'publisherDepartmentId' | 'regionCode'>): boolean {
  if (d.status === OpenDatasetStatus.PUBLISHED) return true;
  if (!user) return false;
  if (user.isService) return true;
  if (user.department && user.department === d.publisherDepartmentId) return true;
  return !!user.region && hasRole(user, 'authority') && regionCovers(user.region, d.regionCode);
}

/** Staff may be told "forbidden"; to anyone else an unpublished dataset simply does not exist. */
export function isStaff(user: User | null): boolean {
  return !!user && (user.isService || hasRole(user, 'authority', 'platform-operator', 'dept-admin', 'dept-approver', 'dept-user', 'assessor'));
}

/** The same rule as SQL, for lists. */
export function restrictToReadable(qb: SelectQueryBuilder<OpenDataset>, user: User | null): SelectQueryBuilder<OpenDataset> {
  if (user?.isService) return qb;
  const a = qb.alias;
  const clauses = [`${a}.status = :odPublished`];
  if (user?.department) clauses.push(`${a}.publisherDepartmentId = :odDept`);
  const params: Record<string, string> = { odPublished: OpenDatasetStatus.PUBLISHED, odDept: user?.department ?? '-' };
  if (user?.region && hasRole(user, 'authority')) {
    const covered = coveredRegionSql(`${a}.regionCode`, user.region, 'odRegion');
    clauses.push(covered.sql);
    Object.assign(params, covered.params);
  }
  return qb.andWhere(`(${clauses.join(' OR ')})`, params);
}
