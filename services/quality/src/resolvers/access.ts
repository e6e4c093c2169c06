// Who may act on a resource's quality: the platform operator of a covering region (inspection, 000 §14) or the
// source department's administrator for its own resources.
import { ForbiddenError, hasRole, regionCovers, type User } from '@gov/kit';

export function assertManagesQuality(user: User, r: { departmentId: string; regionCode: string }): void {
  if (hasRole(user, 'platform-operator') && user.region && regionCovers(user.region, r.regionCode)) return;
  if (hasRole(user, 'dept-admin') && user.department === r.departmentId) return;
  throw new ForbiddenError("only the platform operator of a covering region or the source department's administrator manages this resource's quality");
}
