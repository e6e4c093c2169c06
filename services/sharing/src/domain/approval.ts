// Who may decide which step of an approval (pure: unit-tested).
import { hasRole, regionCovers, type User } from '@gov/kit';
import { ApprovalStage } from '../entities/enums';
import type { ShareApplication } from '../entities/share-application';

export function canDecide(user: User, stage: ApprovalStage, a: Pick<ShareApplication, 'providerDepartmentId' | 'providerRegionCode' | 'regionCode'>): boolean {
  switch (stage) {
    case ApprovalStage.COUNTY_ACCEPT: // the consumer's county bureau
      return hasRole(user, 'authority') && user.region === a.regionCode;
    case ApprovalStage.PROVIDER_REVIEW:
    case ApprovalStage.DELIVERY:
      return hasRole(user, 'dept-admin', 'dept-approver') && user.department === a.providerDepartmentId;
    case ApprovalStage.CITY_AUTHORITY_REVIEW:
    case ApprovalStage.ARBITRATION:
      return hasRole(user, 'authority') && !!user.region && regionCovers(user.region, a.providerRegionCode);
    case ApprovalStage.AUTHORITY_DECISION: // whole authorisation of the consumer's region
      return hasRole(user, 'authority') && !!user.region && regionCovers(user.region, a.regionCode) && regionCovers(user.region, a.providerRegionCode);
    case ApprovalStage.FILING:
      return hasRole(user, 'platform-operator') && !!user.region && regionCovers(user.region, a.providerRegionCode);
    default:
      return false;
  }
}
