// The approval gate, the yearly O&M reports and the indicators assessment reads (§29, §33, 004 §35).
import { randomUUID } from 'node:crypto';
import { BadUserInputError, ConflictError, isDuplicateKey } from '@gov/kit';
import type { DataSource, EntityManager } from 'typeorm';
import type { ProjectsContext } from '../context';
import { DigitalProject } from '../entities/digital-project';
import { DigitalProjectStatus } from '../entities/enums';
import { OmReport, ProjectEvent, ProjectGate } from '../entities/project-records';
import type { Gate } from './rules';

export async function gateOf(m: EntityManager | DataSource, regionCode: string, fallback: Gate): Promise<Gate> {
  const g = await m.getRepository(ProjectGate).findOneBy({ regionCode });
  return g ? { minTotalScore: g.minTotalScore, minIndicatorValue: g.minIndicatorValue } : fallback;
}

export async function setGate(ctx: ProjectsContext, regionCode: string, gate: Gate, actor: string): Promise<ProjectGate> {
  return ctx.ds.transaction(async (m) => {
    await m.getRepository(ProjectGate).upsert({ regionCode, ...gate, setBy: actor }, ['regionCode']);
    await ctx.audit({ action: 'UPDATE', resourceId: `project-gate-${regionCode}`, items: ['projectGate'], detail: `min total ${gate.minTotalScore}, min indicator ${gate.minIndicatorValue}` }, m);
    return m.getRepository(ProjectGate).findOneByOrFail({ regionCode });
  });
}

/** §29: one report per O&M year, filed once (a report marked overdue can still be filed; it stays marked). */
export async function fileOmReport(ctx: ProjectsContext, p: DigitalProject, input: { omYear: number; summary: string }, actor: string): Promise<OmReport> {
  if (p.status !== DigitalProjectStatus.IN_OPERATION) throw new ConflictError(`digital project ${p.id} is ${p.status}, not IN_OPERATION`);
  const years = p.procurement?.omYears ?? 3;
  if (input.omYear > years) throw BadUserInputError.field('omYear', `the contract agrees ${years} O&M years`);
  try {
    return await ctx.ds.transaction(async (m) => {
      const repo = m.getRepository(OmReport);
      await repo.createQueryBuilder().insert().values({ id: randomUUID(), projectId: p.id, omYear: input.omYear, overdue: false }).orIgnore().execute();
      const filed = await repo.createQueryBuilder().update().set({ summary: input.summary, filedAt: new Date(), filedBy: actor })
        .where('project_id = :p AND om_year = :y AND filed_at IS NULL', { p: p.id, y: input.omYear }).execute();
      if (!filed.affected) throw new ConflictError(`the O&M report of year ${input.omYear} is already filed`);
      await m.getRepository(ProjectEvent).insert({ id: randomUUID(), projectId: p.id, step: 'OM_REPORT_FILED', actor, detail: `year ${input.omYear}` });
      await ctx.audit({ action: 'UPDATE', resourceId: p.id, items: ['omReport'], detail: `OM_REPORT_FILED year ${input.omYear}`,
        done: { type: 'PROJECT_OM_REPORT', id: p.id, stage: `YEAR_${input.omYear}`, title: `运维报告：${p.name.slice(0, 60)}`, departmentId: p.ownerDepartmentId, regionCode: p.regionCode, outcome: 'FILED' } }, m);
      return repo.findOneByOrFail({ projectId: p.id, omYear: input.omYear });
    });
  } catch (e) {
    if (isDuplicateKey(e)) throw new ConflictError(`the O&M report of year ${input.omYear} is being filed at the same time; reload`);
    throw e;
  }
}

export interface ProjectIndicators {
  departmentId: string; from: string; to: string;
  projects: number; accepted: number; evaluated: number; averageEvaluation: number | null; overdueSteps: number; overdueOmReports: number; rejectedByGate: number;
}

/** What assessment reads of a department's projects in a period (§33: the evaluation feeds the owner's assessment). */
export async function indicatorsOf(ds: DataSource, departmentId: string, from: string, to: string): Promise<ProjectIndicators> {
  const start = new Date(`${from}T00:00:00+08:00`), end = new Date(`${to}T24:00:00+08:00`);
  const projects = await ds.getRepository(DigitalProject).findBy({ ownerDepartmentId: departmentId });
  const inPeriod = (iso: string | Date | null | undefined) => !!iso && new Date(iso) >= start && new Date(iso) < end;
  const evaluated = projects.filter((p) => inPeriod(p.evaluation?.evaluatedAt));
  const ids = projects.map((p) => p.id);
  const overdueOmReports = ids.length ? await ds.getRepository(OmReport).createQueryBuilder('r')
    .where('r.projectId IN (:...ids) AND r.overdue = 1', { ids }).getCount() : 0;
  const rejectedByGate = ids.length ? await ds.getRepository(ProjectEvent).createQueryBuilder('e')
    .where('e.projectId IN (:...ids) AND e.step = :s AND e.createdAt >= :start AND e.createdAt < :end', { ids, s: 'APPROVAL_REFUSED_BY_GATE', start, end }).getCount() : 0;
  return {
    departmentId, from, to,
    projects: projects.filter((p) => p.year >= Number(from.slice(0, 4)) && p.year <= Number(to.slice(0, 4))).length,
    accepted: projects.filter((p) => inPeriod(p.acceptedAt)).length,
    evaluated: evaluated.length,
    averageEvaluation: evaluated.length ? Math.round((evaluated.reduce((s, p) => s + p.evaluation!.total, 0) / evaluated.length) * 100) / 100 : null,
    overdueSteps: projects.reduce((s, p) => s + p.overdueSteps.filter((x) => !x.startsWith('OM_REPORT_')).length, 0),
    overdueOmReports, rejectedByGate,
  };
}
