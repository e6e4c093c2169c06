// Who may read a share application: the consumer department always; once submitted, also the provider department and
// the authority / platform operator / assessors of a region covering either side (a county's request for city data
// concerns both bureaus). A draft is the consumer's own working paper: nobody else reads it.
import { cityOf, hasRole, isCity, regionCovers, type User } from '@gov/kit';
import type { SelectQueryBuilder } from 'typeorm';
import { ShareApplicationStatus } from '../entities/enums';
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
  const region = user.region ?? '-';
  const city = isCity(region);
  const covers = (col: string) => (city ? `${a}.${col} LIKE :svCityPrefix` : `${a}.${col} = :svRegion`);
  const others = [`${a}.providerDepartmentId = :svDept`];
  if (user.region && hasRole(user, ...OVERSIGHT)) others.push(covers('regionCode'), covers('providerRegionCode'));
  return qb.andWhere(`(${a}.consumerDepartmentId = :svDept OR (${a}.status <> :svDraft AND (${others.join(' OR ')})))`, {
    svDept: user.department ?? '-', svRegion: region, svCityPrefix: `${cityOf(region).slice(0, 4)}%`, svDraft: ShareApplicationStatus.DRAFT,
  });
}
