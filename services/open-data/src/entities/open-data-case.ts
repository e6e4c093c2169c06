import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

export enum OpenDataCaseType { COMPLAINT = 'COMPLAINT', FEEDBACK = 'FEEDBACK' }
registerEnumType(OpenDataCaseType, { name: 'OpenDataCaseType', description: '投诉 (003 §17) / 意见反馈 (003 §24)' });
export enum OpenDataCaseCategory {
  PRIVACY = 'PRIVACY', TRADE_SECRET = 'TRADE_SECRET',
  WRONG_OPEN_ATTRIBUTE = 'WRONG_OPEN_ATTRIBUTE', POOR_QUALITY = 'POOR_QUALITY', ERROR_OR_OMISSION = 'ERROR_OR_OMISSION', UNLAWFUL_CONTENT = 'UNLAWFUL_CONTENT',
}
registerEnumType(OpenDataCaseCategory, {
  name: 'OpenDataCaseCategory',
  description: 'complaints: PRIVACY, TRADE_SECRET (003 §17); feedback: WRONG_OPEN_ATTRIBUTE, POOR_QUALITY, ERROR_OR_OMISSION, UNLAWFUL_CONTENT (003 §24)',
});
export const COMPLAINT_CATEGORIES: readonly OpenDataCaseCategory[] = [OpenDataCaseCategory.PRIVACY, OpenDataCaseCategory.TRADE_SECRET];
export enum OpenDataCaseStatus { OPEN = 'OPEN', ANSWERED = 'ANSWERED' }
registerEnumType(OpenDataCaseStatus, { name: 'OpenDataCaseStatus' });
export enum OpenDataCaseOutcome { TERMINATE = 'TERMINATE', RESTORE = 'RESTORE', RESTORE_AFTER_PROCESSING = 'RESTORE_AFTER_PROCESSING' }
registerEnumType(OpenDataCaseOutcome, { name: 'OpenDataCaseOutcome', description: '003 §17: 终止开放 / 恢复开放 / 处理后恢复开放' });

@ObjectType({ description: 'A complaint or a feedback about an open dataset; answered within 10 working days (003 §17, §24)' })
@Entity('open_data_case')
@Index(['submitterSub', 'idempotencyKey'], { unique: true })
export class OpenDataCase {
  @Field(() => ID) @PrimaryColumn({ type: 'char', length: 36 }) id: string;
  @Field(() => OpenDataCaseType) @Column({ type: 'varchar', length: 16 }) type: OpenDataCaseType;
  @Field(() => OpenDataCaseCategory) @Column({ type: 'varchar', length: 32 }) category: OpenDataCaseCategory;
  @Field(() => ID) @Column({ type: 'char', length: 36, name: 'dataset_id' }) datasetId: string;
  @Field() @Column({ type: 'varchar', length: 40, name: 'publisher_department_id' }) publisherDepartmentId: string;
  @Field() @Column({ type: 'varchar', length: 12, name: 'region_code' }) regionCode: string;
  @Column({ type: 'varchar', length: 64, name: 'submitter_sub' }) submitterSub: string;
  @Field() @Column({ type: 'varchar', length: 64 }) submitter: string;
  @Field() @Column({ type: 'text' }) description: string;
  @Field(() => [String], { description: 'references to the evidence files the submitter provided' }) @Column({ type: 'json' }) evidence: string[];
  @Field(() => OpenDataCaseStatus) @Column({ type: 'varchar', length: 16 }) status: OpenDataCaseStatus;
  @Field(() => Date, { nullable: true, description: 'when the 10 working days run out (set once the case has opened)' })
  @Column({ type: 'datetime', precision: 3, nullable: true, name: 'answer_deadline' }) answerDeadline: Date | null;
  /** The calendar the workflow counted the answer deadline on (official:<year>#<v>, shipped:<year>, statutory:<year>). */
  @Column({ type: 'varchar', length: 32, nullable: true, name: 'answer_calendar' }) answerCalendar: string | null;
  @Field({ description: 'past its deadline unanswered: escalated to the authority' }) @Column({ type: 'boolean', default: false }) overdue: boolean;
  @Field(() => Date, { nullable: true, description: 'when the publisher suspended the dataset on this complaint' })
  @Column({ type: 'datetime', precision: 3, nullable: true, name: 'suspended_at' }) suspendedAt: Date | null;
  @Field(() => OpenDataCaseOutcome, { nullable: true }) @Column({ type: 'varchar', length: 32, nullable: true }) outcome: OpenDataCaseOutcome | null;
  @Field(() => String, { nullable: true }) @Column({ type: 'text', nullable: true }) answer: string | null;
  @Field(() => String, { nullable: true }) @Column({ type: 'varchar', length: 64, nullable: true, name: 'answered_by' }) answeredBy: string | null;
  @Field(() => Date, { nullable: true }) @Column({ type: 'datetime', precision: 3, nullable: true, name: 'answered_at' }) answeredAt: Date | null;
  @Field(() => String, { nullable: true, description: 'the quality issue opened for the provider (feedback on wrong data)' })
  @Column({ type: 'char', length: 36, nullable: true, name: 'quality_issue_id' }) qualityIssueId: string | null;
  @Column({ type: 'varchar', length: 64, name: 'idempotency_key' }) idempotencyKey: string;
  @Field() @CreateDateColumn({ type: 'datetime', precision: 3, name: 'created_at' }) createdAt: Date;
}
