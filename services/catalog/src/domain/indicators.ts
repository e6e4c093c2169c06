// Catalog's own facts for the assessment of a department in a period (000 §28, 004 §9, §34): computed from catalog's
// rows only, each with the evidence (ids) behind it. Assessment reads them through the service-only query.
import type { EntityManager } from 'typeorm';
import { ChangeRequest } from '../entities/change-request';
import { DataResource } from '../entities/data-resource';
import { ResourceStatus } from '../entities/enums';
import { InformationSystem } from '../entities/information-system';
import { coverageOf } from './inventory';

export interface IndicatorFact { key: string; numerator: number; denominator: number; value: number | null; evidence: string[] }

const fact = (key: string, numerator: number, denominator: number, evidence: string[]): IndicatorFact =>
  ({ key, numerator, denominator, value: denominator ? numerator / denominator : null, evidence: evidence.slice(0, 50) });

/** [from, to] are inclusive days; the end is the start of the day after `to`. */
export function dayRange(from: string, to: string): { start: Date; end: Date } {
  const end = new Date(`${to}T00:00:00Z`);
  end.setUTCDate(end.getUTCDate() + 1);
  return { start: new Date(`${from}T00:00:00Z`), end };
}

export async function catalogIndicators(m: EntityManager, departmentId: string, from: string, to: string): Promise<IndicatorFact[]> {
  const { start, end } = dayRange(from, to);
  const cov = await coverageOf(m, m.getRepository(InformationSystem).createQueryBuilder('s').where('s.departmentId = :d', { d: departmentId }));
  const published = await m.getRepository(DataResource).find({ where: { departmentId, status: ResourceStatus.PUBLISHED }, select: ['id', 'name', 'mountKind'] });
  const unmounted = published.filter((r) => r.mountKind === null);
  const changes = await m.getRepository(ChangeRequest).createQueryBuilder('c')
    .where('c.departmentId = :d AND c.createdAt >= :start AND c.createdAt < :end', { d: departmentId, start, end }).getMany();
  const late = changes.filter((c) => c.filedLate);
  return [
    fact('catalog.coverage', cov.coveredSystems, cov.systems, cov.uncovered.map((s) => `uncovered system ${s.id} ${s.name}`)),
    fact('catalog.mountRate', published.length - unmounted.length, published.length, unmounted.map((r) => `unmounted entry ${r.id} ${r.name}`)),
    fact('catalog.changesOnTime', changes.length - late.length, changes.length, late.map((c) => `change ${c.id} filed later than 15 working days`)),
  ];
}
