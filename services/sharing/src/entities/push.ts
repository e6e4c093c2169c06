import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

@ObjectType({ description: "Where a PUSH grant delivers: each load's changed records, signed with HMAC-SM3 (x-gov-signature)" })
@Entity('push_endpoint')
export class PushEndpoint {
  @Field(() => ID) @PrimaryColumn({ type: 'char', length: 36 }) id: string;
  @Field(() => ID) @Column({ type: 'char', length: 36, name: 'grant_id' }) grantId: string;
  @Column({ type: 'char', length: 36, name: 'resource_id' }) resourceId: string;
  @Field() @Column({ type: 'varchar', length: 500 }) url: string;
  /** SM4 envelope of the signing secret. */
  @Column({ type: 'text' }) secret: string;
  @Field() @Column({ type: 'varchar', length: 64, name: 'created_by' }) createdBy: string;
  @Field() @CreateDateColumn({ type: 'datetime', precision: 3, name: 'created_at' }) createdAt: Date;
}

@ObjectType()
export class PushRegistration {
  @Field(() => PushEndpoint) endpoint: PushEndpoint;
  @Field({ description: 'the HMAC-SM3 signing secret: shown once, here' }) secret: string;
}

@ObjectType({ description: 'One delivery of one load to one endpoint (at-least-once)' })
@Entity('push_delivery')
export class PushDelivery {
  @Field(() => ID) @PrimaryColumn({ type: 'varchar', length: 120 }) id: string;
  @Field(() => ID) @Column({ type: 'char', length: 36, name: 'endpoint_id' }) endpointId: string;
  @Field(() => ID) @Column({ type: 'char', length: 36, name: 'load_id' }) loadId: string;
  @Field() @Column({ type: 'varchar', length: 12 }) status: string;
  @Field(() => Int) @Column({ type: 'int' }) attempts: number;
  @Field(() => Int) @Column({ type: 'int' }) records: number;
  @Field(() => String, { nullable: true }) @Column({ type: 'text', nullable: true }) detail: string | null;
  @Field() @UpdateDateColumn({ type: 'datetime', precision: 3, name: 'updated_at' }) updatedAt: Date;
}
