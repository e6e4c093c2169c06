// Facts this service needs from other subgraphs, read through their GraphQL APIs as the platform (never their
// databases): catalog entries of a project's resource catalog (004 §35) and the owner's latest assessment (000 §28).
import { callSubgraphAsService } from '@gov/kit';
import type { Indicator } from './rules';

export interface CatalogEntry { id: string; departmentId: string; status: string; name: string }

export async function catalogEntries(ids: string[]): Promise<Map<string, CatalogEntry | null>> {
  const out = new Map<string, CatalogEntry | null>();
  for (const id of ids) {
    const d = await callSubgraphAsService<{ dataResource: CatalogEntry | null }>('catalog',
      'query($id: ID!) { dataResource(id: $id) { id departmentId status name } }', { id });
    out.set(id, d.dataResource);
  }
  return out;
}

/** The indicators of the department's latest assessment period that scored it (empty: never assessed). */
export async function latestIndicators(departmentId: string): Promise<{ period: string | null; indicators: Indicator[] }> {
  const d = await callSubgraphAsService<{ latestDepartmentAssessment: { periodName: string | null; indicators: Indicator[] } }>('assessment',
    'query($d: ID!) { latestDepartmentAssessment(departmentId: $d) { periodName indicators { metric value score } } }', { d: departmentId });
  return { period: d.latestDepartmentAssessment.periodName, indicators: d.latestDepartmentAssessment.indicators };
}
