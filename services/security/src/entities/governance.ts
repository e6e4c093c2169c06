// What security keeps besides the chain: the grade policy, day anchors, archives, incidents and agreements.
import { Directive, Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { IncidentSeverity, IncidentStatus, ItemTreatment, SensitivityGrade, ShareUsageMode } from './enums';

const bigintAsNumber = { to: (v: number) => v, from: (v: string | number | null) => (v === null ? null : Number(v)) };

@ObjectType({ description: 'one cell of the grade policy: a resource grade x usage mode x item sensitivity -> treatment (000 §24-25)' })
@Entity('grade_policy_rule')
export class GradePolicyRule {
  @Field(() => SensitivityGrade, { description: "the resource's sensitivity grade" }) @PrimaryColumn({ type: 'varchar', length: 8 }) grade: SensitivityGrade;
  @Field(() => ShareUsageMode) @PrimaryColumn({ type: 'varchar', length: 8, name: 'usage_mode' }) usageMode: ShareUsageMode;
  @Field(() => SensitivityGrade, { description: "the data item's own sensitivity" }) @PrimaryColumn({ type: 'varchar', length: 8, name: 'item_sensitivity' }) itemSensitivity: SensitivityGrade;
  @Field(() => ItemTreatment) @Column({ type: 'varchar', length: 8 }) treatment: ItemTreatment;
  @Field(() => String, { nullable: true, description: 'username of the authority who last changed it (null: the seed)' })
  @Column({ type: 'varchar', length: 64, nullable: true, name: 'updated_by' }) updatedBy: string | null;
  @Field() @UpdateDateColumn({ type: 'datetime', precision: 3, name: 'updated_at' }) updatedAt: Date;
}

@ObjectType({ description: 'a day of the audit chain anchored (上链, 000 §25): SM3 Merkle root of its record hashes, signed with SM2' })
@Entity('audit_anchor')
export class AuditAnchor {
  @Field(() => ID) @PrimaryColumn({ type: 'char', length: 36 }) id: string;
  @Field({ description: 'the calendar day in China (UTC+8), YYYY-MM-DD' }) @Column({ type: 'char', length: 10 }) day: string;
  @Field({ description: 'false when anchored before the day was over: a later anchor of the same day covers the rest' }) @Column({ type: 'boolean' }) complete: boolean;
  @Field(() => Float, { nullable: true }) @Column({ type: 'bigint', nullable: true, name: 'first_seq', transformer: bigintAsNumber }) firstSeq: number | null;
  @Field(() => Float, { nullable: true }) @Column({ type: 'bigint', nullable: true, name: 'last_seq', transformer: bigintAsNumber }) lastSeq: number | null;
  @Field(() => Int) @Column({ type: 'int', name: 'record_count' }) recordCount: number;
  @Field({ description: 'SM3 Merkle root over the record hashes in seq order (64 zeros for an empty day)' }) @Column({ type: 'char', length: 64, name: 'merkle_root' }) merkleRoot: string;
  @Field({ description: 'the exact text that was signed' }) @Column({ type: 'varchar', length: 400, name: 'signed_payload' }) signedPayload: string;
  @Field({ description: 'SM2 signature (DER, base64) of signedPayload' }) @Column({ type: 'varchar', length: 200 }) signature: string;
  @Field({ description: 'SM2 public key (PEM) that verifies the signature' }) @Column({ type: 'varchar', length: 400, name: 'public_key_pem' }) publicKeyPem: string;
  @Field() @CreateDateColumn({ type: 'datetime', precision: 3, name: 'anchored_at' }) anchoredAt: Date;
}

@ObjectType({ description: 'an archive export of audit records older than the retention period; its SM3 hash is anchored before they leave (004 §33)' })
@Entity('audit_archive')
export class AuditArchive {
  @Field(() => ID) @PrimaryColumn({ type: 'char', length: 36 }) id: string;
  @Field(() => Float) @Column({ type: 'bigint', name: 'first_seq', transformer: bigintAsNumber }) firstSeq: number;
  @Field(() => Float) @Column({ type: 'bigint', name: 'last_seq', transformer: bigintAsNumber }) lastSeq: number;
  @Field(() => Int) @Column({ type: 'int', name: 'record_count' }) recordCount: number;
  @Field({ description: 'hash of the last archived record: the live chain continues from it' }) @Column({ type: 'char', length: 64, name: 'last_hash' }) lastHash: string;
  @Field({ description: 'SM3 of the exported NDJSON' }) @Column({ type: 'char', length: 64, name: 'content_hash' }) contentHash: string;
  @Field({ description: 'SM2 signature (base64) of "gov-audit-archive|v1|<id>|<firstSeq>|<lastSeq>|<recordCount>|<lastHash>|<contentHash>"' }) @Column({ type: 'varchar', length: 200 }) signature: string;
  @Field() @Column({ type: 'varchar', length: 400, name: 'public_key_pem' }) publicKeyPem: string;
  @Field() @Column({ type: 'varchar', length: 64, name: 'created_by' }) createdBy: string;
  @Field() @CreateDateColumn({ type: 'datetime', precision: 3, name: 'created_at' }) createdAt: Date;
  @Field(() => Date, { nullable: true, description: 'when the archived records were removed from the live chain' })
  @Column({ type: 'datetime', precision: 3, nullable: true, name: 'purged_at' }) purgedAt: Date | null;
  /** The NDJSON itself (SM4-encrypted: records name people and what they read). */
  @Column({ type: 'longtext', name: 'content_enc' }) contentEnc: string;
}

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
  @Field({ description: 'the emergency plan (应急预案) invoked' }) @Column({ type: 'varchar', length: 200, name: 'emergency_plan' }) emergencyPlan: string;
  @Field() @Column({ type: 'varchar', length: 64, name: 'reported_by' }) reportedBy: string;
  @Field({ name: 'reportedAt' }) @CreateDateColumn({ type: 'datetime', precision: 3, name: 'reported_at' }) createdAt: Date;
  @Field(() => Date, { nullable: true, description: 'when the authority was notified (HIGH and CRITICAL: at report time)' })
  @Column({ type: 'datetime', precision: 3, nullable: true, name: 'authority_notified_at' }) authorityNotifiedAt: Date | null;
  @Field(() => String, { nullable: true }) @Column({ type: 'varchar', length: 2000, nullable: true, name: 'closure_summary' }) closureSummary: string | null;
  @Field(() => String, { nullable: true }) @Column({ type: 'varchar', length: 64, nullable: true, name: 'closed_by' }) closedBy: string | null;
  @Field(() => Date, { nullable: true }) @Column({ type: 'datetime', precision: 3, nullable: true, name: 'closed_at' }) closedAt: Date | null;
  @Field() @UpdateDateColumn({ type: 'datetime', precision: 3, name: 'updated_at' }) updatedAt: Date;
}

