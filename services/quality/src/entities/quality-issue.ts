import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { QualityIssueSource, QualityIssueStatus } from './enums';

@Directive('@key(fields: "id")')
@ObjectType({ description: 'Doubtful or wrong data (疑义/错误数据) sent to its one source department to explain or fix (000 §14, 004 §24)' })
@Entity('quality_issue')
@Index(['departmentId', 'status'])
@Index(['regionCode', 'status'])
export class QualityIssue {
  @Field(() => ID) @PrimaryColumn({ type: 'char', length: 36 }) id: string;
  @Field(() => ID) @Index() @Column({ type: 'char', length: 36, name: 'resource_id' }) resourceId: string;
  @Field({ description: 'the source department that must explain or fix it ("one source per datum")' }) @Column({ type: 'varchar', length: 40, name: 'department_id' }) departmentId: string;
  @Field({ description: "region of the resource's source department" }) @Column({ type: 'varchar', length: 12, name: 'region_code' }) regionCode: string;
  @Field(() => QualityIssueSource) @Column({ type: 'varchar', length: 16 }) source: QualityIssueSource;
  @Field(() => String, { nullable: true, description: 'the inspecting or consuming department that reported it' })
  @Index() @Column({ type: 'varchar', length: 40, nullable: true, name: 'reporter_department_id' }) reporterDepartmentId: string | null;
  @Field() @Column({ type: 'text' }) description: string;
  @Field(() => QualityIssueStatus) @Column({ type: 'varchar', length: 16 }) status: QualityIssueStatus;
  @Field(() => String, { nullable: true, description: "the source department's explanation of its fix" }) @Column({ type: 'text', nullable: true }) explanation: string | null;
  @Field({ description: 'when the current round opened (the fix deadline counts from here; reset on reopen)' }) @Column({ type: 'datetime', precision: 3, name: 'opened_at' }) openedAt: Date;
  @Field(() => Date, { nullable: true }) @Column({ type: 'datetime', precision: 3, nullable: true, name: 'fixed_at' }) fixedAt: Date | null;
  @Field(() => String, { nullable: true, description: 'the failing rule that opened it (inspection issues)' }) @Column({ type: 'varchar', length: 120, nullable: true, name: 'rule_code' }) ruleCode: string | null;
  @Field(() => ID, { nullable: true, description: 'the inspection run that found it' }) @Column({ type: 'char', length: 36, nullable: true, name: 'run_id' }) runId: string | null;
  /** `<resource>/<rule>` while open, null once verified: one open issue per rule and resource. */
  @Column({ type: 'varchar', length: 160, nullable: true, name: 'open_key', unique: true }) openKey: string | null;
  @Column({ type: 'json', nullable: true, name: 'affected_ids' }) affectedIds: string[] | null;
  @Field(() => Int, { nullable: true, description: 'records affected when found (exact count; the ids are kept up to 1000)' }) @Column({ type: 'int', nullable: true, name: 'affected_count' }) affectedCount: number | null;
  @Field(() => Int, { description: 'working days the department has per round: 3 (000 §14), 5 for a consumer flag (004 §24)' }) @Column({ type: 'int', name: 'working_days', default: 3 }) workingDays: number;
  @Field(() => Int, { description: '1 for the first round, +1 per reopen' }) @Column({ type: 'int', default: 0 }) round: number;
  @Field(() => Date, { nullable: true, description: "the current round's deadline: end of its day in China" }) @Column({ type: 'datetime', precision: 3, nullable: true }) deadline: Date | null;
  @Field(() => String, { nullable: true, description: 'the civil date (China) the deadline falls on, YYYY-MM-DD' }) @Column({ type: 'varchar', length: 10, nullable: true, name: 'deadline_day' }) deadlineDay: string | null;
  @Field(() => Boolean, { nullable: true, description: "true when the deadline day lies in a year of the State Council's published holiday calendar; false = the statutory fallback" }) @Column({ type: 'boolean', nullable: true, name: 'deadline_official' }) deadlineOfficial: boolean | null;
  /** The calendar the workflow counted the round's deadline on (official:<year>#<v>, shipped:<year>, statutory:<year>). */
  @Column({ type: 'varchar', length: 32, nullable: true, name: 'deadline_calendar' }) deadlineCalendar: string | null;
  /** The last round escalated: each late round is escalated (and notified) once; `escalatedAt` keeps the first time. */
  @Column({ type: 'int', nullable: true, name: 'escalated_round' }) escalatedRound: number | null;
  @Field({ description: 'a round ran past its deadline: escalated to the authority, counted for assessment' }) @Column({ type: 'boolean', default: false }) overdue: boolean;
  @Field(() => Date, { nullable: true }) @Column({ type: 'datetime', precision: 3, nullable: true, name: 'escalated_at' }) escalatedAt: Date | null;
  @Field(() => Int) @Column({ type: 'int', name: 'reopen_count', default: 0 }) reopenCount: number;
  @Field(() => Date, { nullable: true }) @Column({ type: 'datetime', precision: 3, nullable: true, name: 'verified_at' }) verifiedAt: Date | null;
  @Field(() => String, { nullable: true, description: "the platform's verification outcome, which the reporter reads" }) @Column({ type: 'text', nullable: true, name: 'outcome_note' }) outcomeNote: string | null;
  @Field() @Column({ type: 'varchar', length: 64, name: 'created_by' }) createdBy: string;
  @Field() @CreateDateColumn({ type: 'datetime', precision: 3, name: 'created_at' }) createdAt: Date;
  @Field() @UpdateDateColumn({ type: 'datetime', precision: 3, name: 'updated_at' }) updatedAt: Date;
}
