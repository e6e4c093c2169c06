// Who reports a quality issue on what, and as which source. Pure: unit-tested.
import { BadUserInputError, ForbiddenError, hasRole, regionCovers, type User } from '@gov/kit';
import { QualityIssueSource } from '../entities/enums';

/** A report as the rules see it (resolvers/quality-issue.input.ts). */
interface IssueReport { resourceId: string; departmentId: string; description: string }

/** What the catalog subgraph tells us about the resource, read through the graph with the caller's token. */
export interface CatalogResource {
  id: string;
  departmentId: string;
  regionCode: string;
  status: string;
}

/** The platform operator inspects (000 §14); department staff report as consumers (001 §24, 004 §24). */
export function sourceOf(user: User): QualityIssueSource {
  return hasRole(user, 'platform-operator') ? QualityIssueSource.INSPECTION : QualityIssueSource.CONSUMER;
}

export function checkText(field: string, value: string): void {
  if (!value.trim()) throw BadUserInputError.field(field, 'must not be blank');
}

/** `resource` is null when catalog does not show it to the caller: the same answer as a missing one. */
export function checkReport(input: IssueReport, resource: CatalogResource | null, user: User): { source: QualityIssueSource; reporterDepartmentId: string | null } {
  checkText('description', input.description);
  if (!resource) throw BadUserInputError.field('resourceId', `no catalog entry ${input.resourceId} is visible to you`);
  if (resource.status !== 'PUBLISHED') throw BadUserInputError.field('resourceId', `catalog entry ${resource.id} is not published: there is no data to dispute yet`);
  if (input.departmentId !== resource.departmentId) {
    throw BadUserInputError.field('departmentId', `the source department of this entry is ${resource.departmentId} (one source per datum)`);
  }
  const source = sourceOf(user);
  if (source === QualityIssueSource.INSPECTION) {
    if (!user.region || !regionCovers(user.region, resource.regionCode)) throw new ForbiddenError('this entry belongs to a region outside your inspection');
  } else {
    if (!user.department) throw new ForbiddenError('the token carries no department');
    if (user.department === resource.departmentId) throw BadUserInputError.field('departmentId', 'a department corrects its own data directly; issues come from consumers and inspections');
  }
  return { source, reporterDepartmentId: user.department };
}
