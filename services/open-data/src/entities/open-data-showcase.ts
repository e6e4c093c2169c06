import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

export enum ShowcaseStatus { SUBMITTED = 'SUBMITTED', APPROVED = 'APPROVED', REJECTED = 'REJECTED' }
registerEnumType(ShowcaseStatus, { name: 'ShowcaseStatus', description: 'the platform operator reviews a case before it is shown (003 §29)' });

@ObjectType({ description: 'An application built on open data, shown on the portal once reviewed (003 §29)' })
@Entity('open_data_showcase')
@Index(['submitterSub', 'idempotencyKey'], { unique: true })
export class OpenDataShowcase {
  @Field(() => ID) @PrimaryColumn({ type: 'char', length: 36 }) id: string;
  @Column({ type: 'varchar', length: 64, name: 'submitter_sub' }) submitterSub: string;
  @Field() @Column({ type: 'varchar', length: 64 }) submitter: string;
  @Field() @Column({ type: 'varchar', length: 200 }) name: string;
  @Field() @Column({ type: 'text' }) description: string;
  @Field() @Column({ type: 'varchar', length: 500 }) link: string;
  @Field(() => [ID], { description: 'the open datasets the application uses' }) @Column({ type: 'json', name: 'dataset_ids' }) datasetIds: string[];
  @Field(() => ShowcaseStatus) @Column({ type: 'varchar', length: 16 }) status: ShowcaseStatus;
  @Field({ description: 'featured by the authority' }) @Column({ type: 'boolean', default: false }) featured: boolean;
  @Field(() => String, { nullable: true }) @Column({ type: 'varchar', length: 64, nullable: true, name: 'reviewed_by' }) reviewedBy: string | null;
  @Field(() => String, { nullable: true }) @Column({ type: 'text', nullable: true, name: 'review_note' }) reviewNote: string | null;
  @Column({ type: 'varchar', length: 64, name: 'idempotency_key' }) idempotencyKey: string;
  @Field() @CreateDateColumn({ type: 'datetime', precision: 3, name: 'created_at' }) createdAt: Date;
}
