// 待办 in projects (001 临湘项目办法): the project step waiting on the caller — the authority of a covering region (plan,
// technical and expert review, a change, final acceptance), the region's development-reform commission (approval) and
// finance bureau (budget, final acceptance), the owner department's administrator (its filings); read by catalog's
// myTasks as the caller and audited here.
import {
  coveredRegionSql, deadlineOf, hasRole, PENDING_TASK_FIRST, PENDING_TASK_LIMIT, pendingTaskFirst, pendingTaskList, PendingTaskList, regionCovers, requireUser, STAFF,
  type PendingTask, type User,
} from '@gov/kit';
import { Arg, Authorized, Ctx, Int, Query, Resolver } from 'type-graphql';
import { In } from 'typeorm';
import type { ProjectsContext } from '../context';
import type { ProjectsConfig } from '../config';
import { DigitalProject } from '../entities/digital-project';
import { OmReport, ProjectEvent } from '../entities/project-records';
import { DigitalProjectKind, DigitalProjectStatus as S } from '../entities/enums';
import { needsExpertReview, omReportDues, STEP_LIMIT } from '../domain/rules';
import { partyDepartment } from '../domain/rules';

const AUTHORITY_STEPS = [S.SUBMITTED, S.SUPPLEMENTARY_SUBMITTED, S.TECHNICAL_REVIEW, S.EXPERT_REVIEW];
/** What the owner files next in each status (a unified project's construction plan is the big-data centre's, §13). */
const OWNER_STEPS = [S.PLANNED, S.PLAN_APPROVED, S.APPROVED, S.RECTIFICATION, S.ACCEPTED];
const DECIDERS = ['dept-admin', 'dept-approver'] as const;

/** Who acts on `p` now, as far as `user` is concerned (null: not the caller). The SQL below only narrows. */
function waitsOn(user: User, p: DigitalProject, config: ProjectsConfig): string | null {
  const authority = hasRole(user, 'authority') && !!user.region && regionCovers(user.region, p.regionCode);
  const party = (kind: 'reform' | 'finance') => hasRole(user, ...DECIDERS) && user.department === partyDepartment(kind, p.regionCode, config);
  const owner = hasRole(user, 'dept-admin') && user.department === p.ownerDepartmentId;
  const centre = hasRole(user, 'dept-admin', 'platform-operator') && user.department === `${p.regionCode}-${config.bigDataCentreKind}`;
  if (authority && AUTHORITY_STEPS.includes(p.status)) return 'authority';
  if (authority && p.pendingChange && [S.APPROVED, S.UNDER_CONSTRUCTION].includes(p.status)) return 'authority';
  if (party('reform') && p.status === S.APPROVAL_REVIEW) return 'reform';
  if (party('finance') && p.status === S.BUDGET_REVIEW) return 'finance';
  if (p.status === S.TRIAL_RUN && needsExpertReview(p.budget)) {
    if (authority && !p.finalByAuthority) return 'authority';
    if (party('finance') && !p.finalByFinance) return 'finance';
  }
  if (p.status === S.PLAN_APPROVED && p.kind === DigitalProjectKind.UNIFIED) return centre ? 'centre' : null;
  if (owner && OWNER_STEPS.includes(p.status)) return 'owner';
  return null;
}

