// Cross-field rules of an open dataset (the edge validators check each field alone). Pure: unit-tested.
import { BadUserInputError } from '@gov/kit';
import { OpenDatasetOpenMode, OpenDatasetOpenType } from '../entities/enums';

/** The fields of an open dataset the rules look at (resolvers/open-dataset.input.ts). */
interface OpenDatasetTerms { resourceId?: string | null; openType: OpenDatasetOpenType; openMode: OpenDatasetOpenMode }

/** What the catalog subgraph tells us about the source entry, read through the graph with the caller's token. */
export interface CatalogResource {
  id: string;
  departmentId: string;
  regionCode: string;
  status: string;
  openType: string;
  sensitivityGrade?: string;
}

export function checkOpenMode(input: Pick<OpenDatasetTerms, 'openType' | 'openMode'>): void {
  if (input.openType === OpenDatasetOpenType.CONDITIONAL && input.openMode === OpenDatasetOpenMode.DOWNLOAD) {
    throw BadUserInputError.field('openMode', 'conditionally open data is served through the API or model results, never as a bulk download (003 §22)');
  }
}

/** The dataset may only open what its catalog entry allows to open. `resource` is null when catalog does not show it. */
export function checkAgainstResource(
  input: Pick<OpenDatasetTerms, 'resourceId' | 'openType'>, resource: CatalogResource | null, publisherDepartmentId: string,
): void {
  if (!resource) throw BadUserInputError.field('resourceId', `no catalog entry ${input.resourceId} is visible to your department`);
  if (resource.departmentId !== publisherDepartmentId) throw BadUserInputError.field('resourceId', "a department opens only its own department's catalog entries");
  if (resource.status !== 'PUBLISHED') throw BadUserInputError.field('resourceId', `catalog entry ${resource.id} is not published`);
  if (resource.openType === 'NOT_OPEN') throw BadUserInputError.field('resourceId', 'the catalog entry is NOT_OPEN (不予开放); it cannot back an open dataset');
  if (resource.openType === 'CONDITIONAL' && input.openType === OpenDatasetOpenType.UNCONDITIONAL) {
    throw BadUserInputError.field('openType', 'the catalog entry is only conditionally open; the dataset cannot be UNCONDITIONAL');
  }
  if (resource.sensitivityGrade === 'HIGH' && input.openType === OpenDatasetOpenType.UNCONDITIONAL) {
    throw BadUserInputError.field('openType', 'a HIGH-grade (敏感) catalog entry is never opened unconditionally (003 §23)');
  }
}
