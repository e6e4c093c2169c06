import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { ChangeBasis, ChangeStatus } from './enums';

@ObjectType({ description: 'a change of a published entry with its basis, reviewed by the authority (000 §9, 004 §9)' })
@Entity('change_request')
export class ChangeRequest {
  @Field(() => ID) @PrimaryColumn({ type: 'char', length: 36 }) id: string;
  @Field() @Index() @Column({ type: 'char', length: 36, name: 'resource_id' }) resourceId: string;
  @Field() @Column({ type: 'varchar', length: 40, name: 'department_id' }) departmentId: string;
  @Field() @Column({ type: 'varchar', length: 12, name: 'region_code' }) regionCode: string;
  @Field(() => ChangeBasis) @Column({ type: 'varchar', length: 24 }) basis: ChangeBasis;
  @Field() @Column({ type: 'text' }) reason: string;
  @Field(() => String, { nullable: true, description: 'day the law was revised / the function or system changed (YYYY-MM-DD)' })
  @Column({ type: 'varchar', length: 10, nullable: true, name: 'effective_date' }) effectiveDate: string | null;
  @Field({ description: '004 §9: filed after the 15 working days allowed from the change' })
  @Column({ type: 'boolean', default: false, name: 'filed_late' }) filedLate: boolean;
  /** The proposed DataResourceInput, JSON. */
  @Column({ type: 'longtext' }) proposed: string;
  @Field(() => ChangeStatus) @Column({ type: 'varchar', length: 12 }) status: ChangeStatus;
  /** = resource id while PENDING, else null: a unique key allows one open change per entry. */
  @Column({ type: 'char', length: 36, nullable: true, name: 'open_key' }) openKey: string | null;
  @Field(() => Int) @Column({ type: 'int', name: 'base_version' }) baseVersion: number;
  @Field(() => Int, { nullable: true }) @Column({ type: 'int', nullable: true, name: 'new_version' }) newVersion: number | null;
  @Field() @Column({ type: 'varchar', length: 64, name: 'requested_by' }) requestedBy: string;
  @Field(() => String, { nullable: true }) @Column({ type: 'varchar', length: 64, nullable: true }) reviewer: string | null;
  @Field(() => String, { nullable: true }) @Column({ type: 'text', nullable: true, name: 'review_comment' }) reviewComment: string | null;
  @Field(() => Date, { nullable: true }) @Column({ type: 'datetime', precision: 3, nullable: true, name: 'review_deadline' }) reviewDeadline: Date | null;
  /** The calendar the workflow counted the review deadline on (official:<year>#<v>, shipped:<year>, statutory:<year>). */
  @Column({ type: 'varchar', length: 32, nullable: true, name: 'review_calendar' }) reviewCalendar: string | null;
  @Field() @Column({ type: 'boolean', default: false, name: 'review_overdue' }) reviewOverdue: boolean;
  @Field(() => Date, { nullable: true }) @Column({ type: 'datetime', precision: 3, nullable: true, name: 'review_escalated_at' }) reviewEscalatedAt: Date | null;
  @Field() @CreateDateColumn({ type: 'datetime', precision: 3, name: 'created_at' }) createdAt: Date;
  @Field() @UpdateDateColumn({ type: 'datetime', precision: 3, name: 'updated_at' }) updatedAt: Date;
  /** Not a column: set on the answer of a decision the workflow has not applied yet (see the `pending` field). */
  pending?: boolean;
}
