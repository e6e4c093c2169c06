// Cross-field rules of a share application (the edge validators check each field alone). Pure: unit-tested.
import { BadUserInputError, ConflictError, type FieldProblem } from '@gov/kit';

/** The fields of an application (or subscription) the rules look at. */
interface ApplicationTerms {
  resourceId: string; requestedItems: string[]; periodFrom: string; periodTo: string; clearText?: boolean | null; clearTextReason?: string | null;
}

/** What the catalog subgraph tells us about the resource, read through the graph with the caller's token. */
export interface CatalogResource {
  id: string;
  departmentId: string;
  regionCode: string;
  status: string;
  shareType: string;
  items: Array<{ name: string }>;
}

/** A real calendar day, YYYY-MM-DD (the regex at the edge lets 2026-02-30 through). */
export function isCalendarDay(s: string): boolean {
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

export function checkPeriod(input: Pick<ApplicationTerms, 'periodFrom' | 'periodTo'>): void {
  const problems: FieldProblem[] = [];
  if (!isCalendarDay(input.periodFrom)) problems.push({ field: 'periodFrom', reason: `${input.periodFrom} is not a calendar day` });
  if (!isCalendarDay(input.periodTo)) problems.push({ field: 'periodTo', reason: `${input.periodTo} is not a calendar day` });
  else if (!problems.length && input.periodTo <= input.periodFrom) problems.push({ field: 'periodTo', reason: 'the period must end after it starts' });
  if (problems.length) throw new BadUserInputError(problems);
}

/** Clear text of masked items is asked for with its reason, so the provider can weigh it (000 §18, 000 §24). */
export function checkClearText(input: Pick<ApplicationTerms, 'clearText' | 'clearTextReason'>): void {
  if (input.clearText && !input.clearTextReason?.trim()) {
    throw BadUserInputError.field('clearTextReason', 'asking for clear text needs the reason the scenario requires it');
  }
}

/**
 * May this department apply for this resource with these items? `resource` is null when the catalog does not show it
 * to the caller (missing, or not visible): the same answer, so nothing leaks.
 */
export function checkAgainstResource(input: Pick<ApplicationTerms, 'resourceId' | 'requestedItems'>, resource: CatalogResource | null, consumerDepartmentId: string): CatalogResource {
  if (!resource) throw BadUserInputError.field('resourceId', `no published catalog entry ${input.resourceId} is visible to your department`);
  if (resource.status !== 'PUBLISHED') throw BadUserInputError.field('resourceId', `catalog entry ${input.resourceId} is not published`);
  if (resource.departmentId === consumerDepartmentId) throw BadUserInputError.field('resourceId', 'a department does not apply for its own resources');
  if (resource.shareType === 'UNCONDITIONAL') {
    throw BadUserInputError.field('resourceId', 'this resource is shared UNCONDITIONALLY: subscribe to it (subscribeToResource), no application is needed');
  }
  if (resource.shareType === 'NOT_SHARED') {
    throw new ConflictError('this resource is NOT_SHARED (不予共享): it cannot be applied for; ask the authority to reclassify it first (001 §21)');
  }
  const known = new Set(resource.items.map((i) => i.name));
  const unknown = input.requestedItems.filter((n) => !known.has(n));
  if (unknown.length) throw BadUserInputError.field('requestedItems', `not data items of this resource: ${unknown.join(', ')}`);
  return resource;
}

/** The items asked for must be items of the resource. */
export function checkItems(field: string, requested: string[], resource: Pick<CatalogResource, 'items'>): void {
  const known = new Set(resource.items.map((i) => i.name));
  const unknown = requested.filter((n) => !known.has(n));
  if (unknown.length) throw BadUserInputError.field(field, `not data items of this resource: ${unknown.join(', ')}`);
}
