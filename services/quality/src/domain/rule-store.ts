// Versioned rules per resource. A resource without rules gets the default set derived from its catalog items the
// first time it is inspected or a rule of it is written, so a new resource is inspected without anyone writing rules.
import { randomUUID } from 'node:crypto';
import { isDuplicateKey } from '@gov/kit';
import type { DataSource, EntityManager } from 'typeorm';
import { QualityRule } from '../entities/quality-rule';
import { QualityCheck, QualityDimension } from '../entities/enums';
import type { CatalogResource } from './catalog';
import { CHECK_DIMENSION, defaultRules, type RuleSpec } from './checks';

/** The newest version of every rule of the resource (active and retired). */
export async function latestRules(m: EntityManager | DataSource, resourceId: string): Promise<QualityRule[]> {
  return m.getRepository(QualityRule).createQueryBuilder('r')
    .where('r.resourceId = :resourceId', { resourceId })
    .andWhere('r.version = (SELECT MAX(r2.version) FROM quality_rule r2 WHERE r2.resource_id = r.resource_id AND r2.code = r.code)')
    .orderBy('r.code', 'ASC').getMany();
}

export const toSpec = (r: QualityRule): RuleSpec => ({ code: r.code, check: r.check as RuleSpec['check'], items: r.items, params: r.params });

/** Inserts the default rule set once (a concurrent writer's duplicate key means it is there). */
export async function ensureDefaultRules(ds: DataSource, resource: CatalogResource): Promise<void> {
  if (await ds.getRepository(QualityRule).existsBy({ resourceId: resource.id })) return;
  const rows = defaultRules(resource.items, resource.updateCycle).map((s) => ruleRow(resource, s, 1, true, 'default'));
  try {
    await ds.getRepository(QualityRule).insert(rows);
  } catch (e) {
    if (!isDuplicateKey(e)) throw e;
  }
}

export function ruleRow(resource: Pick<CatalogResource, 'id' | 'departmentId' | 'regionCode'>, s: RuleSpec, version: number, active: boolean, by: string): QualityRule {
  return Object.assign(new QualityRule(), {
    id: randomUUID(), resourceId: resource.id, departmentId: resource.departmentId, regionCode: resource.regionCode, code: s.code, version,
    check: s.check as QualityCheck, dimension: CHECK_DIMENSION[s.check] as QualityDimension, items: s.items, params: s.params, active, createdBy: by,
  });
}

/** Writes the next version of one rule inside `m` (the caller's transaction); the unique key refuses a racing twin. */
export async function writeRuleVersion(m: EntityManager, resource: CatalogResource, s: RuleSpec, active: boolean, by: string): Promise<QualityRule> {
  const [{ v }] = await m.query('SELECT COALESCE(MAX(version), 0) AS v FROM quality_rule WHERE resource_id = ? AND code = ? FOR UPDATE', [resource.id, s.code]) as Array<{ v: number | string }>;
  const row = ruleRow(resource, s, Number(v) + 1, active, by);
  await m.getRepository(QualityRule).insert(row);
  return row;
}
