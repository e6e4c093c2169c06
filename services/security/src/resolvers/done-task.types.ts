import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Department } from '../entities/refs';

export enum DoneTaskScope { MINE = 'MINE', DEPARTMENT = 'DEPARTMENT' }
registerEnumType(DoneTaskScope, { name: 'DoneTaskScope', description: 'MINE: what the caller did; DEPARTMENT: what the caller\'s department did (an authority: its region)' });

@ObjectType({ description: '已办: one to-do item completed — what (type, stage), on what (id), with which outcome, when and by whom' })
export class DoneTask {
  @Field({ description: 'the to-do type it was (SHARE_DECISION, CATALOG_REVIEW, QUALITY_FIX ...)' }) type: string;
  @Field(() => ID, { description: 'the id acted on (the application, entry, issue ...)' }) id: string;
  @Field(() => String, { nullable: true }) stage: string | null;
  @Field() title: string;
  @Field({ description: 'the department the item belonged to' }) departmentId: string;
  @Field(() => Department, { description: 'that department (its name from catalog)' }) department: Department;
  @Field() regionCode: string;
  @Field(() => String, { nullable: true, description: 'APPROVED, REJECTED, FIXED, ANSWERED ...' }) outcome: string | null;
  @Field() doneAt: Date;
  @Field({ description: 'username of who did it' }) doneBy: string;
}

@ObjectType({ description: '已办: completed to-do items, newest first' })
export class DoneTaskList {
  @Field(() => Int, { description: 'all completed items in the scope' }) total: number;
  @Field(() => [DoneTask]) items: DoneTask[];
}
