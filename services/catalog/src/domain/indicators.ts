// Catalog's own facts for the assessment of departments in a period (000 §28, 004 §9, §34): computed from catalog's
// rows only, each with the evidence (ids) behind it. Assessment reads them through the service-only query, for every
// department of a region at once (a handful of queries whatever the number of departments).
import type { EntityManager } from 'typeorm';
import { ChangeRequest } from '../entities/change-request';
import { DataResource } from '../entities/data-resource';
import { ResourceStatus } from '../entities/enums';
import { InformationSystem } from '../entities/information-system';

export interface IndicatorFact { departmentId: string; key: string; numerator: number; denominator: number; value: number | null; evidence: string[] }

const fact = (departmentId: string, key: string, numerator: number, denominator: number, evidence: string[]): IndicatorFact =>
  ({ departmentId, key, numerator, denominator, value: denominator ? numerator / denominator : null, evidence: evidence.slice(0, 50) });

/** [from, to] are inclusive days; the end is the start of the day after `to`. */
export function dayRange(from: string, to: string): { start: Date; end: Date } {
  const end = new Date(`${to}T00:00:00Z`);
  end.setUTCDate(end.getUTCDate() + 1);
  return { start: new Date(`${from}T00:00:00Z`), end };
}

export async function catalogIndicators(m: EntityManager, departmentIds: string[], from: string, to: string): Promise<IndicatorFact[]> {
  if (!departmentIds.length) return [];
  const { start, end } = dayRange(from, to);
  const systems = await m.getRepository(InformationSystem).createQueryBuilder('s').select(['s.id', 's.name', 's.departmentId'])
    .where('s.departmentId IN (:...d)', { d: departmentIds }).orderBy('s.name', 'ASC').getMany();
  const published = await m.getRepository(DataResource).createQueryBuilder('r').select(['r.id', 'r.name', 'r.mountKind', 'r.departmentId', 'r.sourceSystemId'])
    .where('r.departmentId IN (:...d) AND r.status = :p', { d: departmentIds, p: ResourceStatus.PUBLISHED }).getMany();
  // A system is covered by any published entry drawn from it (an entry of another department included).
  const systemIds = systems.map((s) => s.id);
  const covered = new Set(systemIds.length ? (await m.getRepository(DataResource).createQueryBuilder('r').select('DISTINCT r.sourceSystemId', 'id')
    .where('r.sourceSystemId IN (:...ids) AND r.status = :p', { ids: systemIds, p: ResourceStatus.PUBLISHED }).getRawMany<{ id: string }>()).map((x) => x.id) : []);
  const changes = await m.getRepository(ChangeRequest).createQueryBuilder('c')
    .where('c.departmentId IN (:...d) AND c.createdAt >= :start AND c.createdAt < :end', { d: departmentIds, start, end }).getMany();
  return departmentIds.flatMap((d) => {
    const sys = systems.filter((s) => s.departmentId === d);
    const uncovered = sys.filter((s) => !covered.has(s.id));
    const pub = published.filter((r) => r.departmentId === d);
    const unmounted = pub.filter((r) => r.mountKind === null);
    const ch = changes.filter((c) => c.departmentId === d);
    const late = ch.filter((c) => c.filedLate);
    return [
      fact(d, 'catalog.coverage', sys.length - uncovered.length, sys.length, uncovered.map((s) => `uncovered system ${s.id} ${s.name}`)),
      fact(d, 'catalog.mountRate', pub.length - unmounted.length, pub.length, unmounted.map((r) => `unmounted entry ${r.id} ${r.name}`)),
      fact(d, 'catalog.changesOnTime', ch.length - late.length, ch.length, late.map((c) => `change ${c.id} filed later than 15 working days`)),
    ];
  });
}
