// 待办 (issue 14): catalog's own waiting items, and the caller's whole list gathered from every subgraph that holds
// some — each asked as the caller, so each applies its own authorisation (a county user never sees a city task). Each
// source returns its earliest-due `first` items and the counts of all: the list moves first × sources items, the
// badges count everything.
import {
  coveredRegionSql, deadlineOf, hasRole, mergePendingTaskLists, PENDING_TASK_LIMIT, PENDING_TASK_LIST_FIELDS, pendingTaskList, querySubgraph,
  type PendingTask, type PendingTaskList, type ServiceName, type User,
} from '@gov/kit';
import { CATALOG_CHANGE_FILING_WORKING_DAYS } from '@gov/workflows';
import { Brackets, In, type DataSource } from 'typeorm';
import { ChangeRequest } from '../entities/change-request';
import { DataResource } from '../entities/data-resource';
import { Demand } from '../entities/demand';
import { Department } from '../entities/department';
import { ChangeStatus, DemandStatus, EscalationLevel, ResourceStatus } from '../entities/enums';
import { FunctionChange, FunctionChangeStatus } from '../entities/function-change';

export interface CatalogTaskDays { reviewWorkingDays: number; demandAnswerWorkingDays: number; demandArbitrationWorkingDays: number }

/** Reviews for the authority of a covering region (entries, change requests, disputed demands). */
async function authorityTasks(ds: DataSource, user: User, days: CatalogTaskDays): Promise<PendingTask[]> {
  if (!hasRole(user, 'authority') || !user.region) return [];
  const region = coveredRegionSql('x.regionCode', user.region, 'taskRegion');
  const holder = coveredRegionSql('x.holderRegionCode', user.region, 'taskHolderRegion');
  const [entries, changes, disputes] = await Promise.all([
    ds.getRepository(DataResource).createQueryBuilder('x').where('x.status = :submitted', { submitted: ResourceStatus.SUBMITTED })
      .andWhere(region.sql, region.params).orderBy('x.reviewDeadline', 'ASC').limit(PENDING_TASK_LIMIT).getMany(),
    ds.getRepository(ChangeRequest).createQueryBuilder('x').where('x.status = :pending', { pending: ChangeStatus.PENDING })
      .andWhere(region.sql, region.params).orderBy('x.reviewDeadline', 'ASC').limit(PENDING_TASK_LIMIT).getMany(),
    // 000 §17: a dispute before the authority (one referred to the city government waits on it, not on the authority).
    ds.getRepository(Demand).createQueryBuilder('x').where('x.status = :escalated AND x.escalationLevel = :toAuthority', {
      escalated: DemandStatus.ESCALATED, toAuthority: EscalationLevel.AUTHORITY,
    }).andWhere(holder.sql, holder.params).orderBy('x.deadline', 'ASC').limit(PENDING_TASK_LIMIT).getMany(),
  ]);
  return [
    ...entries.map((r) => ({
      type: 'CATALOG_REVIEW', id: r.id, stage: null, title: `目录审核：${r.name}`, departmentId: r.departmentId, regionCode: r.regionCode,
      deadline: deadlineOf(r.reviewDeadline, { workingDays: days.reviewWorkingDays, version: r.reviewCalendar }),
    })),
    ...changes.map((c) => ({
      type: 'CHANGE_REVIEW', id: c.id, stage: c.basis, title: `目录变更审核：${c.reason.slice(0, 60)}`, departmentId: c.departmentId, regionCode: c.regionCode,
      deadline: deadlineOf(c.reviewDeadline, { workingDays: days.reviewWorkingDays, version: c.reviewCalendar }),
    })),
    ...disputes.map((d) => ({
      type: 'DEMAND_ARBITRATION', id: d.id, stage: d.escalationLevel, title: `需求协调：${d.title.slice(0, 60)}`, departmentId: d.holderDepartmentId,
      regionCode: d.holderRegionCode, deadline: deadlineOf(d.deadline, { workingDays: days.demandArbitrationWorkingDays }),
    })),
  ];
}