async function projectTasksOf(ctx: ProjectsContext, user: User): Promise<PendingTask[]> {
  const or: string[] = [];
  const params: Record<string, unknown> = {};
  if (hasRole(user, 'authority') && user.region) {
    const region = coveredRegionSql('p.regionCode', user.region, 'ptRegion');
    or.push(region.sql);
    Object.assign(params, region.params);
  }
  if (user.department && hasRole(user, 'dept-admin', 'dept-approver', 'platform-operator')) {
    or.push('p.ownerDepartmentId = :ptDept');
    params.ptDept = user.department;
    if (user.region) { // the region's reform / finance / big-data centre act on every project of their region
      or.push('p.regionCode = :ptOwnRegion');
      params.ptOwnRegion = user.region;
    }
  }
  if (!or.length) return [];
  const open = [...AUTHORITY_STEPS, ...OWNER_STEPS, S.APPROVAL_REVIEW, S.BUDGET_REVIEW, S.TRIAL_RUN, S.UNDER_CONSTRUCTION];
  const rows = await ctx.ds.getRepository(DigitalProject).createQueryBuilder('p').where('p.status IN (:...ptOpen)', { ptOpen: open })
    .andWhere(`(${or.join(' OR ')})`, params).orderBy('p.stageDeadline', 'ASC').limit(PENDING_TASK_LIMIT).getMany();
  return rows.flatMap((p) => {
    const who = waitsOn(user, p, ctx.config);
    if (!who) return [];
    const limit = STEP_LIMIT[p.status];
    const stage = p.pendingChange && [S.APPROVED, S.UNDER_CONSTRUCTION].includes(p.status) && who === 'authority' ? 'CHANGE' : p.status;
    return [{
      type: 'PROJECT_STEP', id: p.id, stage, title: `信息化项目：${p.name.slice(0, 60)}`, departmentId: p.ownerDepartmentId, regionCode: p.regionCode,
      deadline: limit && stage === p.status ? deadlineOf(p.stageDeadline, { workingDays: ctx.config.limits[limit], overdue: p.stageOverdue || undefined }) : null,
    }];
  });
}

/** A yearly O&M report shows as a to-do this many calendar days before it falls due. */
export const OM_REPORT_NOTICE_DAYS = 30;

/** §29: the owner's yearly O&M reports of projects in operation, due within OM_REPORT_NOTICE_DAYS or overdue, not filed. */
async function omReportTasksOf(ctx: ProjectsContext, user: User): Promise<PendingTask[]> {
  if (!hasRole(user, 'dept-admin') || !user.department) return [];
  const projects = await ctx.ds.getRepository(DigitalProject).find({
    where: { ownerDepartmentId: user.department, status: S.IN_OPERATION }, take: PENDING_TASK_LIMIT,
  });
  if (!projects.length) return [];
  const ids = projects.map((p) => p.id);
  const [archived, filed] = await Promise.all([
    ctx.ds.getRepository(ProjectEvent).find({ where: { projectId: In(ids), step: 'ARCHIVE_FILED' }, order: { createdAt: 'ASC' } }),
    ctx.ds.getRepository(OmReport).find({ where: { projectId: In(ids) } }),
  ]);
  const archivedAt = new Map<string, Date>();
  for (const e of archived) if (!archivedAt.has(e.projectId)) archivedAt.set(e.projectId, e.createdAt);
  const done = new Set(filed.filter((r) => r.filedAt).map((r) => `${r.projectId}:${r.omYear}`));
  const horizon = Date.now() + OM_REPORT_NOTICE_DAYS * 86_400_000;
  return projects.flatMap((p) => {
    const start = archivedAt.get(p.id);
    if (!start) return [];
    return omReportDues(start, p.procurement?.omYears ?? 3, ctx.config.limits.OM_REPORT)
      .filter(({ year, due }) => !done.has(`${p.id}:${year}`) && Date.parse(due) <= horizon)
      .map(({ year, due }) => ({
        type: 'PROJECT_OM_REPORT', id: p.id, stage: `YEAR_${year}`, title: `运维报告：${p.name.slice(0, 60)}`, departmentId: p.ownerDepartmentId, regionCode: p.regionCode,
        deadline: deadlineOf(new Date(due), { workingDays: ctx.config.limits.OM_REPORT }),
      }));
  });
}

@Resolver()
export class ProjectTaskResolver {
  @Authorized(...STAFF)
  @Query(() => PendingTaskList, { description: 'digital-project steps waiting on the caller (authority, development-reform, finance, owner department, big-data centre) and yearly O&M reports due within 30 days or overdue (owner), earliest due first, with the counts of all' })
  async projectsPendingTasks(@Arg('first', () => Int, { defaultValue: PENDING_TASK_FIRST }) first: number, @Ctx() ctx: ProjectsContext): Promise<PendingTaskList> {
    const user = requireUser(ctx);
    const [steps, reports] = await Promise.all([projectTasksOf(ctx, user), omReportTasksOf(ctx, user)]);
    const list = pendingTaskList([...steps, ...reports], pendingTaskFirst(first));
    await ctx.audit({ action: 'QUERY', items: ['digitalProject', 'omReport'], detail: `pending tasks total=${list.total} rows=${list.items.length}` });
    return list;
  }
}
