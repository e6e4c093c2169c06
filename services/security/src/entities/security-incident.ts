import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { IncidentSeverity, IncidentStatus } from './enums';

@Directive('@key(fields: "id")')
@ObjectType({ description: 'a security incident: report, severity, emergency plan, notification of the authority, closure (000 §24)' })
@Entity('security_incident')
export class SecurityIncident {
  @Field(() => ID) @PrimaryColumn({ type: 'char', length: 36 }) id: string;
  @Field() @Column({ type: 'varchar', length: 200 }) title: string;
  /** SM4 envelope: the description may name people and data (HIGH at rest). */
  @Column({ type: 'text', name: 'description_enc' }) descriptionEnc: string;
  @Field(() => IncidentSeverity) @Column({ type: 'varchar', length: 8 }) severity: IncidentSeverity;
  @Field(() => IncidentStatus) @Column({ type: 'varchar', length: 10 }) status: IncidentStatus;
  @Field({ description: 'department where it happened' }) @Column({ type: 'varchar', length: 40, name: 'department_id' }) departmentId: string;
  @Field() @Column({ type: 'varchar', length: 12, name: 'region_code' }) regionCode: string;
  @Field(() => String, { nullable: true }) @Column({ type: 'varchar', length: 64, nullable: true, name: 'resource_id' }) resourceId: string | null;
  @Field({ description: 'the emergency plan (应急预案) invoked, as named by the reporter (the registered plan title when emergencyPlanId is given)' }) @Column({ type: 'varchar', length: 200, name: 'emergency_plan' }) emergencyPlan: string;
  @Field(() => String, { nullable: true, description: 'the registered plan invoked: the department\'s own or a region-wide plan covering it' })
  @Column({ type: 'char', length: 36, nullable: true, name: 'emergency_plan_id' }) emergencyPlanId: string | null;
  @Field() @Column({ type: 'varchar', length: 64, name: 'reported_by' }) reportedBy: string;
  @Field({ name: 'reportedAt' }) @CreateDateColumn({ type: 'datetime', precision: 3, name: 'reported_at' }) createdAt: Date;
  @Field(() => Date, { nullable: true, description: 'when the authority was notified (HIGH and CRITICAL: at report time)' })
  @Column({ type: 'datetime', precision: 3, nullable: true, name: 'authority_notified_at' }) authorityNotifiedAt: Date | null;
  @Field(() => String, { nullable: true }) @Column({ type: 'varchar', length: 2000, nullable: true, name: 'closure_summary' }) closureSummary: string | null;
  @Field(() => String, { nullable: true }) @Column({ type: 'varchar', length: 64, nullable: true, name: 'closed_by' }) closedBy: string | null;
  @Field(() => Date, { nullable: true }) @Column({ type: 'datetime', precision: 3, nullable: true, name: 'closed_at' }) closedAt: Date | null;
  @Field() @UpdateDateColumn({ type: 'datetime', precision: 3, name: 'updated_at' }) updatedAt: Date;
}
