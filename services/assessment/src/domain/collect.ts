// Collects the facts of every department of a region from the subgraph that owns them, as the platform (service-only
// queries): ONE call per source per run, whatever the number of departments; assessment never reads another
// subgraph's database. An unreachable source fails the activity, which Temporal retries.
import { callSubgraphAsService, type CommonConfig } from '@gov/kit';
import { IndicatorSource } from '../entities/enums';
import type { DepartmentFacts, Fact } from './scoring';

interface RawFact { departmentId: string; key: string; numerator: number; denominator: number; value: number | null; evidence: string[] }

/** Each source's service-only batch query: (departmentIds, from, to) → facts keyed by department. */
export const FACT_QUERIES: Partial<Record<IndicatorSource, string>> = {
  [IndicatorSource.CATALOG]: 'catalogIndicators',
  [IndicatorSource.SHARING]: 'sharingIndicators',
  [IndicatorSource.QUALITY]: 'qualityFacts',
  [IndicatorSource.OPEN_DATA]: 'openDataFacts',
  [IndicatorSource.SECURITY]: 'securityFacts',
  [IndicatorSource.PROJECTS]: 'projectFacts',
};

export async function collectSource(source: IndicatorSource, departmentIds: string[], from: string, to: string, config?: CommonConfig): Promise<RawFact[]> {
  const field = FACT_QUERIES[source]!;
  const doc = `query($d: [ID!]!, $from: String!, $to: String!) { ${field}(departmentIds: $d, from: $from, to: $to) { departmentId key numerator denominator value evidence } }`;
  return (await callSubgraphAsService<Record<string, RawFact[]>>(source, doc, { d: departmentIds, from, to }, config))[field];
}

export function isAvailableSource(source: IndicatorSource): boolean {
  return FACT_QUERIES[source] !== undefined;
}

export async function departmentsOf(regionCode: string, config?: CommonConfig): Promise<Array<{ id: string; name: string }>> {
  return (await callSubgraphAsService<{ departments: Array<{ id: string; name: string; regionCode: string }> }>('catalog',
    'query($r: String) { departments(regionCode: $r) { id name regionCode } }', { r: regionCode }, config)).departments.filter((d) => d.regionCode === regionCode);
}

/** Every department's facts from every source the definitions name: the sources asked in parallel, one call each. */
export async function collectFacts(regionCode: string, sources: IndicatorSource[], from: string, to: string, config?: CommonConfig): Promise<DepartmentFacts[]> {
  const departments = await departmentsOf(regionCode, config);
  if (!departments.length) return [];
  const ids = departments.map((d) => d.id);
  const wanted = [...new Set(sources)].filter(isAvailableSource);
  const answers = (await Promise.all(wanted.map((s) => collectSource(s, ids, from, to, config)))).flat();
  const facts = new Map<string, Record<string, Fact>>(ids.map((id) => [id, {}]));
  for (const f of answers) {
    const mine = facts.get(f.departmentId);
    if (mine) mine[f.key] = { value: f.value, numerator: f.numerator, denominator: f.denominator, evidence: f.evidence };
  }
  return departments.map((dep) => ({ departmentId: dep.id, departmentName: dep.name, facts: facts.get(dep.id)! }));
}
