import { Field, ID, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { GrantStatus, ShareUsageMode } from './enums';

@ObjectType({ description: 'A grant (授权) = resource × items × scenario × period; data may be used only for that scenario (000 §18)' })
@Entity('share_grant')
export class ShareGrant {
  @Field(() => ID) @PrimaryColumn({ type: 'char', length: 36 }) id: string;
  @Field(() => ID) @Column({ type: 'char', length: 36, name: 'resource_id' }) resourceId: string;
  @Field() @Column({ type: 'varchar', length: 40, name: 'provider_department_id' }) providerDepartmentId: string;
  @Field() @Column({ type: 'varchar', length: 12, name: 'provider_region_code' }) providerRegionCode: string;
  @Field() @Column({ type: 'varchar', length: 40, name: 'consumer_department_id' }) consumerDepartmentId: string;
  @Field() @Column({ type: 'varchar', length: 12, name: 'consumer_region_code' }) consumerRegionCode: string;
  @Field(() => [String], { description: 'the granted data items: nothing else is ever delivered' }) @Column({ type: 'json' }) items: string[];
  @Field() @Column({ type: 'varchar', length: 200 }) scenario: string;
  @Field(() => ShareUsageMode) @Column({ type: 'varchar', length: 16, name: 'usage_mode' }) usageMode: ShareUsageMode;
  @Field() @Column({ type: 'date', name: 'period_from', utc: true }) periodFrom: string;
  @Field() @Column({ type: 'date', name: 'period_to', utc: true }) periodTo: string;
  @Field({ description: 'the end of periodTo in China (24:00 UTC+8): no delivery after it' }) @Column({ type: 'datetime', precision: 3, name: 'expires_at' }) expiresAt: Date;
  @Field(() => GrantStatus) @Column({ type: 'varchar', length: 12 }) status: GrantStatus;
  @Field({ description: 'the grade policy lifts MASKED to CLEAR for this grant' }) @Column({ type: 'boolean', default: false, name: 'clear_text' }) clearText: boolean;
  @Field(() => ID, { nullable: true }) @Column({ type: 'char', length: 36, nullable: true, name: 'application_id' }) applicationId: string | null;
  @Column({ type: 'varchar', length: 64, nullable: true, name: 'idempotency_key' }) idempotencyKey: string | null;
  @Field(() => Date, { nullable: true }) @Column({ type: 'datetime', precision: 3, nullable: true, name: 'revoked_at' }) revokedAt: Date | null;
  @Field(() => String, { nullable: true }) @Column({ type: 'varchar', length: 64, nullable: true, name: 'revoked_by' }) revokedBy: string | null;
  @Field(() => String, { nullable: true }) @Column({ type: 'text', nullable: true, name: 'revoke_reason' }) revokeReason: string | null;
  @Field() @Column({ type: 'varchar', length: 64, name: 'created_by' }) createdBy: string;
  @Field() @CreateDateColumn({ type: 'datetime', precision: 3, name: 'created_at' }) createdAt: Date;
  @UpdateDateColumn({ type: 'datetime', precision: 3, name: 'updated_at' }) updatedAt: Date;
}
