import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

export enum OpenDataApplicationStatus { SUBMITTED = 'SUBMITTED', APPROVED = 'APPROVED', REFUSED = 'REFUSED' }
registerEnumType(OpenDataApplicationStatus, { name: 'OpenDataApplicationStatus' });
export enum OpenDataApplicantKind { PERSON = 'PERSON', COMPANY = 'COMPANY' }
registerEnumType(OpenDataApplicantKind, { name: 'OpenDataApplicantKind', description: '自然人 / 法人或其他组织 (003 §26)' });

@ObjectType({ description: 'An application for conditionally open data (000 §21, 003 §26); the provider decides within 7 working days' })
@Entity('open_data_application')
@Index(['applicantSub', 'idempotencyKey'], { unique: true })
export class OpenDataApplication {
  @Field(() => ID) @PrimaryColumn({ type: 'char', length: 36 }) id: string;
  @Field(() => ID) @Column({ type: 'char', length: 36, name: 'dataset_id' }) datasetId: string;
  @Field() @Column({ type: 'varchar', length: 40, name: 'publisher_department_id' }) publisherDepartmentId: string;
  @Field() @Column({ type: 'varchar', length: 12, name: 'region_code' }) regionCode: string;
  @Column({ type: 'varchar', length: 64, name: 'applicant_sub' }) applicantSub: string;
  @Field({ description: 'the applicant\'s login name' }) @Column({ type: 'varchar', length: 64 }) applicant: string;
  @Field(() => OpenDataApplicantKind) @Column({ type: 'varchar', length: 16, name: 'applicant_kind' }) applicantKind: OpenDataApplicantKind;
  @Field({ description: '申请主体名称' }) @Column({ type: 'varchar', length: 200, name: 'applicant_name' }) applicantName: string;
  @Field({ description: '需求类型' }) @Column({ type: 'varchar', length: 64, name: 'demand_type' }) demandType: string;
  @Field() @Column({ type: 'text' }) description: string;
  @Field({ description: '应用领域' }) @Column({ type: 'varchar', length: 64 }) domain: string;
  @Field({ description: '需求格式' }) @Column({ type: 'varchar', length: 32 }) format: string;
  @Field({ description: '用途' }) @Column({ type: 'text' }) purpose: string;
  @Field(() => [String], { nullable: true, description: 'the items asked for; null: every open item. An approval grants exactly these' })
  @Column({ type: 'json', nullable: true }) items: string[] | null;
  @Field({ description: 'YYYY-MM-DD' }) @Column({ type: 'date', name: 'period_from' }) periodFrom: string;
  @Field({ description: 'YYYY-MM-DD' }) @Column({ type: 'date', name: 'period_to' }) periodTo: string;
  @Field(() => OpenDataApplicationStatus) @Column({ type: 'varchar', length: 16 }) status: OpenDataApplicationStatus;
  @Field(() => Date, { nullable: true, description: 'when the 7 working days run out (set once the review has opened)' })
  @Column({ type: 'datetime', precision: 3, nullable: true, name: 'decision_deadline' }) decisionDeadline: Date | null;
  /** The calendar the workflow counted the decision deadline on (official:<year>#<v>, shipped:<year>, statutory:<year>). */
  @Column({ type: 'varchar', length: 32, nullable: true, name: 'decision_calendar' }) decisionCalendar: string | null;
  @Field({ description: 'past its deadline undecided: escalated to the authority' }) @Column({ type: 'boolean', default: false }) overdue: boolean;
  @Field(() => String, { nullable: true }) @Column({ type: 'varchar', length: 64, nullable: true, name: 'decided_by' }) decidedBy: string | null;
  @Field(() => String, { nullable: true, description: 'the reasons of a refusal (000 §21)' })
  @Column({ type: 'text', nullable: true, name: 'decision_reason' }) decisionReason: string | null;
  @Field(() => Date, { nullable: true }) @Column({ type: 'datetime', precision: 3, nullable: true, name: 'decided_at' }) decidedAt: Date | null;
  @Field(() => Date, { nullable: true, description: 'the latest periodic risk report (003 §25); the next one falls due from it' })
  @Column({ type: 'datetime', precision: 3, nullable: true, name: 'last_risk_report_at' }) lastRiskReportAt: Date | null;
  @Field(() => Date, { nullable: true, description: 'the publisher suspended the access (003 §35): the data API refuses from then on' })
  @Column({ type: 'datetime', precision: 3, nullable: true, name: 'access_suspended_at' }) accessSuspendedAt: Date | null;
  @Field(() => String, { nullable: true }) @Column({ type: 'varchar', length: 64, nullable: true, name: 'access_suspended_by' }) accessSuspendedBy: string | null;
  @Field(() => String, { nullable: true, description: 'the rectification the publisher requires (整改要求, 003 §35)' })
  @Column({ type: 'text', nullable: true, name: 'access_suspension_reason' }) accessSuspensionReason: string | null;
  @Column({ type: 'varchar', length: 64, name: 'idempotency_key' }) idempotencyKey: string;
  @Field() @CreateDateColumn({ type: 'datetime', precision: 3, name: 'created_at' }) createdAt: Date;
}
