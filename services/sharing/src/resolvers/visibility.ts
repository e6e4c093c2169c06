// Who may read a share application: the consumer department always; once submitted, also the provider department and
// the authority / platform operator / assessors of a region covering either side (a county's request for city data
// concerns both bureaus). A draft is the consumer's own working paper: nobody else reads it.
import { coveredRegionSql, hasRole, regionCovers, type User } from '@gov/kit';
import type { SelectQueryBuilder } from 'typeorm';
import { ShareApplicationStatus } from '../entities/enums';
import type { ShareGrant } from '../entities/grant';
import type { ShareApplication } from '../entities/share-application';

const OVERSIGHT = ['authority', 'platform-operator', 'assessor'] as const;

export function canReadApplication(
  user: User, a: Pick<ShareApplication, 'consumerDepartmentId' | 'providerDepartmentId' | 'regionCode' | 'providerRegionCode' | 'status'>,
): boolean {
  if (user.isService) return true;
  if (user.department && user.department === a.consumerDepartmentId) return true;
  if (a.status === ShareApplicationStatus.DRAFT) return false;
  if (user.department && user.department === a.providerDepartmentId) return true;
  return !!user.region && hasRole(user, ...OVERSIGHT) && (regionCovers(user.region, a.regionCode) || regionCovers(user.region, a.providerRegionCode));
}

/** The same rule as SQL, for lists. */
export function restrictToReadable(qb: SelectQueryBuilder<ShareApplication>, user: User): SelectQueryBuilder<ShareApplication> {
  if (user.isService) return qb;
  const a = qb.alias;
  const params: Record<string, string> = { svDept: user.department ?? '-', svDraft: ShareApplicationStatus.DRAFT };
  const others = [`${a}.providerDepartmentId = :svDept`, ...oversightOf(user, a, ['regionCode', 'providerRegionCode'], params)];
  return qb.andWhere(`(${a}.consumerDepartmentId = :svDept OR (${a}.status <> :svDraft AND (${others.join(' OR ')})))`, params);
}

/** Who may read a grant: its consumer and provider departments; oversight of a region covering either side. */
export function canReadGrant(user: User, g: Pick<ShareGrant, 'consumerDepartmentId' | 'providerDepartmentId' | 'consumerRegionCode' | 'providerRegionCode'>): boolean {
  if (user.isService) return true;
  if (user.department && (user.department === g.consumerDepartmentId || user.department === g.providerDepartmentId)) return true;
  return !!user.region && hasRole(user, ...OVERSIGHT) && (regionCovers(user.region, g.consumerRegionCode) || regionCovers(user.region, g.providerRegionCode));
}

/** The same rule as SQL, for lists. */
export function restrictGrantsToReadable(qb: SelectQueryBuilder<ShareGrant>, user: User): SelectQueryBuilder<ShareGrant> {
  if (user.isService) return qb;
  const a = qb.alias;
  const params: Record<string, string> = { gDept: user.department ?? '-' };
  const clauses = [`${a}.consumerDepartmentId = :gDept`, `${a}.providerDepartmentId = :gDept`, ...oversightOf(user, a, ['consumerRegionCode', 'providerRegionCode'], params)];
  return qb.andWhere(`(${clauses.join(' OR ')})`, params);
}

/** Oversight roles see rows whose region columns their region covers (kit's rule: a city covers its counties). */
function oversightOf(user: User, alias: string, columns: string[], params: Record<string, string>): string[] {
  if (!user.region || !hasRole(user, ...OVERSIGHT)) return [];
  return columns.map((col) => {
    const covered = coveredRegionSql(`${alias}.${col}`, user.region!, 'svCovered');
    Object.assign(params, covered.params);
    return covered.sql;
  });
}
