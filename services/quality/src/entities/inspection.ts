import { Directive, Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { InspectionStatus, InspectionTrigger, QualityCheck, QualityDimension } from './enums';

@ObjectType({ description: 'Share of checks passed in one dimension (0-100); null when the run had no check of it' })
export class DimensionScore {
  @Field(() => QualityDimension) dimension: QualityDimension;
  @Field(() => Float, { nullable: true }) score: number | null;
}

@Directive('@key(fields: "id")')
@ObjectType({ description: 'One inspection of a resource over its records in the exchange (000 §14)' })
@Entity('quality_run')
@Index(['resourceId', 'startedAt'])
@Index(['departmentId', 'startedAt'])
export class InspectionRun {
  @Field(() => ID) @PrimaryColumn({ type: 'char', length: 36 }) id: string;
  @Field(() => ID) @Column({ type: 'char', length: 36, name: 'resource_id' }) resourceId: string;
  @Field() @Column({ type: 'varchar', length: 40, name: 'department_id' }) departmentId: string;
  @Field() @Column({ type: 'varchar', length: 12, name: 'region_code' }) regionCode: string;
  @Field(() => InspectionTrigger) @Column({ type: 'varchar', length: 16, name: 'trigger_kind' }) trigger: InspectionTrigger;
  @Field(() => InspectionStatus) @Column({ type: 'varchar', length: 12 }) status: InspectionStatus;
  @Field(() => Int, { description: 'records read from the exchange' }) @Column({ type: 'int', name: 'record_count', default: 0 }) recordCount: number;
  @Field(() => Float, { nullable: true, description: 'overall score: mean of the dimension scores (0-100)' }) @Column({ type: 'decimal', precision: 5, scale: 1, nullable: true, name: 'score', transformer: { to: (v: number | null) => v, from: (v: string | null) => (v === null ? null : Number(v)) } }) score: number | null;
  @Column({ type: 'json', nullable: true, name: 'dimension_scores' }) dimensionScores: Record<string, number | null> | null;
  @Field(() => Int, { nullable: true, description: 'wall time of the run in ms' }) @Column({ type: 'int', nullable: true, name: 'duration_ms' }) durationMs: number | null;
  @Field(() => String, { nullable: true }) @Column({ type: 'text', nullable: true }) error: string | null;
  @Field() @Column({ type: 'varchar', length: 64, name: 'requested_by' }) requestedBy: string;
  @Field() @Column({ type: 'datetime', precision: 3, name: 'started_at' }) startedAt: Date;
  @Field(() => Date, { nullable: true }) @Column({ type: 'datetime', precision: 3, nullable: true, name: 'finished_at' }) finishedAt: Date | null;
}

@ObjectType({ description: "One rule's counts in a run. Failing records are named by their exchange record id, never by a value" })
@Entity('quality_run_rule')
export class InspectionRuleResult {
  @PrimaryColumn({ type: 'char', length: 36, name: 'run_id' }) runId: string;
  @Field() @PrimaryColumn({ type: 'varchar', length: 120, name: 'rule_code' }) ruleCode: string;
  @Field(() => Int) @Column({ type: 'int', name: 'rule_version' }) ruleVersion: number;
  @Field(() => QualityCheck) @Column({ type: 'varchar', length: 16, name: 'check_kind' }) check: QualityCheck;
  @Field(() => QualityDimension) @Column({ type: 'varchar', length: 16 }) dimension: QualityDimension;
  @Field(() => Int) @Column({ type: 'int' }) checked: number;
  @Field(() => Int) @Column({ type: 'int' }) failed: number;
  @Column({ type: 'json', name: 'failing_ids' }) failingIds: string[];
}
