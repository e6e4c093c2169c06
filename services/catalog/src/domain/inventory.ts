// The information-system inventory and catalog coverage (002 §2(3)), and the responsibility list (000 §4,7).
import { randomUUID } from 'node:crypto';
import { BadUserInputError, ConflictError } from '@gov/kit';
import type { EntityManager, SelectQueryBuilder } from 'typeorm';
import { InformationSystem } from '../entities/information-system';
import { ResponsibilityItem } from '../entities/responsibility-item';
import { DataResource } from '../entities/data-resource';
import { Department } from '../entities/department';
import { ResourceStatus } from '../entities/enums';

export async function departmentOrFail(m: EntityManager, id: string, field: string): Promise<Department> {
  const d = await m.getRepository(Department).findOneBy({ id });
  if (!d) throw BadUserInputError.field(field, `no department ${id}`);
  return d;
}

export async function registerSystem(
  m: EntityManager, owner: { department: string; region: string }, input: { name: string; description?: string | null },
): Promise<InformationSystem> {
  const repo = m.getRepository(InformationSystem);
  if (await repo.findOneBy({ departmentId: owner.department, name: input.name.trim() })) {
    throw new ConflictError(`name: department ${owner.department} already inventories a system named ${input.name}`);
  }
  const id = randomUUID();
  await repo.insert({ id, departmentId: owner.department, regionCode: owner.region, name: input.name.trim(), description: input.description ?? null });
  return repo.findOneByOrFail({ id });
}

/** Coverage over the systems `systems` selects: those with at least one published entry. */
export async function coverageOf(m: EntityManager, systemsQuery: SelectQueryBuilder<InformationSystem>) {
  const systems = await systemsQuery.orderBy('s.name', 'ASC').getMany();
  const coveredIds = new Set(systems.length ? (await m.getRepository(DataResource).createQueryBuilder('r').select('DISTINCT r.sourceSystemId', 'id')
    .where('r.sourceSystemId IN (:...ids) AND r.status = :p', { ids: systems.map((s) => s.id), p: ResourceStatus.PUBLISHED }).getRawMany<{ id: string }>()).map((x) => x.id) : []);
  const covered = systems.filter((s) => coveredIds.has(s.id)).length;
  return { systems: systems.length, coveredSystems: covered, ratio: systems.length ? covered / systems.length : 0, uncovered: systems.filter((s) => !coveredIds.has(s.id)) };
}

/** Publishing the same line twice is harmless: the first one is returned. */
export async function publishResponsibility(
  m: EntityManager, dept: Department, line: { name: string; description: string | null }, publishedBy: string,
): Promise<ResponsibilityItem> {
  const repo = m.getRepository(ResponsibilityItem);
  const same = await repo.findOneBy({ departmentId: dept.id, name: line.name.trim() });
  if (same) return same;
  const id = randomUUID();
  await repo.insert({ id, departmentId: dept.id, regionCode: dept.regionCode, name: line.name.trim(), description: line.description, resourceId: null, publishedBy });
  return repo.findOneByOrFail({ id });
}

export async function linkResponsibility(m: EntityManager, item: ResponsibilityItem, resourceId: string): Promise<ResponsibilityItem> {
  const r = await m.getRepository(DataResource).findOneBy({ id: resourceId });
  if (!r || r.departmentId !== item.departmentId) throw BadUserInputError.field('resourceId', 'not a catalog entry of the listed department');
  await m.getRepository(ResponsibilityItem).update({ id: item.id }, { resourceId });
  return m.getRepository(ResponsibilityItem).findOneByOrFail({ id: item.id });
}
