import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

@ObjectType({ description: "a department's self-assessment report on a year, due by 31 January of the next (004 §34)" })
@Entity('self_assessment_report')
@Index(['departmentId', 'year'], { unique: true })
@Index(['regionCode', 'year'])
export class SelfAssessmentReport {
  @Field(() => ID) @PrimaryColumn({ type: 'char', length: 36 }) id: string;
  @Field(() => ID) @Column({ type: 'varchar', length: 40, name: 'department_id' }) departmentId: string;
  @Field() @Column({ type: 'varchar', length: 12, name: 'region_code' }) regionCode: string;
  @Field(() => Int, { description: 'the year reported on' }) @Column({ type: 'int' }) year: number;
  @Field() @Column({ type: 'text' }) content: string;
  @Field({ description: 'YYYY-MM-DD: 31 January of the next year (a fixed date, not working days)' }) @Column({ type: 'varchar', length: 10, name: 'due_on' }) dueOn: string;
  @Field({ description: 'China day of submission, YYYY-MM-DD' }) @Column({ type: 'varchar', length: 10, name: 'submitted_on' }) submittedOn: string;
  @Field({ description: 'submitted after its due day' }) @Column({ type: 'boolean', default: false }) late: boolean;
  @Field() @Column({ type: 'varchar', length: 64, name: 'submitted_by' }) submittedBy: string;
  @Field() @CreateDateColumn({ type: 'datetime', precision: 3, name: 'submitted_at' }) submittedAt: Date;
}
