import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { ObjectionDecision, ObjectionGround, ObjectionStatus } from './enums';

@Directive('@key(fields: "id")')
@ObjectType({ description: "A citizen's or organisation's objection (异议) to collected, shared or opened data (000 §26)" })
@Entity('objection')
@Index(['departmentId', 'status'])
@Index(['regionCode', 'status'])
@Index(['resourceId', 'status'])
export class Objection {
  @Field(() => ID) @PrimaryColumn({ type: 'char', length: 36 }) id: string;
  @Field(() => ID) @Column({ type: 'char', length: 36, name: 'resource_id' }) resourceId: string;
  @Field({ description: 'the source department that verifies and decides' }) @Column({ type: 'varchar', length: 40, name: 'department_id' }) departmentId: string;
  @Field() @Column({ type: 'varchar', length: 12, name: 'region_code' }) regionCode: string;
  @Field({ description: 'the citizen or organisation objecting' }) @Column({ type: 'varchar', length: 100, name: 'objector_name' }) objectorName: string;
  @Field(() => ObjectionGround) @Column({ type: 'varchar', length: 16 }) ground: ObjectionGround;
  @Field() @Column({ type: 'text' }) description: string;
  @Field({ description: 'true when the authority recorded an objection received on paper' }) @Column({ type: 'boolean', name: 'on_paper' }) onPaper: boolean;
  @Field(() => ObjectionStatus) @Column({ type: 'varchar', length: 12 }) status: ObjectionStatus;
  @Field({ description: 'collection, sharing and opening of the resource are suspended while this holds' }) @Column({ type: 'boolean' }) suspended: boolean;
  @Field(() => Date, { nullable: true }) @Column({ type: 'datetime', precision: 3, nullable: true, name: 'suspended_at' }) suspendedAt: Date | null;
  @Field(() => Date, { nullable: true, description: 'when the department should have verified and decided (end of the day in China)' }) @Column({ type: 'datetime', precision: 3, nullable: true, name: 'verify_deadline' }) verifyDeadline: Date | null;
  @Field(() => String, { nullable: true }) @Column({ type: 'varchar', length: 10, nullable: true, name: 'verify_deadline_day' }) verifyDeadlineDay: string | null;
  @Field(() => Boolean, { nullable: true, description: 'whether the official holiday calendar covers the deadline day' }) @Column({ type: 'boolean', nullable: true, name: 'verify_deadline_official' }) verifyDeadlineOfficial: boolean | null;
  @Field(() => ObjectionDecision, { nullable: true }) @Column({ type: 'varchar', length: 10, nullable: true }) decision: ObjectionDecision | null;
  @Field(() => String, { nullable: true, description: "the department's finding after verifying" }) @Column({ type: 'text', nullable: true }) finding: string | null;
  @Field(() => Date, { nullable: true }) @Column({ type: 'datetime', precision: 3, nullable: true, name: 'decided_at' }) decidedAt: Date | null;
  @Field(() => String, { nullable: true, description: 'the answer to the objector' }) @Column({ type: 'text', nullable: true }) answer: string | null;
  @Field(() => Date, { nullable: true }) @Column({ type: 'datetime', precision: 3, nullable: true, name: 'answered_at' }) answeredAt: Date | null;
  /** The Keycloak subject who filed it: a public objector reads its own objections. */
  @Index() @Column({ type: 'varchar', length: 64, name: 'filed_by_sub' }) filedBySub: string;
  @Field() @Column({ type: 'varchar', length: 64, name: 'created_by' }) createdBy: string;
  @Field() @CreateDateColumn({ type: 'datetime', precision: 3, name: 'created_at' }) createdAt: Date;
  @Field() @UpdateDateColumn({ type: 'datetime', precision: 3, name: 'updated_at' }) updatedAt: Date;
}
