import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

@ObjectType({ description: "a department's emergency plan (政务数据安全应急预案, 000 §24, 003 §32(二)): versioned text, drilled at least yearly" })
@Entity('emergency_plan')
export class EmergencyPlan {
  @Field(() => ID) @PrimaryColumn({ type: 'char', length: 36 }) id: string;
  @Field({ description: 'the department the plan is for' }) @Column({ type: 'varchar', length: 40, name: 'department_id' }) departmentId: string;
  @Field() @Column({ type: 'varchar', length: 12, name: 'region_code' }) regionCode: string;
  @Field() @Column({ type: 'varchar', length: 200 }) title: string;
  @Field({ description: "the region's overall plan (市级/县级预案): any department of a covered region may invoke it in an incident" })
  @Column({ type: 'boolean', name: 'region_wide', default: false }) regionWide: boolean;
  @Field(() => Int, { description: 'the current version (1 at registration, +1 per revision)' }) @Column({ type: 'int' }) version: number;
  @Field(() => String, { nullable: true, description: 'day of the latest drill (China date)' })
  @Column({ type: 'date', nullable: true, name: 'last_drilled_on', utc: true }) lastDrilledOn: string | null;
  @Field() @Column({ type: 'varchar', length: 64, name: 'created_by' }) createdBy: string;
  @Field() @CreateDateColumn({ type: 'datetime', precision: 3, name: 'created_at' }) createdAt: Date;
  @Field() @UpdateDateColumn({ type: 'datetime', precision: 3, name: 'updated_at' }) updatedAt: Date;
}

@ObjectType({ description: 'one version of an emergency plan; the text is SM4-encrypted at rest' })
@Entity('emergency_plan_version')
export class EmergencyPlanVersion {
  @PrimaryColumn({ type: 'char', length: 36 }) id: string;
  @Field(() => ID) @Column({ type: 'char', length: 36, name: 'plan_id' }) planId: string;
  @Field(() => Int) @Column({ type: 'int' }) version: number;
  /** SM4 envelope of the plan text. */
  @Column({ type: 'mediumtext', name: 'text_enc' }) textEnc: string;
  @Field({ description: 'SM3 of the text' }) @Column({ type: 'char', length: 64, name: 'text_hash' }) textHash: string;
  @Field(() => String, { nullable: true, description: 'what changed and why' }) @Column({ type: 'varchar', length: 1000, nullable: true }) note: string | null;
  @Field() @Column({ type: 'varchar', length: 64, name: 'created_by' }) createdBy: string;
  @Field() @CreateDateColumn({ type: 'datetime', precision: 3, name: 'created_at' }) createdAt: Date;
}

@ObjectType({ description: 'a drill (应急演练) of an emergency plan: date, participants, findings, follow-up actions (SM4 at rest)' })
@Entity('emergency_drill')
export class EmergencyDrill {
  @Field(() => ID) @PrimaryColumn({ type: 'char', length: 36 }) id: string;
  @Field(() => ID) @Column({ type: 'char', length: 36, name: 'plan_id' }) planId: string;
  @Field(() => Int, { description: 'the plan version drilled' }) @Column({ type: 'int', name: 'plan_version' }) planVersion: number;
  @Field() @Column({ type: 'varchar', length: 40, name: 'department_id' }) departmentId: string;
  @Field() @Column({ type: 'varchar', length: 12, name: 'region_code' }) regionCode: string;
  @Field({ description: 'day of the drill (China date)' }) @Column({ type: 'date', name: 'drilled_on', utc: true }) drilledOn: string;
  /** SM4 envelope of the JSON list of participants (people). */
  @Column({ type: 'text', name: 'participants_enc' }) participantsEnc: string;
  /** SM4 envelope of the findings. */
  @Column({ type: 'text', name: 'findings_enc' }) findingsEnc: string;
  /** SM4 envelope of the JSON list of follow-up actions. */
  @Column({ type: 'text', name: 'follow_up_enc' }) followUpEnc: string;
  @Field() @Column({ type: 'varchar', length: 64, name: 'recorded_by' }) recordedBy: string;
  @Field() @CreateDateColumn({ type: 'datetime', precision: 3, name: 'recorded_at' }) recordedAt: Date;
}