/** The department administrator's: demands to answer as holder (000 §17), change requests due after a function change (004 §9). */
async function departmentTasks(ds: DataSource, user: User, days: CatalogTaskDays): Promise<PendingTask[]> {
  if (!hasRole(user, 'dept-admin') || !user.department) return [];
  const [demands, changes] = await Promise.all([
    ds.getRepository(Demand).find({
      where: { holderDepartmentId: user.department, status: DemandStatus.OPEN }, order: { deadline: 'ASC' }, take: PENDING_TASK_LIMIT,
    }),
    ds.getRepository(FunctionChange).createQueryBuilder('x').where('x.departmentId = :taskDept', { taskDept: user.department })
      .andWhere(new Brackets((w) => w.where('x.status = :awaiting', { awaiting: FunctionChangeStatus.AWAITING_FILING })
        .orWhere('(x.status = :late AND x.changeRequestId IS NULL)', { late: FunctionChangeStatus.OVERDUE })))
      .orderBy('x.filingDeadline', 'ASC').limit(PENDING_TASK_LIMIT).getMany(),
  ]);
  return [
    ...demands.map((d) => ({
      type: 'DEMAND_ANSWER', id: d.id, stage: d.status, title: `需求答复：${d.title.slice(0, 60)}`, departmentId: d.holderDepartmentId,
      regionCode: d.holderRegionCode, deadline: deadlineOf(d.deadline, { workingDays: days.demandAnswerWorkingDays }),
    })),
    ...changes.map((f) => ({
      type: 'FUNCTION_CHANGE_FILING', id: f.id, stage: f.status, title: `职能变更待报目录变更：${f.description.slice(0, 60)}`, departmentId: f.departmentId,
      regionCode: f.regionCode, deadline: deadlineOf(f.filingDeadline, { workingDays: CATALOG_CHANGE_FILING_WORKING_DAYS, overdue: f.status === FunctionChangeStatus.OVERDUE || undefined }),
    })),
  ];
}

/** Everything catalog itself has waiting on the caller. */
export async function catalogTasksOf(ds: DataSource, user: User, days: CatalogTaskDays): Promise<PendingTask[]> {
  const [a, d] = await Promise.all([authorityTasks(ds, user, days), departmentTasks(ds, user, days)]);
  return [...a, ...d];
}

/** The subgraphs that list pending items for a caller, and the query each answers. */
export const SOURCES: Array<[ServiceName, string]> = [
  ['sharing', 'sharingPendingTasks'], ['quality', 'qualityPendingTasks'], ['open-data', 'openDataPendingTasks'],
  ['projects', 'projectsPendingTasks'], ['security', 'securityPendingTasks'], ['assessment', 'assessmentPendingTasks'],
];

export interface GatheredTasks { list: PendingTaskList; unavailable: string[] }

/** Every waiting item, earliest due first: catalog's own plus each source's earliest `first`, asked in parallel as the caller. */
export async function gatherTasks(own: Promise<PendingTask[]>, user: User, first: number, sources = SOURCES): Promise<GatheredTasks> {
  const answers = await Promise.allSettled([
    own.then((tasks) => pendingTaskList(tasks, first)),
    ...sources.map(async ([name, field]) => {
      const data = await querySubgraph<Record<string, PendingTaskList>>(name, `query PendingTasks($first: Int!) { ${field}(first: $first) { ${PENDING_TASK_LIST_FIELDS} } }`, { first }, user.token);
      const list = data?.[field];
      if (!list) throw new Error(`${name} answered no ${field}`);
      // Over the wire the due instant is a string: back to a Date for this graph's DateTime scalar.
      return { ...list, items: list.items.map((t) => ({ ...t, deadline: t.deadline && { ...t.deadline, dueAt: new Date(t.deadline.dueAt) } })) };
    }),
  ]);
  const lists: PendingTaskList[] = [];
  const unavailable: string[] = [];
  answers.forEach((a, i) => {
    if (a.status === 'fulfilled') lists.push(a.value);
    else unavailable.push(i === 0 ? 'catalog' : sources[i - 1][0]);
  });
  return { list: mergePendingTaskLists(lists, first), unavailable };
}

/** The items with their department's name from the register (catalog owns Department); unknown ids stay null. */
export async function withDepartmentNames(ds: DataSource, items: PendingTask[]): Promise<PendingTask[]> {
  const ids = [...new Set(items.map((t) => t.departmentId))];
  const names = new Map((ids.length ? await ds.getRepository(Department).find({ select: { id: true, name: true }, where: { id: In(ids) } }) : []).map((d) => [d.id, d.name]));
  return items.map((t) => ({ ...t, departmentName: names.get(t.departmentId) ?? null }));
}
