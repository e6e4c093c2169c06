// 待办 (issue 14): what waits on the caller. Each subgraph lists its own pending items for the caller under its own
// authorisation (`<subgraph>PendingTasks`); one owner (catalog `myTasks`) asks them all, as the caller, in parallel.
import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { Deadline } from './deadline';

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
}

/** The fields every `<subgraph>PendingTasks` answer is read with. */
export const PENDING_TASK_FIELDS = 'type id stage title departmentId regionCode deadline { dueAt workingDays provisional overdue calendarVersion }';
/** The most items one subgraph lists for one caller (a badge counts them all; the list shows the earliest due). */
export const PENDING_TASK_LIMIT = 2000;

@ObjectType({ description: 'how many waiting items of one type' })
export class TaskCount {
  @Field() type: string;
  @Field(() => Int) count: number;
}

/** Earliest due first; items without a deadline last. */
export function byDueTime(a: PendingTask, b: PendingTask): number {
  const da = a.deadline ? new Date(a.deadline.dueAt).getTime() : Infinity;
  const db = b.deadline ? new Date(b.deadline.dueAt).getTime() : Infinity;
  return da - db || a.id.localeCompare(b.id);
}
