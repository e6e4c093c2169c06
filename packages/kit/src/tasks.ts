// 待办 (issue 14): what waits on the caller. Each subgraph lists its own pending items for the caller under its own
// authorisation (`<subgraph>PendingTasks`); one owner (catalog `myTasks`) asks them all, as the caller, in parallel.
import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { Deadline } from './deadline';
import { BadUserInputError } from './errors';

@Directive('@shareable')
@ObjectType({ description: 'one item waiting on the caller: what to do (type, stage), on what (id), for which department, by when' })
export class PendingTask {
  @Field({ description: 'SHARE_DECISION, CATALOG_REVIEW, CHANGE_REVIEW, QUALITY_FIX, QUALITY_VERIFY, OPEN_DATA_DECISION, ...' }) type: string;
  @Field(() => ID, { description: 'the id to act on (the application, entry, change request, issue ...)' }) id: string;
  @Field(() => String, { nullable: true, description: 'the step of a multi-step process (e.g. PROVIDER_REVIEW, FILING)' }) stage: string | null;
  @Field() title: string;
  @Field({ description: 'the department the item belongs to' }) departmentId: string;
  @Field() regionCode: string;
  @Field(() => Deadline, { nullable: true }) deadline: Deadline | null;
  @Field(() => String, { nullable: true, description: "the department's name from catalog's register (filled by myTasks; null from a single subgraph's list)" })
  departmentName?: string | null;
}

/** The fields every `<subgraph>PendingTasks` item is read with. */
export const PENDING_TASK_FIELDS = 'type id stage title departmentId regionCode deadline { dueAt workingDays provisional overdue calendarVersion }';
/** The fields every `<subgraph>PendingTasks` answer is read with. */
export const PENDING_TASK_LIST_FIELDS = `items { ${PENDING_TASK_FIELDS} } counts { type count } total overdue provisional`;
/** The most rows one subgraph reads per kind of item for one caller (the counts are of these; the list shows the earliest due). */
export const PENDING_TASK_LIMIT = 2000;
/** The default and the most items a `<subgraph>PendingTasks(first:)` returns. */
export const PENDING_TASK_FIRST = 50;
export const PENDING_TASK_FIRST_MAX = 500;

@Directive('@shareable')
@ObjectType({ description: 'how many waiting items of one type' })
export class TaskCount {
  @Field() type: string;
  @Field(() => Int) count: number;
}

@Directive('@shareable')
@ObjectType({ description: "one subgraph's waiting items for the caller: the earliest-due `first` of them, and the counts of all" })
export class PendingTaskList {
  @Field(() => [PendingTask], { description: 'the earliest-due `first` items' }) items: PendingTask[];
  @Field(() => [TaskCount], { description: 'all waiting items by type (not only those listed)' }) counts: TaskCount[];
  @Field(() => Int, { description: 'all waiting items' }) total: number;
  @Field(() => Int, { description: 'of which past their deadline' }) overdue: number;
  @Field(() => Int, { description: 'of which counted on a provisional calendar' }) provisional: number;
}

/** The `first` argument of a `<subgraph>PendingTasks`, checked (a 4xx naming the field). */
export function pendingTaskFirst(first: number | null | undefined): number {
  const n = first ?? PENDING_TASK_FIRST;
  if (!Number.isInteger(n) || n < 1 || n > PENDING_TASK_FIRST_MAX) throw BadUserInputError.field('first', `between 1 and ${PENDING_TASK_FIRST_MAX}`);
  return n;
}

/** The earliest-due `first` of `tasks` with the counts of all of them. */
export function pendingTaskList(tasks: PendingTask[], first: number): PendingTaskList {
  const counts = new Map<string, number>();
  let overdue = 0;
  let provisional = 0;
  for (const t of tasks) {
    counts.set(t.type, (counts.get(t.type) ?? 0) + 1);
    if (t.deadline?.overdue) overdue += 1;
    if (t.deadline?.provisional) provisional += 1;
  }
  return {
    items: [...tasks].sort(byDueTime).slice(0, first), total: tasks.length, overdue, provisional,
    counts: [...counts].map(([type, count]) => ({ type, count })).sort((a, b) => a.type.localeCompare(b.type)),
  };
}

/** Adds up several lists' counts (each already counted in full by its source) and keeps the earliest-due `first` items. */
export function mergePendingTaskLists(lists: PendingTaskList[], first: number): PendingTaskList {
  const counts = new Map<string, number>();
  for (const l of lists) for (const c of l.counts) counts.set(c.type, (counts.get(c.type) ?? 0) + c.count);
  return {
    items: lists.flatMap((l) => l.items).sort(byDueTime).slice(0, first),
    total: lists.reduce((n, l) => n + l.total, 0), overdue: lists.reduce((n, l) => n + l.overdue, 0),
    provisional: lists.reduce((n, l) => n + l.provisional, 0),
    counts: [...counts].map(([type, count]) => ({ type, count })).sort((a, b) => a.type.localeCompare(b.type)),
  };
}

/** Earliest due first; items without a deadline last. */
export function byDueTime(a: PendingTask, b: PendingTask): number {
  const da = a.deadline ? new Date(a.deadline.dueAt).getTime() : Infinity;
  const db = b.deadline ? new Date(b.deadline.dueAt).getTime() : Infinity;
  return da - db || a.id.localeCompare(b.id);
}
