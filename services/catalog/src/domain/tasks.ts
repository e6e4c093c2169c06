// 待办 (issue 14): catalog's own waiting items, and the caller's whole list gathered from every subgraph that holds
// some — each asked as the caller, so each applies its own authorisation (a county user never sees a city task).
import {
  byDueTime, coveredRegionSql, deadlineOf, hasRole, PENDING_TASK_FIELDS, PENDING_TASK_LIMIT, querySubgraph, type PendingTask, type ServiceName, type User,
} from '@gov/kit';
import type { DataSource } from 'typeorm';
import { ChangeRequest } from '../entities/change-request';
import { DataResource } from '../entities/data-resource';
import { ChangeStatus, ResourceStatus } from '../entities/enums';

/** Entries and change requests the caller, an authority of a covering region, must review. */
export async function catalogTasksOf(ds: DataSource, user: User, reviewWorkingDays: number): Promise<PendingTask[]> {
  if (!hasRole(user, 'authority') || !user.region) return [];
  const region = coveredRegionSql('x.regionCode', user.region, 'taskRegion');
  const [entries, changes] = await Promise.all([
    ds.getRepository(DataResource).createQueryBuilder('x').where('x.status = :submitted', { submitted: ResourceStatus.SUBMITTED })
      .andWhere(region.sql, region.params).orderBy('x.reviewDeadline', 'ASC').limit(PENDING_TASK_LIMIT).getMany(),
    ds.getRepository(ChangeRequest).createQueryBuilder('x').where('x.status = :pending', { pending: ChangeStatus.PENDING })
      .andWhere(region.sql, region.params).orderBy('x.reviewDeadline', 'ASC').limit(PENDING_TASK_LIMIT).getMany(),
  ]);
  return [
    ...entries.map((r) => ({
      type: 'CATALOG_REVIEW', id: r.id, stage: null, title: `目录审核：${r.name}`, departmentId: r.departmentId, regionCode: r.regionCode,
      deadline: deadlineOf(r.reviewDeadline, { workingDays: reviewWorkingDays }),
    })),
    ...changes.map((c) => ({
      type: 'CHANGE_REVIEW', id: c.id, stage: c.basis, title: `目录变更审核：${c.reason.slice(0, 60)}`, departmentId: c.departmentId, regionCode: c.regionCode,
      deadline: deadlineOf(c.reviewDeadline, { workingDays: reviewWorkingDays }),
    })),
  ];
}

/** The subgraphs that list pending items for a caller, and the query each answers. */
const SOURCES: Array<[ServiceName, string]> = [
  ['sharing', 'sharingPendingTasks'], ['quality', 'qualityPendingTasks'], ['open-data', 'openDataPendingTasks'],
];

export interface GatheredTasks { items: PendingTask[]; unavailable: string[] }

/** Every waiting item, earliest due first: catalog's own plus each source's, asked in parallel as the caller. */
export async function gatherTasks(own: Promise<PendingTask[]>, user: User): Promise<GatheredTasks> {
  const answers = await Promise.allSettled([
    own,
    ...SOURCES.map(async ([name, field]) => {
      const data = await querySubgraph<Record<string, PendingTask[]>>(name, `query PendingTasks { ${field} { ${PENDING_TASK_FIELDS} } }`, {}, user.token);
      // Over the wire the due instant is a string: back to a Date for this graph's DateTime scalar.
      return (data?.[field] ?? []).map((t) => ({ ...t, deadline: t.deadline && { ...t.deadline, dueAt: new Date(t.deadline.dueAt) } }));
    }),
  ]);
  const items: PendingTask[] = [];
  const unavailable: string[] = [];
  answers.forEach((a, i) => {
    if (a.status === 'fulfilled') items.push(...a.value);
    else unavailable.push(i === 0 ? 'catalog' : SOURCES[i - 1][0]);
  });
  return { items: items.sort(byDueTime), unavailable };
}
