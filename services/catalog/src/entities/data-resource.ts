import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import {
  DataFormat, ItemType, MountHealth, OpenType, ProvisionMode, ResourceCategory, ResourceStatus, SensitivityGrade, ShareType, UpdateCycle, UsageMode,
} from './enums';

const csv = { to: (v: string[] | null) => (v ?? []).join(','), from: (v: string | null) => (v ? v.split(',').filter(Boolean) : []) };

@ObjectType({ description: 'A data item (信息项) of a catalog entry' })
@Entity('data_item')
export class DataItem {
  @PrimaryColumn({ type: 'char', length: 36 }) id: string;
  @Index() @Column({ type: 'char', length: 36, name: 'resource_id' }) resourceId: string;
  @Column({ type: 'int' }) position: number;
  @Field() @Column({ type: 'varchar', length: 128 }) name: string;
  @Field(() => ItemType) @Column({ type: 'varchar', length: 16 }) type: ItemType;
  @Field(() => Int, { nullable: true }) @Column({ type: 'int', nullable: true }) length: number | null;
  @Field({ description: 'kept for older clients: sensitivity is not NONE' }) @Column({ type: 'boolean', default: false, name: 'is_sensitive' }) sensitive: boolean;
  @Field(() => SensitivityGrade, { description: 'the item\'s own grade; never above its resource\'s grade (000 §8)' })
  @Column({ type: 'varchar', length: 8, default: 'NONE' }) sensitivity: SensitivityGrade;
  @Field({ description: 'sensitivity is not NONE' }) get isSensitive(): boolean { return this.sensitivity !== SensitivityGrade.NONE || this.sensitive; }
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
  /** The calendar the workflow counted the review deadline on (official:<year>#<v>, shipped:<year>, statutory:<year>). */
  @Column({ type: 'varchar', length: 32, nullable: true, name: 'review_calendar' }) reviewCalendar: string | null;
  @Field({ description: 'the review ran past its working-day deadline and was escalated' }) @Column({ type: 'boolean', default: false, name: 'review_overdue' }) reviewOverdue: boolean;
  @Field(() => Date, { nullable: true }) @Column({ type: 'datetime', precision: 3, nullable: true, name: 'review_escalated_at' }) reviewEscalatedAt: Date | null;
  @Field(() => String, { nullable: true }) @Column({ type: 'text', nullable: true, name: 'review_comment' }) reviewComment: string | null;
  @Field(() => Date, { nullable: true }) @Column({ type: 'datetime', precision: 3, nullable: true, name: 'published_at' }) publishedAt: Date | null;
  @Field(() => SensitivityGrade, { description: 'same as sensitivityGrade' }) get grade(): SensitivityGrade { return this.sensitivityGrade; }
  @Field(() => String, { nullable: true, description: 'linked government service item (000 §7); null = none' })
  @Column({ type: 'varchar', length: 200, nullable: true, name: 'service_item' }) serviceItem: string | null;
  @Field(() => String, { nullable: true, description: 'source information system (002 §2(3))' })
  @Column({ type: 'char', length: 36, nullable: true, name: 'source_system_id' }) sourceSystemId: string | null;
  @Field(() => DataFormat) @Column({ type: 'varchar', length: 8, default: 'TABLE', name: 'data_format' }) format: DataFormat;
  @Field(() => UpdateCycle) @Column({ type: 'varchar', length: 16, default: 'DAILY', name: 'update_cycle' }) updateCycle: UpdateCycle;
  @Field(() => ProvisionMode) @Column({ type: 'varchar', length: 24, default: 'DISTRIBUTION_API', name: 'provision_mode' }) provisionMode: ProvisionMode;
  @Field(() => [UsageMode]) @Column({ type: 'varchar', length: 64, default: 'QUERY', name: 'usage_modes', transformer: csv }) usageModes: UsageMode[];
  @Field(() => String, { nullable: true, description: 'theme of a THEME resource (004 §15)' })
  @Column({ type: 'varchar', length: 64, nullable: true }) theme: string | null;
  @Field(() => Date, { nullable: true }) @Column({ type: 'datetime', precision: 3, nullable: true, name: 'retired_at' }) retiredAt: Date | null;
  @Field(() => String, { nullable: true }) @Column({ type: 'text', nullable: true, name: 'retire_reason' }) retireReason: string | null;
  // Mounting (挂接, 000 §13) and a declared outage with its alternative (000 §18).
  @Field(() => DataFormat, { nullable: true, description: 'how it is mounted on the exchange platform; null = not mounted' })
  @Column({ type: 'varchar', length: 8, nullable: true, name: 'mount_kind' }) mountKind: DataFormat | null;
  @Field(() => String, { nullable: true }) @Column({ type: 'varchar', length: 500, nullable: true, name: 'mount_endpoint' }) mountEndpoint: string | null;
  @Field(() => MountHealth) @Column({ type: 'varchar', length: 8, default: 'UNKNOWN', name: 'mount_health' }) mountHealth: MountHealth;
  @Field(() => Date, { nullable: true }) @Column({ type: 'datetime', precision: 3, nullable: true, name: 'mounted_at' }) mountedAt: Date | null;
  @Field(() => String, { nullable: true }) @Column({ type: 'text', nullable: true, name: 'outage_reason' }) outageReason: string | null;
  @Field(() => String, { nullable: true, description: 'what consumers use meanwhile (000 §18)' })
  @Column({ type: 'text', nullable: true, name: 'outage_alternative' }) outageAlternative: string | null;
  @Field(() => Date, { nullable: true }) @Column({ type: 'datetime', precision: 3, nullable: true, name: 'outage_until' }) outageUntil: Date | null;
  @Field(() => Int, { description: '000 §18: consecutive failed probes of the mount (3 open an outage)' })
  @Column({ type: 'int', default: 0, name: 'mount_probe_failures' }) mountProbeFailures: number;
  @Field(() => Date, { nullable: true, description: "the platform's last probe of the mount" })
  @Column({ type: 'datetime', precision: 3, nullable: true, name: 'last_probed_at' }) lastProbedAt: Date | null;
  @Field(() => String, { nullable: true, description: 'why the last probe failed' })
  @Column({ type: 'varchar', length: 500, nullable: true, name: 'last_probe_error' }) lastProbeError: string | null;
  @Field() get mounted(): boolean { return this.mountKind !== null; }
  @Field() @Column({ type: 'varchar', length: 64, name: 'created_by' }) createdBy: string;
  @Field() @CreateDateColumn({ type: 'datetime', precision: 3, name: 'created_at' }) createdAt: Date;
  @Field() @UpdateDateColumn({ type: 'datetime', precision: 3, name: 'updated_at' }) updatedAt: Date;
  /** Not a column: set on the answer of a decision the workflow has not applied yet (see the `pending` field). */
  pending?: boolean;
}
