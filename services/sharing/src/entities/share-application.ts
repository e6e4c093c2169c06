import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { ApprovalStage, ShareApplicationStatus, ShareUsageMode } from './enums';

@Directive('@key(fields: "id")')
@ObjectType({ description: 'A conditional-sharing application (共享申请表): consumer, resource, items, scenario, usage mode, period (000 §17, 001 §21)' })
@Entity('share_application')
@Index(['consumerDepartmentId', 'idempotencyKey'], { unique: true })
export class ShareApplication {
  @Field(() => ID) @PrimaryColumn({ type: 'char', length: 36 }) id: string;
  @Field(() => ID) @Index() @Column({ type: 'char', length: 36, name: 'resource_id' }) resourceId: string;
  @Field() @Index() @Column({ type: 'varchar', length: 40, name: 'provider_department_id' }) providerDepartmentId: string;
  @Field({ description: "region of the provider's resource (a county may apply for city data)" }) @Column({ type: 'varchar', length: 12, name: 'provider_region_code' }) providerRegionCode: string;
  @Field() @Column({ type: 'varchar', length: 40, name: 'consumer_department_id' }) consumerDepartmentId: string;
  @Field({ description: "the consumer department's region" }) @Column({ type: 'varchar', length: 12, name: 'region_code' }) regionCode: string;
  @Field(() => [String], { description: 'names of the requested data items (信息项)' }) @Column({ type: 'json', name: 'requested_items' }) requestedItems: string[];
  @Field({ description: 'business scenario (业务场景) the data may be used for, and only for (000 §18)' }) @Column({ type: 'varchar', length: 200 }) scenario: string;
  @Field() @Column({ type: 'text' }) purpose: string;
  @Field(() => ShareUsageMode) @Column({ type: 'varchar', length: 16, name: 'usage_mode' }) usageMode: ShareUsageMode;
  @Field({ description: 'asks for clear text of items the grade policy would mask; the provider decides with the application' })
  @Column({ type: 'boolean', default: false, name: 'clear_text' }) clearText: boolean;
  @Field(() => String, { nullable: true, description: 'why the scenario needs clear text (required with clearText)' })
  @Column({ type: 'varchar', length: 500, nullable: true, name: 'clear_text_reason' }) clearTextReason: string | null;
  @Field({ description: 'first day of use, YYYY-MM-DD' }) @Column({ type: 'date', name: 'period_from', utc: true }) periodFrom: string;
  @Field({ description: 'last day of use, YYYY-MM-DD' }) @Column({ type: 'date', name: 'period_to', utc: true }) periodTo: string;
  @Field(() => ShareApplicationStatus) @Column({ type: 'varchar', length: 16 }) status: ShareApplicationStatus;
  @Field(() => String, { nullable: true, description: 'client-chosen key: a retried create with the same key returns the same application' })
  @Column({ type: 'varchar', length: 64, nullable: true, name: 'idempotency_key' }) idempotencyKey: string | null;
  @Field(() => ApprovalStage, { nullable: true, description: 'the step now open (null before submission and once closed)' })
  @Column({ type: 'varchar', length: 24, nullable: true }) stage: ApprovalStage | null;
  @Field(() => Date, { nullable: true, description: 'end of the working-day limit of the open step' })
  @Column({ type: 'datetime', precision: 3, nullable: true, name: 'stage_deadline' }) stageDeadline: Date | null;
  /** The calendar the workflow counted the open step's deadline on (official:<year>#<v>, shipped:<year>, statutory:<year>). */
  @Column({ type: 'varchar', length: 32, nullable: true, name: 'stage_calendar' }) stageCalendar: string | null;
  @Field({ description: 'the open step ran past its limit and was escalated to the authority (reset when the next step opens; the late steps stay recorded)' })
  @Column({ type: 'boolean', default: false }) overdue: boolean;
  /** Every step that ran past its limit, in order, and when it was escalated: the record of lateness kept for assessment. */
  @Column({ type: 'json', nullable: true, name: 'overdue_stages' }) overdueStages: Array<{ stage: string; at: string }> | null;
  @Field(() => Date, { nullable: true }) @Column({ type: 'datetime', precision: 3, nullable: true, name: 'escalated_at' }) escalatedAt: Date | null;
  @Field({ description: "decided under the region's whole authorisation (004 §22-23)" })
  @Column({ type: 'boolean', default: false, name: 'whole_authorisation' }) wholeAuthorisation: boolean;
  @Field(() => String, { nullable: true, description: 'reason of a rejection' }) @Column({ type: 'text', nullable: true, name: 'decision_reason' }) decisionReason: string | null;
  @Field(() => String, { nullable: true }) @Column({ type: 'text', nullable: true, name: 'dispute_reason' }) disputeReason: string | null;
  @Column({ type: 'json', nullable: true }) decisions: Array<{ stage: string; approve: boolean; actor: string; reason?: string | null; at: string }> | null;
  @Field(() => ID, { nullable: true }) @Column({ type: 'char', length: 36, nullable: true, name: 'grant_id' }) grantId: string | null;
  @Field(() => Date, { nullable: true }) @Column({ type: 'datetime', precision: 3, nullable: true, name: 'submitted_at' }) submittedAt: Date | null;
  @Field() @Column({ type: 'varchar', length: 64, name: 'created_by' }) createdBy: string;
  @Field() @CreateDateColumn({ type: 'datetime', precision: 3, name: 'created_at' }) createdAt: Date;
  @Field() @UpdateDateColumn({ type: 'datetime', precision: 3, name: 'updated_at' }) updatedAt: Date;
  /** Not a column: set on the answer of a step the workflow has not applied yet (see the `pending` field). */
  pending?: boolean;
}
