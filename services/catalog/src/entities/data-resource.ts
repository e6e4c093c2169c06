import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { ItemType, OpenType, ResourceCategory, ResourceStatus, SensitivityGrade, ShareType } from './enums';

@ObjectType({ description: 'A data item (信息项) of a catalog entry' })
@Entity('data_item')
export class DataItem {
  @PrimaryColumn({ type: 'char', length: 36 }) id: string;
  @Index() @Column({ type: 'char', length: 36, name: 'resource_id' }) resourceId: string;
  @Column({ type: 'int' }) position: number;
  @Field() @Column({ type: 'varchar', length: 128 }) name: string;
  @Field(() => ItemType) @Column({ type: 'varchar', length: 16 }) type: ItemType;
  @Field(() => Int, { nullable: true }) @Column({ type: 'int', nullable: true }) length: number | null;
  @Field() @Column({ type: 'boolean', default: false, name: 'is_sensitive' }) sensitive: boolean;
}

@Directive('@key(fields: "id")')
@ObjectType({ description: 'A catalog entry (数据资源目录条目), 002 §2(1), 001 临湘资源办法 §8' })
@Entity('data_resource')
@Index(['regionCode', 'status'])
export class DataResource {
  @Field(() => ID) @PrimaryColumn({ type: 'char', length: 36 }) id: string;
  @Field() @Index({ unique: true }) @Column({ type: 'varchar', length: 64 }) code: string;
  @Field() @Column({ type: 'varchar', length: 200 }) name: string;
  @Field(() => String, { nullable: true }) @Column({ type: 'text', nullable: true }) description: string | null;
  @Field() @Index() @Column({ type: 'varchar', length: 40, name: 'department_id' }) departmentId: string;
  @Field() @Column({ type: 'varchar', length: 12, name: 'region_code' }) regionCode: string;
  @Field(() => ResourceCategory) @Column({ type: 'varchar', length: 16 }) category: ResourceCategory;
  @Field(() => ShareType) @Column({ type: 'varchar', length: 16, name: 'share_type' }) shareType: ShareType;
  @Field(() => String, { nullable: true, description: 'conditions of CONDITIONAL sharing' }) @Column({ type: 'text', nullable: true, name: 'share_condition' }) shareCondition: string | null;
  @Field(() => String, { nullable: true, description: 'legal basis of NOT_SHARED (004 §7)' }) @Column({ type: 'text', nullable: true, name: 'not_shared_basis' }) notSharedBasis: string | null;
  @Field(() => OpenType) @Column({ type: 'varchar', length: 16, name: 'open_type' }) openType: OpenType;
  @Field(() => String, { nullable: true }) @Column({ type: 'text', nullable: true, name: 'not_open_reason' }) notOpenReason: string | null;
  @Field(() => SensitivityGrade) @Column({ type: 'varchar', length: 8, name: 'sensitivity_grade' }) sensitivityGrade: SensitivityGrade;
  @Field(() => ResourceStatus) @Column({ type: 'varchar', length: 16 }) status: ResourceStatus;
  @Field(() => Int) @Column({ type: 'int', default: 1 }) version: number;
  @Column({ type: 'int', default: 0, name: 'submission_count' }) submissionCount: number;
  @Field(() => Date, { nullable: true }) @Column({ type: 'datetime', precision: 3, nullable: true, name: 'review_deadline' }) reviewDeadline: Date | null;
  @Field({ description: 'the review ran past its working-day deadline and was escalated' }) @Column({ type: 'boolean', default: false, name: 'review_overdue' }) reviewOverdue: boolean;
  @Field(() => Date, { nullable: true }) @Column({ type: 'datetime', precision: 3, nullable: true, name: 'review_escalated_at' }) reviewEscalatedAt: Date | null;
  @Field(() => String, { nullable: true }) @Column({ type: 'text', nullable: true, name: 'review_comment' }) reviewComment: string | null;
  @Field(() => Date, { nullable: true }) @Column({ type: 'datetime', precision: 3, nullable: true, name: 'published_at' }) publishedAt: Date | null;
  @Field() @Column({ type: 'varchar', length: 64, name: 'created_by' }) createdBy: string;
  @Field() @CreateDateColumn({ type: 'datetime', precision: 3, name: 'created_at' }) createdAt: Date;
  @Field() @UpdateDateColumn({ type: 'datetime', precision: 3, name: 'updated_at' }) updatedAt: Date;
}
