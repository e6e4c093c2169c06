import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** OPEN: waiting for the provider's opinion; OPINION_GIVEN: the authority decides; APPROVED / REFUSED: decided. */
export enum ReclassificationStatus { OPEN = 'OPEN', OPINION_GIVEN = 'OPINION_GIVEN', APPROVED = 'APPROVED', REFUSED = 'REFUSED' }
registerEnumType(ReclassificationStatus, { name: 'ReclassificationStatus', description: '001 §21: provider opinion, then the authority decides' });

@ObjectType({ description: 'A request to the authority to reclassify a NOT_SHARED resource (001 §21)' })
@Entity('reclassification_request')
export class ReclassificationRequest {
  @Field(() => ID) @PrimaryColumn({ type: 'char', length: 36 }) id: string;
  @Field(() => ID) @Column({ type: 'char', length: 36, name: 'resource_id' }) resourceId: string;
  @Field() @Column({ type: 'varchar', length: 40, name: 'provider_department_id' }) providerDepartmentId: string;
  @Field() @Column({ type: 'varchar', length: 12, name: 'provider_region_code' }) providerRegionCode: string;
  @Field() @Column({ type: 'varchar', length: 40, name: 'consumer_department_id' }) consumerDepartmentId: string;
  @Field() @Column({ type: 'varchar', length: 12, name: 'region_code' }) regionCode: string;
  @Field() @Column({ type: 'text' }) reason: string;
  @Field(() => ReclassificationStatus) @Column({ type: 'varchar', length: 16 }) status: ReclassificationStatus;
  @Field() @Column({ type: 'varchar', length: 64, name: 'created_by' }) createdBy: string;
  @Field() @CreateDateColumn({ type: 'datetime', precision: 3, name: 'created_at' }) createdAt: Date;
  @Field(() => Date, { nullable: true, description: "the provider's opinion is due by then (RECLASSIFICATION_OPINION_WORKING_DAYS working days); past it the authority may decide without it" })
  @Column({ type: 'datetime', precision: 3, nullable: true, name: 'opinion_deadline' }) opinionDeadline: Date | null;
  @Field({ description: 'false: the deadline falls in a year the official holiday calendar does not cover yet (provisional)' })
  @Column({ type: 'boolean', default: true, name: 'opinion_deadline_official' }) opinionDeadlineOfficial: boolean;
  @Field(() => Boolean, { nullable: true }) @Column({ type: 'boolean', nullable: true, name: 'provider_agrees' }) providerAgrees: boolean | null;
  @Field(() => String, { nullable: true }) @Column({ type: 'text', nullable: true, name: 'provider_opinion' }) providerOpinion: string | null;
  @Field(() => String, { nullable: true }) @Column({ type: 'varchar', length: 64, nullable: true, name: 'opinion_by' }) opinionBy: string | null;
  @Field(() => Date, { nullable: true }) @Column({ type: 'datetime', precision: 3, nullable: true, name: 'opinion_at' }) opinionAt: Date | null;
  @Field(() => String, { nullable: true }) @Column({ type: 'varchar', length: 64, nullable: true, name: 'decided_by' }) decidedBy: string | null;
  @Field(() => Date, { nullable: true }) @Column({ type: 'datetime', precision: 3, nullable: true, name: 'decided_at' }) decidedAt: Date | null;
  @Field(() => String, { nullable: true, description: "the authority's reasons (always given on a refusal)" })
  @Column({ type: 'text', nullable: true, name: 'decision_reason' }) decisionReason: string | null;
  @Field(() => String, { nullable: true, description: 'the share type the entry now has (APPROVED)' })
  @Column({ type: 'varchar', length: 16, nullable: true, name: 'new_share_type' }) newShareType: string | null;
  @Field(() => ID, { nullable: true, description: "catalog's reviewed change that applied the decision (000 §9)" })
  @Column({ type: 'char', length: 36, nullable: true, name: 'catalog_change_request_id' }) catalogChangeRequestId: string | null;
  @Field(() => Int, { nullable: true, description: 'the catalog version the change published (null while catalog applies it)' })
  @Column({ type: 'int', nullable: true, name: 'catalog_version' }) catalogVersion: number | null;
  @Field({ description: 'the provider let its opinion deadline pass: escalated to the authority, which may decide without it (001 §21)' })
  @Column({ type: 'boolean', default: false, name: 'opinion_overdue' }) opinionOverdue: boolean;
  @Field(() => Date, { nullable: true, description: 'when the silent provider was escalated' })
  @Column({ type: 'datetime', precision: 3, nullable: true, name: 'escalated_at' }) escalatedAt: Date | null;
  /** Not a column: catalog's workflow has yet to publish the new version. */
  pending?: boolean;
}
