// The data API (issue 10 §3, 003 §22): cursor pages of a dataset's records. UNCONDITIONAL: anyone. CONDITIONAL: only a
// public user whose application for the dataset was approved and whose period covers today — through the API only.
import { BadUserInputError, ConflictError, ForbiddenError, NotFoundError, type CommonConfig, type GradePolicySource } from '@gov/kit';
import { chinaDate } from '@gov/working-days';
import type { DataSource } from 'typeorm';
import { OpenDatasetOpenType, OpenDatasetStatus } from '../entities/enums';
import { OpenDataApplication, OpenDataApplicationStatus } from '../entities/open-data-application';
import { OpenDataset } from '../entities/open-dataset';
import { openProjection } from './open-policy';
import { fetchSourceResource, streamSourceRecords } from './source';

export const MAX_PAGE = 1000;
export interface RecordPage {
  dataset: OpenDataset; resourceId: string; columns: string[];
  records: Array<{ id: string; fields: Record<string, string | null> }>; endCursor: string | null; hasNextPage: boolean;
}

export async function readRecordPage(
  ds: DataSource, id: string, callerSub: string | null, page: { first: number; after?: string | null; items?: string[] | null },
  rules: GradePolicySource, config: CommonConfig,
): Promise<RecordPage> {
  if (!Number.isInteger(page.first) || page.first < 1 || page.first > MAX_PAGE) throw BadUserInputError.field('first', `between 1 and ${MAX_PAGE}`);
  const dataset = await ds.getRepository(OpenDataset).findOneBy({ id });
  if (!dataset || dataset.status === OpenDatasetStatus.DRAFT) throw new NotFoundError('OpenDataset', id);
  if (dataset.status === OpenDatasetStatus.SUSPENDED) throw new ConflictError('the dataset is suspended after a complaint while the publisher verifies it (003 §17)');
  if (dataset.status !== OpenDatasetStatus.PUBLISHED) throw new ConflictError('the dataset is no longer open');
  /** Items an approved application grants (null: every open item); conditional data only. */
  let grantedItems: Set<string> | null = null;
  if (dataset.openType === OpenDatasetOpenType.CONDITIONAL) {
    if (!callerSub) throw new ForbiddenError('conditionally open data: apply for it, then call the API with your key (000 §21)');
    const today = chinaDate(Date.now());
    const grants = await ds.getRepository(OpenDataApplication).createQueryBuilder('a')
      .where('a.datasetId = :id AND a.applicantSub = :sub AND a.status = :approved AND a.periodFrom <= :today AND a.periodTo >= :today',
        { id, sub: callerSub, approved: OpenDataApplicationStatus.APPROVED, today }).getMany();
    if (!grants.length) throw new ForbiddenError('no approved application of yours covers this dataset today (000 §21, 003 §26)');
    const active = grants.filter((g) => !g.accessSuspendedAt);
    if (!active.length) {
      throw new ForbiddenError(`the publisher suspended your access until you rectify (003 §35): ${grants[0].accessSuspensionReason ?? 'risk report overdue'}`);
    }
    grantedItems = active.some((g) => !g.items) ? null : new Set(active.flatMap((g) => g.items ?? []));
  }
  if (!dataset.resourceId) throw new ConflictError('no catalog entry backs this dataset, so it has no records');
  const resource = await fetchSourceResource(dataset.resourceId, config);
  if (!resource || resource.status !== 'PUBLISHED' || resource.openType === 'NOT_OPEN') throw new ConflictError('the catalog entry behind this dataset is no longer open');
  if (dataset.openType === OpenDatasetOpenType.UNCONDITIONAL && (resource.sensitivityGrade === 'HIGH' || resource.openType !== 'UNCONDITIONAL')) {
    throw new ForbiddenError('a HIGH-grade or conditionally open catalog entry is never opened unconditionally (003 §22-23)');
  }
  const projection = openProjection(await rules(), resource);
  const open = grantedItems ? projection.columns.filter((c) => grantedItems!.has(c)) : projection.columns;
  const columns = page.items?.length ? page.items : open;
  const unknown = columns.filter((c) => !projection.columns.includes(c));
  if (unknown.length) throw BadUserInputError.field('items', `not open items of this dataset: ${unknown.join(', ')}`);
  const ungranted = columns.filter((c) => !open.includes(c));
  if (ungranted.length) throw new ForbiddenError(`your approved application does not cover: ${ungranted.join(', ')}`);
  const records: RecordPage['records'] = [];
  for await (const r of streamSourceRecords(resource.id, projection.columns, config, undefined, { after: page.after, limit: page.first + 1 })) {
    const row = projection.apply(r.fields);
    records.push({ id: r.id, fields: Object.fromEntries(columns.map((c) => [c, row[c]])) });
  }
  const hasNextPage = records.length > page.first;
  const out = records.slice(0, page.first);
  return { dataset, resourceId: resource.id, columns, records: out, hasNextPage, endCursor: out.at(-1)?.id ?? null };
}
