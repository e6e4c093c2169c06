import { PendingTask, TaskCount } from '@gov/kit';
import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: '待办: everything waiting on the caller across the graph, earliest due first, with counts for badges' })
export class MyTasks {
  @Field(() => Int, { description: 'all waiting items' }) total: number;
  @Field(() => Int, { description: 'waiting items past their deadline' }) overdue: number;
  @Field(() => Int, { description: 'waiting items whose deadline was counted on a provisional calendar' }) provisional: number;
  @Field(() => [TaskCount]) counts: TaskCount[];
  @Field(() => [PendingTask], { description: 'the first `first` items by due time' }) items: PendingTask[];
  @Field(() => [String], { description: 'subgraphs that did not answer: their items are missing from this list (say so to the user)' }) unavailable: string[];
}
