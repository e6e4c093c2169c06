import { Field, ID, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

@ObjectType({ description: 'A consumer flags a doubtful record back to the provider (001 §24, 004 §24)' })
@Entity('record_flag')
export class RecordFlag {
  @Field(() => ID) @PrimaryColumn({ type: 'char', length: 36 }) id: string;
  @Field(() => ID) @Column({ type: 'char', length: 36, name: 'grant_id' }) grantId: string;
  @Field(() => ID) @Column({ type: 'char', length: 36, name: 'resource_id' }) resourceId: string;
  @Field() @Column({ type: 'varchar', length: 64, name: 'record_key' }) recordKey: string;
  @Field() @Column({ type: 'text' }) reason: string;
  @Field() @Column({ type: 'varchar', length: 40, name: 'consumer_department_id' }) consumerDepartmentId: string;
  @Field() @Column({ type: 'varchar', length: 40, name: 'provider_department_id' }) providerDepartmentId: string;
  @Column({ type: 'varchar', length: 12, name: 'provider_region_code' }) providerRegionCode: string;
  @Field() @Column({ type: 'varchar', length: 64, name: 'flagged_by' }) flaggedBy: string;
  @Field(() => String, { nullable: true, description: 'the quality issue opened for the provider' }) @Column({ type: 'varchar', length: 64, nullable: true, name: 'quality_issue_id' }) qualityIssueId: string | null;
  @Field() @CreateDateColumn({ type: 'datetime', precision: 3, name: 'created_at' }) createdAt: Date;
}
