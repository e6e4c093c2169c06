// Who may decide which step of an approval (pure: unit-tested), and the wait for the workflow to apply a signal.
import { hasRole, regionCovers, type User } from '@gov/kit';
import type { DataSource } from 'typeorm';
import { ApprovalStage } from '../entities/enums';
import { ShareApplication } from '../entities/share-application';

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

/** The workflow applies a signal through an activity: wait (bounded) until the row shows it, then answer with it. */
export async function waitForChange(ds: DataSource, id: string, changed: (a: ShareApplication) => boolean, timeoutMs = 20_000): Promise<ShareApplication> {
  const repo = ds.getRepository(ShareApplication);
  const until = Date.now() + timeoutMs;
  for (;;) {
    const a = await repo.findOneByOrFail({ id });
    if (changed(a) || Date.now() > until) return a;
    await new Promise((r) => setTimeout(r, 50));
  }
}
