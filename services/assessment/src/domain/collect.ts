// Collects each department's facts from the subgraph that owns them, as the platform (service-only queries): assessment
// never reads another subgraph's database. A source not listed here computes no facts yet (its indicators are marked
// unavailable); an unreachable source fails the activity, which Temporal retries.
import { callSubgraphAsService, type CommonConfig } from '@gov/kit';
import { IndicatorSource } from '../entities/enums';
import type { DepartmentFacts, Fact } from './scoring';

interface RawFact { key: string; numerator: number; denominator: number; value: number | null; evidence: string[] }
type Collector = (departmentId: string, from: string, to: string, config?: CommonConfig) => Promise<Record<string, Fact>>;

const FACT_FIELDS = 'key numerator denominator value evidence';
const byKey = (facts: RawFact[]) => Object.fromEntries(facts.map((f) => [f.key, { value: f.value, numerator: f.numerator, denominator: f.denominator, evidence: f.evidence }]));

export const COLLECTORS: Partial<Record<IndicatorSource, Collector>> = {
  [IndicatorSource.CATALOG]: async (d, from, to, config) => byKey((await callSubgraphAsService<{ catalogIndicators: RawFact[] }>('catalog',
    `query($d: ID!, $from: String!, $to: String!) { catalogIndicators(departmentId: $d, from: $from, to: $to) { ${FACT_FIELDS} } }`, { d, from, to }, config)).catalogIndicators),
  [IndicatorSource.SHARING]: async (d, from, to, config) => byKey((await callSubgraphAsService<{ sharingIndicators: RawFact[] }>('sharing',
    `query($d: ID!, $from: String!, $to: String!) { sharingIndicators(departmentId: $d, from: $from, to: $to) { ${FACT_FIELDS} } }`, { d, from, to }, config)).sharingIndicators),
  [IndicatorSource.PROJECTS]: async (d, from, to, config) => {
    const p = (await callSubgraphAsService<{ projectIndicators: { evaluated: number; averageEvaluation: number | null } }>('projects',
      'query($d: ID!, $from: String!, $to: String!) { projectIndicators(departmentId: $d, from: $from, to: $to) { evaluated averageEvaluation } }', { d, from, to }, config)).projectIndicators;
    return { 'projects.postEvaluation': { value: p.averageEvaluation === null ? null : p.averageEvaluation / 100, numerator: null, denominator: p.evaluated, evidence: [`${p.evaluated} project(s) post-evaluated, mean ${p.averageEvaluation ?? '-'}`] } };
  },
};

interface QualityMonth { issuesVerified: number; fixedOnTime: number; reopenRate: number | null; escalated: number }

/** The months YYYY-MM from `from` to `to` (inclusive days), never past the current month. */
export function monthsOf(from: string, to: string, today = new Date().toISOString().slice(0, 10)): string[] {
  const last = (to < today ? to : today).slice(0, 7);
  const out: string[] = [];
  for (let y = Number(from.slice(0, 4)), m = Number(from.slice(5, 7)); `${y}-${String(m).padStart(2, '0')}` <= last; m === 12 ? (y++, m = 1) : m++) {
    out.push(`${y}-${String(m).padStart(2, '0')}`);
  }
  return out;
}

// Quality (issue 11) answers per month; the period's facts are the months' sums.
COLLECTORS[IndicatorSource.QUALITY] = async (d, from, to, config) => {
  const months = await Promise.all(monthsOf(from, to).map(async (period) => (await callSubgraphAsService<{ qualityIndicators: QualityMonth[] }>('quality',
    'query($p: String!, $d: String) { qualityIndicators(period: $p, departmentId: $d) { issuesVerified fixedOnTime reopenRate escalated } }', { p: period, d }, config)).qualityIndicators));
  const rows = months.flat();
  const verified = rows.reduce((s, r) => s + r.issuesVerified, 0);
  const onTime = rows.reduce((s, r) => s + r.fixedOnTime, 0);
  const reopened = Math.round(rows.reduce((s, r) => s + (r.reopenRate ?? 0) * r.issuesVerified, 0));
  const escalated = rows.reduce((s, r) => s + r.escalated, 0);
  return {
    'quality.fixedInTime': { value: verified ? onTime / verified : null, numerator: onTime, denominator: verified, evidence: [`${verified - onTime} verified issue(s) fixed after their deadline; ${escalated} escalated`] },
    'quality.reopenRate': { value: verified ? reopened / verified : null, numerator: reopened, denominator: verified, evidence: [`${reopened} verified issue(s) had been reopened`] },
  };
};

export function isAvailableSource(source: IndicatorSource): boolean {
  return COLLECTORS[source] !== undefined;
}

export async function departmentsOf(regionCode: string, config?: CommonConfig): Promise<Array<{ id: string; name: string }>> {
  return (await callSubgraphAsService<{ departments: Array<{ id: string; name: string; regionCode: string }> }>('catalog',
    'query($r: String) { departments(regionCode: $r) { id name regionCode } }', { r: regionCode }, config)).departments.filter((d) => d.regionCode === regionCode);
}

/** Every department's facts from every source the definitions name; five departments at a time. */
export async function collectFacts(regionCode: string, sources: IndicatorSource[], from: string, to: string, config?: CommonConfig): Promise<DepartmentFacts[]> {
  const departments = await departmentsOf(regionCode, config);
  const wanted = [...new Set(sources)].filter(isAvailableSource);
  const out: DepartmentFacts[] = [];
  for (let i = 0; i < departments.length; i += 5) {
    out.push(...await Promise.all(departments.slice(i, i + 5).map(async (dep) => {
      const parts = await Promise.all(wanted.map((s) => COLLECTORS[s]!(dep.id, from, to, config)));
      return { departmentId: dep.id, departmentName: dep.name, facts: Object.assign({}, ...parts) as Record<string, Fact> };
    })));
  }
  return out;
}
