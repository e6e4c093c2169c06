import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import { ChangeBasis } from './enums';

/** AWAITING_FILING: no change request yet; FILED: one was filed; OVERDUE: the 15th working day passed without one (escalated). */
export enum FunctionChangeStatus { AWAITING_FILING = 'AWAITING_FILING', FILED = 'FILED', OVERDUE = 'OVERDUE' }
registerEnumType(FunctionChangeStatus, { name: 'FunctionChangeStatus', description: '004 §9: the catalog change is due within 15 working days' });

@ObjectType({ description: 'a recorded law/function/system change whose catalog change request is due within 15 working days (004 §9)' })
@Entity('function_change')
export class FunctionChange {
  @Field(() => ID) @PrimaryColumn({ type: 'char', length: 36 }) id: string;
  @Field(() => ID) @Column({ type: 'char', length: 36, name: 'resource_id' }) resourceId: string;
  @Field() @Column({ type: 'varchar', length: 40, name: 'department_id' }) departmentId: string;
  @Field() @Column({ type: 'varchar', length: 12, name: 'region_code' }) regionCode: string;
  @Field(() => ChangeBasis) @Column({ type: 'varchar', length: 24 }) basis: ChangeBasis;
  @Field({ description: 'YYYY-MM-DD the change took effect' }) @Column({ type: 'char', length: 10, name: 'changed_on' }) changedOn: string;
  @Field() @Column({ type: 'text' }) description: string;
  @Field(() => FunctionChangeStatus) @Column({ type: 'varchar', length: 16 }) status: FunctionChangeStatus;
  @Field(() => Date, { nullable: true, description: 'end of the 15th working day after the change (set by the workflow)' })
  @Column({ type: 'datetime', precision: 3, nullable: true, name: 'filing_deadline' }) filingDeadline: Date | null;
  @Field({ description: 'false: the deadline falls in a year the official holiday calendar does not cover yet (provisional)' })
  @Column({ type: 'boolean', default: true, name: 'filing_deadline_official' }) filingDeadlineOfficial: boolean;
  @Field(() => ID, { nullable: true }) @Column({ type: 'char', length: 36, nullable: true, name: 'change_request_id' }) changeRequestId: string | null;
  @Field(() => Date, { nullable: true }) @Column({ type: 'datetime', precision: 3, nullable: true, name: 'escalated_at' }) escalatedAt: Date | null;
  @Field() @Column({ type: 'varchar', length: 64, name: 'recorded_by' }) recordedBy: string;
  @Field() @CreateDateColumn({ type: 'datetime', precision: 3, name: 'created_at' }) createdAt: Date;
}
