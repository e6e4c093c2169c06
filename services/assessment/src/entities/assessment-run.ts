import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';
import { AssessmentRunStatus, IndicatorDirection, IndicatorSource, IndicatorUnit } from './enums';

const decimalAsNumber = { to: (v: number) => v, from: (v: string | number | null) => (v === null ? null : Number(v)) };

/** The indicator definitions a run used (a snapshot: later edits do not change a finished run). */
export interface IndicatorSnapshot { key: string; name: string; definition: string; unit: IndicatorUnit; direction: IndicatorDirection; weight: number; source: IndicatorSource }

@ObjectType({ description: "one indicator of a department in a run: the source's fact, its normalised value, weight and score, with the evidence" })
export class IndicatorScore {
  @Field() key: string;
  @Field() name: string;
  @Field(() => IndicatorUnit) unit: IndicatorUnit;
  @Field(() => IndicatorDirection) direction: IndicatorDirection;
  @Field(() => IndicatorSource) source: IndicatorSource;
  @Field({ description: 'false: the source subgraph computes no such fact yet; its weight went to the others' }) available: boolean;
  @Field(() => Float, { nullable: true, description: 'the raw fact (a rate or a count); null: nothing to count in the period' }) value: number | null;
  @Field(() => Int, { nullable: true }) numerator: number | null;
  @Field(() => Int, { nullable: true }) denominator: number | null;
  @Field(() => Float, { description: 'in [0, 1]: a rate as is (1 - rate if lower is better; nothing to count = 1); a count min-max within the level' }) normalised: number;
  @Field(() => Float, { description: 'effective weight: the relative weight over the sum of the available ones' }) weight: number;
  @Field(() => Float, { description: 'normalised x weight x 100' }) score: number;
  @Field(() => [String]) evidence: string[];
}

@ObjectType({ description: "an immutable versioned assessment of one period's region; the authority publishes one version (000 §28)" })
@Entity('assessment_run')
@Index(['periodId', 'version'], { unique: true })
@Index(['periodId', 'idempotencyKey'], { unique: true })
export class AssessmentRun {
  @Field(() => ID) @PrimaryColumn({ type: 'char', length: 36 }) id: string;
  @Field(() => ID) @Column({ type: 'char', length: 36, name: 'period_id' }) periodId: string;
  @Field() @Column({ type: 'varchar', length: 12, name: 'region_code' }) regionCode: string;
  @Field(() => Int) @Column({ type: 'int' }) version: number;
  @Field(() => AssessmentRunStatus) @Column({ type: 'varchar', length: 12 }) status: AssessmentRunStatus;
  @Column({ type: 'json' }) indicators: IndicatorSnapshot[];
  @Column({ type: 'varchar', length: 64, nullable: true, name: 'idempotency_key' }) idempotencyKey: string | null;
  @Field() @Column({ type: 'varchar', length: 64, name: 'requested_by' }) requestedBy: string;
  @Field() @CreateDateColumn({ type: 'datetime', precision: 3, name: 'created_at' }) createdAt: Date;
  @Field(() => Date, { nullable: true }) @Column({ type: 'datetime', precision: 3, nullable: true, name: 'completed_at' }) completedAt: Date | null;
  @Field(() => Int, { nullable: true, description: 'milliseconds from collection to stored snapshot' }) @Column({ type: 'int', nullable: true, name: 'duration_ms' }) durationMs: number | null;
  @Field(() => String, { nullable: true }) @Column({ type: 'varchar', length: 500, nullable: true }) failure: string | null;
  @Field(() => Date, { nullable: true, description: 'set on the one published version of the period' })
  @Column({ type: 'datetime', precision: 3, nullable: true, name: 'published_at' }) publishedAt: Date | null;
  @Field(() => String, { nullable: true }) @Column({ type: 'varchar', length: 64, nullable: true, name: 'published_by' }) publishedBy: string | null;
}

@ObjectType({ description: "a department's total and rank within its level (the period's region) in one run" })
@Entity('assessment_result')
@Index(['runId', 'departmentId'], { unique: true })
@Index(['departmentId'])
export class AssessmentResult {
  @Column({ type: 'char', length: 36, primary: true }) id: string;
  @Field(() => ID) @Column({ type: 'char', length: 36, name: 'run_id' }) runId: string;
  @Field(() => ID) @Column({ type: 'varchar', length: 40, name: 'department_id' }) departmentId: string;
  @Field() @Column({ type: 'varchar', length: 128, name: 'department_name' }) departmentName: string;
  @Field() @Column({ type: 'varchar', length: 12, name: 'region_code' }) regionCode: string;
  @Field(() => Float) @Column({ type: 'decimal', precision: 8, scale: 2, transformer: decimalAsNumber }) total: number;
  @Field(() => Int, { description: '1 = best within the level; equal totals share a rank' }) @Column({ type: 'int' }) rank: number;
  @Field(() => [IndicatorScore]) @Column({ type: 'json' }) scores: IndicatorScore[];
}
