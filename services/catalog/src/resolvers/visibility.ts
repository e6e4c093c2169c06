// Who may read which catalog entry. Published entries: departments of the same region, the city over its counties,
// and a county over the city's shareable entries (市县一体化). Unpublished (draft, submitted, retired): the owning
// department, and the authority / platform operator / assessors of a region that covers it.
import {
  assertDepartmentAccess, canAccessDepartment, cityOf, coveredRegionSql, ForbiddenError, hasRole, isCity, NotFoundError, OVERSIGHT, regionCovers,
  requireUser, type User,
} from '@gov/kit';
import type { SelectQueryBuilder } from 'typeorm';
import type { CatalogContext } from '../context';
import type { ChangeRequest } from '../entities/change-request';
import type { Demand } from '../entities/demand';
import type { FunctionChange } from '../entities/function-change';
import { DataResource } from '../entities/data-resource';
import { ResourceStatus, ShareType } from '../entities/enums';

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
  const oversight = hasRole(user, ...OVERSIGHT);
  const clauses = [
    `${a}.departmentId = :dept`,
    `(${a}.status = :published AND ${covered})`,
    ...(isCity(region) ? [] : [`(${a}.status = :published AND ${a}.regionCode = :city AND ${a}.shareType <> :notShared)`]),
    ...(oversight ? [covered] : []),
  ];
  return qb.andWhere(`(${clauses.join(' OR ')})`, params);
}

/** The entry, for a write by its own department (the providing department compiles its catalog). */
export async function loadForWrite(ctx: CatalogContext, id: string): Promise<DataResource> {
  const user = requireUser(ctx);
  const r = await ctx.ds.getRepository(DataResource).findOneBy({ id });
  if (!r) throw new NotFoundError('DataResource', id);
  assertDepartmentAccess(user, r, 'write', 'catalog entries');
  if (user.department !== r.departmentId) throw new ForbiddenError('only the providing department compiles its catalog entries');
  return r;
}

export async function loadReadable(ctx: CatalogContext, id: string): Promise<DataResource> {
  const r = await ctx.ds.getRepository(DataResource).findOneBy({ id });
  if (!r) throw new NotFoundError('DataResource', id);
  if (!canReadResource(requireUser(ctx), r)) throw new ForbiddenError(`not allowed to read catalog entry ${id}`);
  return r;
}

/** The authority decides for its own region and, from a city, for its counties. */
export function assertAuthorityOver(user: User, regionCode: string): void {
  if (!user.region || !regionCovers(user.region, regionCode)) throw new ForbiddenError('this entry belongs to a region outside your authority');
}

/** The department's region, or NOT_FOUND for an unknown department (before any scope check). */
export async function regionOfKnownDepartment(ctx: CatalogContext, id: string): Promise<string> {
  const d = await ctx.departmentById.load(id);
  if (!d) throw new NotFoundError('Department', id);
  return d.regionCode;
}

/** Lists (responsibility): staff of a region that covers the department's, or of a county reading the city's (市县一体化). */
export function canReadLists(user: User, departmentId: string, regionCode: string): boolean {
  if (canAccessDepartment(user, { departmentId, regionCode }, 'read')) return true;
  if (!user.region || (hasRole(user, 'public') && user.roles.length === 1)) return false;
  return regionCovers(user.region, regionCode) || regionCovers(regionCode, user.region);
}

/** Change requests: its department, or the oversight of a region covering it. */
/** Also function changes (004 §9): alias `c`, the same departmentId / regionCode columns. */
export function restrictChangeRequests<T extends ChangeRequest | FunctionChange>(qb: SelectQueryBuilder<T>, user: User): SelectQueryBuilder<T> {
  if (user.isService) return qb;
  if (hasRole(user, ...OVERSIGHT) && user.region) {
    const covered = coveredRegionSql('c.regionCode', user.region, 'crRegion');
    return qb.andWhere(`(c.departmentId = :crDept OR ${covered.sql})`, { crDept: user.department ?? '-', ...covered.params });
  }
  return qb.andWhere('c.departmentId = :crDept', { crDept: user.department ?? '-' });
}

/** Demands: the two departments, or the oversight of a region covering either. */
export function restrictDemands(qb: SelectQueryBuilder<Demand>, user: User): SelectQueryBuilder<Demand> {
  if (user.isService) return qb;
  const clauses = ['d.requesterDepartmentId = :dmDept', 'd.holderDepartmentId = :dmDept'];
  const params: Record<string, string> = { dmDept: user.department ?? '-' };
  if (hasRole(user, ...OVERSIGHT) && user.region) {
    const h = coveredRegionSql('d.holderRegionCode', user.region, 'dmH'); const r = coveredRegionSql('d.requesterRegionCode', user.region, 'dmR');
    clauses.push(h.sql, r.sql); Object.assign(params, h.params, r.params);
  }
  return qb.andWhere(`(${clauses.join(' OR ')})`, params);
}
