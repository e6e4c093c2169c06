// Who may read which catalog entry. Published entries: departments of the same region, the city over its counties,
// and a county over the city's shareable entries (市县一体化). Unpublished (draft, submitted, retired): the owning
// department, and the authority / platform operator / assessors of a region that covers it.
import { canAccessDepartment, cityOf, coveredRegionSql, hasRole, isCity, regionCovers, type User } from '@gov/kit';
import type { SelectQueryBuilder } from 'typeorm';
import { ResourceStatus, ShareType } from '../entities/enums';
import type { DataResource } from '../entities/data-resource';

export function canReadResource(user: User, r: DataResource): boolean {
  if (canAccessDepartment(user, r, 'read')) return true;
  if (r.status !== ResourceStatus.PUBLISHED || !user.region || hasRole(user, 'public') && user.roles.length === 1) return false;
  if (regionCovers(user.region, r.regionCode)) return true;
  return !isCity(user.region) && r.regionCode === cityOf(user.region) && r.shareType !== ShareType.NOT_SHARED;
}

/** The same rule as SQL, for lists. */
export function restrictToReadable(qb: SelectQueryBuilder<DataResource>, user: User): SelectQueryBuilder<DataResource> {
  if (user.isService) return qb;
  const a = qb.alias;
  const region = user.region ?? '-';
  const { sql: covered, params: coveredParams } = coveredRegionSql(`${a}.regionCode`, region);
  const params = { ...coveredParams, city: cityOf(region), dept: user.department ?? '-', published: ResourceStatus.PUBLISHED, notShared: ShareType.NOT_SHARED };
  const oversight = hasRole(user, 'authority', 'platform-operator', 'assessor');
  const clauses = [
    `${a}.departmentId = :dept`,
    `(${a}.status = :published AND ${covered})`,
    ...(isCity(region) ? [] : [`(${a}.status = :published AND ${a}.regionCode = :city AND ${a}.shareType <> :notShared)`]),
    ...(oversight ? [covered] : []),
  ];
  return qb.andWhere(`(${clauses.join(' OR ')})`, params);
}
