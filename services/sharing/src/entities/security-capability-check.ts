import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

export enum CapabilityCheckStatus { DECLARED = 'DECLARED', PASSED = 'PASSED', FAILED = 'FAILED' }
registerEnumType(CapabilityCheckStatus, { name: 'CapabilityCheckStatus', description: 'declared by the consumer / confirmed by the provider or operator / found insufficient' });

@ObjectType({ description: "the consumer department's data-security capability check (使用部门安全保障能力, 000 §24), recorded with the agreement of a grant: no delivery before it has passed" })
@Entity('security_capability_check')
export class SecurityCapabilityCheck {
  @Field(() => ID) @PrimaryColumn({ type: 'char', length: 36 }) id: string;
  @Field(() => ID) @Column({ type: 'char', length: 36, name: 'grant_id', unique: true }) grantId: string;
  @Field() @Column({ type: 'varchar', length: 40, name: 'consumer_department_id' }) consumerDepartmentId: string;
  /** SM4 envelope: the responsible person is a person. */
  @Column({ type: 'varchar', length: 400, name: 'responsible_person_enc' }) responsiblePersonEnc: string;
  @Field(() => [String], { description: 'the systems that will hold the data' }) @Column({ type: 'json' }) systems: string[];
  @Field(() => Int, { description: 'grade-protection (等保) level of those systems, 1-5' }) @Column({ type: 'int', name: 'grade_protection_level' }) gradeProtectionLevel: number;
  @Field(() => ID, { description: "the consumer department's emergency plan (security's registry)" }) @Column({ type: 'char', length: 36, name: 'emergency_plan_id' }) emergencyPlanId: string;
  @Field(() => CapabilityCheckStatus) @Column({ type: 'varchar', length: 10 }) status: CapabilityCheckStatus;
  @Field() @Column({ type: 'varchar', length: 64, name: 'declared_by' }) declaredBy: string;
  @Field() @CreateDateColumn({ type: 'datetime', precision: 3, name: 'declared_at' }) declaredAt: Date;
  @Field(() => String, { nullable: true }) @Column({ type: 'varchar', length: 64, nullable: true, name: 'confirmed_by' }) confirmedBy: string | null;
  @Field(() => Date, { nullable: true }) @Column({ type: 'datetime', precision: 3, nullable: true, name: 'confirmed_at' }) confirmedAt: Date | null;
  @Field(() => String, { nullable: true, description: "the confirmer's remarks (required when it fails)" }) @Column({ type: 'text', nullable: true }) remarks: string | null;
  @UpdateDateColumn({ type: 'datetime', precision: 3, name: 'updated_at' }) updatedAt: Date;
}
