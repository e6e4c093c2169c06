// Catalog entries (000 §8-9): list filters and facets, drafting, editing a draft, retiring. Every write runs in the
// caller's transaction (`m`) so its audit record commits with it.
import { randomUUID } from 'node:crypto';
import { ConflictError, type User } from '@gov/kit';
import type { EntityManager, SelectQueryBuilder } from 'typeorm';
import { ChangeRequest } from '../entities/change-request';
import { DataResource } from '../entities/data-resource';
import { ChangeStatus, ResourceStatus, type OpenType, type ResourceCategory, type SensitivityGrade, type ShareType } from '../entities/enums';
import { checkSourceSystem, entryFields, writeItems } from './entries';
import type { EntryInput } from './rules';
import { whereKeyword } from './search';

/** What a list of entries can be narrowed by (the GraphQL DataResourceFilter). */
export interface EntryFilter {
  keyword?: string | null; departmentId?: string | null; regionCode?: string | null; status?: ResourceStatus | null;
  shareType?: ShareType | null; openType?: OpenType | null; grade?: SensitivityGrade | null; category?: ResourceCategory | null;
  theme?: string | null; mounted?: boolean | null; reviewOverdue?: boolean | null;
}

export function applyFilter(qb: SelectQueryBuilder<DataResource>, filter: EntryFilter | null): SelectQueryBuilder<DataResource> {
  if (filter?.keyword?.trim()) whereKeyword(qb, filter.keyword);
  if (filter?.departmentId) qb.andWhere('r.departmentId = :fDept', { fDept: filter.departmentId });
  if (filter?.regionCode) qb.andWhere('r.regionCode = :fRegion', { fRegion: filter.regionCode });
  if (filter?.status) qb.andWhere('r.status = :fStatus', { fStatus: filter.status });
  if (filter?.shareType) qb.andWhere('r.shareType = :fShare', { fShare: filter.shareType });
  if (filter?.openType) qb.andWhere('r.openType = :fOpen', { fOpen: filter.openType });
  if (filter?.grade) qb.andWhere('r.sensitivityGrade = :fGrade', { fGrade: filter.grade });
  if (filter?.category) qb.andWhere('r.category = :fCat', { fCat: filter.category });
  if (filter?.theme) qb.andWhere('r.theme = :fTheme', { fTheme: filter.theme });
  if (filter?.mounted === true) qb.andWhere('r.mountKind IS NOT NULL');
  if (filter?.mounted === false) qb.andWhere('r.mountKind IS NULL');
  if (filter?.reviewOverdue === true || filter?.reviewOverdue === false) qb.andWhere('r.reviewOverdue = :fOverdue', { fOverdue: filter.reviewOverdue });
  return qb;
}

const FACETS: Array<[string, string]> = [
  ['category', 'category'], ['shareType', 'shareType'], ['openType', 'openType'], ['grade', 'sensitivityGrade'],
  ['departmentId', 'departmentId'], ['regionCode', 'regionCode'], ['status', 'status'], ['theme', 'theme'],
];

/** Counts per value of each facet dimension over `base` (already filtered and restricted to what the caller reads). */
export function facetsOf(base: SelectQueryBuilder<DataResource>): Promise<Array<{ dimension: string; buckets: Array<{ value: string; count: number }> }>> {
  return Promise.all(FACETS.map(async ([dimension, column]) => {
    const rows = await base.clone().select(`r.${column}`, 'value').addSelect('COUNT(*)', 'count')
      .andWhere(`r.${column} IS NOT NULL`).groupBy(`r.${column}`).orderBy('count', 'DESC').addOrderBy('value', 'ASC').getRawMany<{ value: string; count: string }>();
    return { dimension, buckets: rows.map((b) => ({ value: String(b.value), count: Number(b.count) })) };
  }));
}

async function assertCodeFree(m: EntityManager, code: string): Promise<void> {
  if (await m.getRepository(DataResource).existsBy({ code })) throw new ConflictError(`code: a catalog entry with code ${code} already exists`);
}

/** A new draft of the author's department. */
export async function createDraft(m: EntityManager, input: EntryInput, author: User & { department: string; region: string }): Promise<DataResource> {
  await assertCodeFree(m, input.code);
  await checkSourceSystem(m, input, author.department);
  const id = randomUUID();
  await m.getRepository(DataResource).insert(m.getRepository(DataResource).create({
    ...entryFields(input), id, departmentId: author.department, regionCode: author.region,
    status: ResourceStatus.DRAFT, version: 1, submissionCount: 0, reviewOverdue: false, createdBy: author.username,
  }));
  await writeItems(m, id, input);
  return m.getRepository(DataResource).findOneByOrFail({ id });
}

/** A draft is edited in place; a published entry never is (000 §9). */
export async function updateDraft(m: EntityManager, existing: DataResource, input: EntryInput): Promise<DataResource> {
  if (existing.status !== ResourceStatus.DRAFT) {
    throw new ConflictError(`000 §9: a ${existing.status.toLowerCase()} catalog entry cannot be edited in place; request a change instead`);
  }
  if (input.code !== existing.code) await assertCodeFree(m, input.code);
  await checkSourceSystem(m, input, existing.departmentId);
  const changed = await m.getRepository(DataResource).update({ id: existing.id, status: ResourceStatus.DRAFT }, entryFields(input));
  if (!changed.affected) throw new ConflictError('the entry changed meanwhile; reload and retry');
  await writeItems(m, existing.id, input);
  return m.getRepository(DataResource).findOneByOrFail({ id: existing.id });
}

/** A published entry leaves the catalog; its versions stay queryable. Retiring twice is harmless. */
export async function retireEntry(m: EntityManager, r: DataResource, reason: string): Promise<DataResource> {
  if (r.status === ResourceStatus.RETIRED) return r;
  if (r.status !== ResourceStatus.PUBLISHED) throw new ConflictError(`only a published entry can be retired; this entry is ${r.status}`);
  if (await m.getRepository(ChangeRequest).existsBy({ resourceId: r.id, status: ChangeStatus.PENDING })) {
    throw new ConflictError('a change request of this entry is under review; decide it first');
  }
  await m.getRepository(DataResource).update({ id: r.id, status: ResourceStatus.PUBLISHED }, { status: ResourceStatus.RETIRED, retiredAt: new Date(), retireReason: reason.trim() });
  return m.getRepository(DataResource).findOneByOrFail({ id: r.id });
}