@ObjectType({ description: 'the data-use and confidentiality agreement (数据使用和保密协议) of a share grant (000 §24)' })
@Entity('data_use_agreement')
export class DataUseAgreement {
  @Field(() => ID) @PrimaryColumn({ type: 'char', length: 36 }) id: string;
  @Field() @Column({ type: 'varchar', length: 64, name: 'grant_id', unique: true }) grantId: string;
  @Field() @Column({ type: 'varchar', length: 40, name: 'consumer_department_id' }) consumerDepartmentId: string;
  @Field() @Column({ type: 'varchar', length: 12, name: 'consumer_region_code' }) consumerRegionCode: string;
  @Field() @Column({ type: 'varchar', length: 64, name: 'resource_id' }) resourceId: string;
  /** SM4 envelope: the signatory is a person. */
  @Column({ type: 'varchar', length: 400, name: 'signed_by_enc' }) signedByEnc: string;
  /** SM4 envelope of the full text, when it was given. */
  @Column({ type: 'mediumtext', nullable: true, name: 'text_enc' }) textEnc: string | null;
  @Field({ description: 'SM3 of the agreement text' }) @Column({ type: 'char', length: 64, name: 'text_hash' }) textHash: string;
  @Field() @Column({ type: 'varchar', length: 64, name: 'recorded_by' }) recordedBy: string;
  @Field() @CreateDateColumn({ type: 'datetime', precision: 3, name: 'recorded_at' }) recordedAt: Date;
}
