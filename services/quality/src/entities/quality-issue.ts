import { Directive, Field, ID, ObjectType } from 'type-graphql';
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
  @Field() @Column({ type: 'varchar', length: 64, name: 'created_by' }) createdBy: string;
  @Field() @CreateDateColumn({ type: 'datetime', precision: 3, name: 'created_at' }) createdAt: Date;
  @Field() @UpdateDateColumn({ type: 'datetime', precision: 3, name: 'updated_at' }) updatedAt: Date;
}
