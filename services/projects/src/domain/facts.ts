// Projects' facts for the assessment of departments in a period (001 项目 §33): the mean post-evaluation score.
import type { DataSource } from 'typeorm';
import { indicatorsOf } from './records';

export interface ProjectFact { departmentId: string; key: string; numerator: number; denominator: number; value: number | null; evidence: string[] }

export async function projectFacts(ds: DataSource, departmentIds: string[], from: string, to: string): Promise<ProjectFact[]> {
  const out: ProjectFact[] = [];
  for (const d of departmentIds) {
    const p = await indicatorsOf(ds, d, from, to);
    out.push({
      departmentId: d, key: 'projects.postEvaluation', numerator: Math.round(p.averageEvaluation ?? 0), denominator: p.evaluated,
      value: p.averageEvaluation === null ? null : p.averageEvaluation / 100,
      evidence: [`${p.evaluated} project(s) post-evaluated, mean ${p.averageEvaluation ?? '-'}`, ...(p.overdueSteps ? [`${p.overdueSteps} project step(s) overdue`] : [])],
    });
  }
  return out;
}
