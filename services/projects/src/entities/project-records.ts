// The expert pool (§15), every step's filing (the project's history), the yearly O&M reports (§29) and the approval
// gate the authority sets (004 §35, 000 §28).
import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';

@ObjectType({ description: 'an expert of the pool (评审专家库, §15)' })
@Entity('project_expert')
export class Expert {
  @Field(() => ID) @PrimaryColumn({ type: 'char', length: 36 }) id: string;
  @Field() @Column({ type: 'varchar', length: 64 }) name: string;
  @Field({ description: 'the department the expert works for, if any: excluded from its own projects' }) @Column({ type: 'varchar', length: 80 }) affiliation: string;
  @Field() @Column({ type: 'varchar', length: 64 }) field: string;
  @Field() @Column({ type: 'boolean', default: true }) active: boolean;
}

@ObjectType({ description: 'one step of a project, as filed: who, when, what' })
@Entity('project_event')
@Index(['projectId', 'createdAt'])
export class ProjectEvent {
  @Field(() => ID) @PrimaryColumn({ type: 'char', length: 36 }) id: string;
  @Column({ type: 'char', length: 36, name: 'project_id' }) projectId: string;
  @Field() @Column({ type: 'varchar', length: 40 }) step: string;
  @Field() @Column({ type: 'varchar', length: 64 }) actor: string;
  @Field(() => String, { nullable: true }) @Column({ type: 'text', nullable: true }) detail: string | null;
  @Field() @CreateDateColumn({ type: 'datetime', precision: 3, name: 'created_at' }) createdAt: Date;
}

@ObjectType({ description: 'the yearly O&M report of a project (§29)' })
@Entity('project_om_report')
@Index(['projectId', 'omYear'], { unique: true })
export class OmReport {
  @Field(() => ID) @PrimaryColumn({ type: 'char', length: 36 }) id: string;
  @Column({ type: 'char', length: 36, name: 'project_id' }) projectId: string;
  @Field(() => Int, { description: 'O&M year 1..n after acceptance' }) @Column({ type: 'int', name: 'om_year' }) omYear: number;
  @Field(() => String, { nullable: true }) @Column({ type: 'text', nullable: true }) summary: string | null;
  @Field({ description: 'the report was due and not filed: marked by the lifecycle workflow' }) @Column({ type: 'boolean', default: false }) overdue: boolean;
  @Field(() => Date, { nullable: true }) @Column({ type: 'datetime', precision: 3, nullable: true, name: 'filed_at' }) filedAt: Date | null;
  @Field(() => String, { nullable: true }) @Column({ type: 'varchar', length: 64, nullable: true, name: 'filed_by' }) filedBy: string | null;
}

@ObjectType({ description: 'one O&M year of a project in operation: when its report is due, and whether it was filed (§29)' })
export class OmReportDue {
  @Field(() => Int) omYear: number;
  @Field({ description: 'the end of the 20th (configurable) working day after the anniversary of the archive, China time' }) due: Date;
  @Field({ description: 'false when the due date was counted with the fallback calendar' }) official: boolean;
  @Field(() => Date, { nullable: true }) filedAt: Date | null;
  @Field({ description: 'past due and not filed' }) overdue: boolean;
}

@ObjectType({ description: "the assessment gate of a region's project approvals (004 §35, 000 §28), set by its authority" })
@Entity('project_gate')
export class ProjectGate {
  @Field() @PrimaryColumn({ type: 'varchar', length: 12, name: 'region_code' }) regionCode: string;
  @Field(() => Float, { description: 'the lowest total score of the latest assessment that still allows approval' })
  @Column({ type: 'decimal', precision: 8, scale: 2, name: 'min_total_score', transformer: { to: (v: number) => v, from: (v: string) => Number(v) } }) minTotalScore: number;
  @Field(() => Float, { description: 'the lowest value (0-1) each indicator must reach, e.g. 共享申请按期响应率 (the sharing requirement)' })
  @Column({ type: 'decimal', precision: 5, scale: 4, name: 'min_indicator_value', transformer: { to: (v: number) => v, from: (v: string) => Number(v) } }) minIndicatorValue: number;
  @Field() @Column({ type: 'varchar', length: 64, name: 'set_by' }) setBy: string;
  @Field() @UpdateDateColumn({ type: 'datetime', precision: 3, name: 'updated_at' }) updatedAt: Date;
}
