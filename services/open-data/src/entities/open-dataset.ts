import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { OpenDataFormat, OpenDatasetOpenMode, OpenDatasetOpenType, OpenDatasetStatus, OpenDatasetUpdateFrequency } from './enums';

@Directive('@key(fields: "id")')
@ObjectType({ description: 'An open-data catalog entry (开放数据集, 003 §19): name, publisher, open type, format, data type, open mode, update frequency' })
@Entity('open_dataset')
@Index(['publisherDepartmentId', 'name'], { unique: true })
@Index(['status', 'theme'])
export class OpenDataset {
  @Field(() => ID) @PrimaryColumn({ type: 'char', length: 36 }) id: string;
  @Field(() => ID, { nullable: true, description: 'the catalog entry the dataset is drawn from, if any' })
  @Column({ type: 'char', length: 36, nullable: true, name: 'resource_id' }) resourceId: string | null;
  @Field({ description: '数据开放主体' }) @Column({ type: 'varchar', length: 40, name: 'publisher_department_id' }) publisherDepartmentId: string;
  @Field() @Column({ type: 'varchar', length: 12, name: 'region_code' }) regionCode: string;
  @Field() @Column({ type: 'varchar', length: 200 }) name: string;
  @Field(() => String, { nullable: true }) @Column({ type: 'text', nullable: true }) description: string | null;
  @Field(() => OpenDatasetOpenType) @Column({ type: 'varchar', length: 16, name: 'open_type' }) openType: OpenDatasetOpenType;
  @Field(() => [OpenDataFormat]) @Column({ type: 'json' }) formats: OpenDataFormat[];
  @Field({ description: '数据类型, e.g. 结构化数据' }) @Column({ type: 'varchar', length: 32, name: 'data_type' }) dataType: string;
  @Field(() => OpenDatasetOpenMode) @Column({ type: 'varchar', length: 16, name: 'open_mode' }) openMode: OpenDatasetOpenMode;
  @Field(() => OpenDatasetUpdateFrequency) @Column({ type: 'varchar', length: 16, name: 'update_frequency' }) updateFrequency: OpenDatasetUpdateFrequency;
  @Field({ description: '主题, e.g. 医疗卫生' }) @Column({ type: 'varchar', length: 64 }) theme: string;
  @Field(() => OpenDatasetStatus) @Column({ type: 'varchar', length: 16 }) status: OpenDatasetStatus;
  @Field(() => Date, { nullable: true }) @Column({ type: 'datetime', precision: 3, nullable: true, name: 'published_at' }) publishedAt: Date | null;
  @Column({ type: 'varchar', length: 64, name: 'created_by' }) createdBy: string;
  @Field() @CreateDateColumn({ type: 'datetime', precision: 3, name: 'created_at' }) createdAt: Date;
  /** Any change of the row (the database stamps it): the catalog's and the downloads' Last-Modified. */
  @Field({ description: 'when the entry last changed (its metadata or status)' })
  @UpdateDateColumn({ type: 'datetime', precision: 3, name: 'updated_at' }) updatedAt: Date;
}
