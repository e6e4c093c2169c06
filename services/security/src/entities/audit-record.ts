import { Directive, Field, Float, ID, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { AuditAction, AuditOutcome } from './enums';

// mysql2 returns BIGINT as a string; sequence numbers stay far below 2^53.
const bigintAsNumber = { to: (v: number) => v, from: (v: string | number | null) => (v === null ? null : Number(v)) };

@Directive('@key(fields: "id")')
@ObjectType({ description: 'One entry of the tamper-evident audit log (审计记录, 004 §33): hash = SM3(prevHash || canonical JSON)' })
@Entity('audit_record')
@Index(['departmentId', 'seq'])
@Index(['regionCode', 'seq'])
@Index(['resourceId', 'seq'])
export class AuditRecord {
  @Field(() => ID) @PrimaryColumn({ type: 'char', length: 36 }) id: string;
  @Field(() => Float, { description: 'position in the chain: 1, 2, 3, ... without gaps (int64; exact below 2^53)' })
  @Index({ unique: true }) @Column({ type: 'bigint', transformer: bigintAsNumber }) seq: number;
  @Field({ description: 'username of the person (or client) the action was done by' }) @Column({ type: 'varchar', length: 64 }) actor: string;
  @Field({ description: 'subject id of the actor in the identity provider' }) @Column({ type: 'varchar', length: 64, name: 'actor_sub' }) actorSub: string;
  @Field(() => String, { nullable: true, description: "the actor's department; null for the anonymous public" })
  @Column({ type: 'varchar', length: 40, name: 'department_id', nullable: true }) departmentId: string | null;
  @Field(() => String, { nullable: true, description: "the actor's region; null for the anonymous public" })
  @Column({ type: 'varchar', length: 12, name: 'region_code', nullable: true }) regionCode: string | null;
  @Field(() => AuditAction) @Column({ type: 'varchar', length: 16 }) action: AuditAction;
  @Field(() => String, { nullable: true }) @Column({ type: 'varchar', length: 64, nullable: true, name: 'resource_id' }) resourceId: string | null;
  @Field(() => String, { nullable: true }) @Column({ type: 'varchar', length: 64, nullable: true, name: 'grant_id' }) grantId: string | null;
  @Field(() => String, { nullable: true, description: 'the declared business scenario' }) @Column({ type: 'varchar', length: 500, nullable: true }) scenario: string | null;
  @Field(() => [String], { description: 'data items touched' }) @Column({ type: 'json' }) items: string[];
  @Field(() => AuditOutcome) @Column({ type: 'varchar', length: 8 }) outcome: AuditOutcome;
  @Field() @Column({ type: 'varchar', length: 64, name: 'request_id' }) requestId: string;
  @Field(() => String, { nullable: true, description: 'e.g. the record count of a query page' }) @Column({ type: 'varchar', length: 1000, nullable: true }) detail: string | null;
  @Field(() => String, { nullable: true, description: 'the deployable that reported it' }) @Column({ type: 'varchar', length: 32, nullable: true, name: 'source_service' }) source: string | null;
  @Field({ description: 'when the record was appended to the chain' }) @Column({ type: 'datetime', precision: 3, name: 'recorded_at' }) at: Date;
  @Field(() => Date, { nullable: true, description: 'when the operation happened at its source (written to its outbox); the chain may receive it later if security was down' })
  @Column({ type: 'datetime', precision: 3, name: 'occurred_at', nullable: true }) occurredAt: Date | null;
  @Field() @Column({ type: 'char', length: 64, name: 'prev_hash' }) prevHash: string;
  @Field() @Column({ type: 'char', length: 64 }) hash: string;
}

/** The one-row head of the chain: appends lock it, so the chain never forks. */
@Entity('audit_chain_head')
export class AuditChainHead {
  @PrimaryColumn({ type: 'tinyint' }) id: number;
  @Column({ type: 'bigint', name: 'last_seq', transformer: bigintAsNumber }) lastSeq: number;
  @Column({ type: 'char', length: 64, name: 'last_hash' }) lastHash: string;
  @UpdateDateColumn({ type: 'datetime', precision: 3, name: 'updated_at' }) updatedAt: Date;
}
