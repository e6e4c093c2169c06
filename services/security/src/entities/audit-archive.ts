import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

// mysql2 returns BIGINT as a string; sequence numbers stay far below 2^53.
const bigintAsNumber = { to: (v: number) => v, from: (v: string | number | null) => (v === null ? null : Number(v)) };

@ObjectType({ description: 'an archive export of audit records older than the retention period; its SM3 hash is anchored before they leave (004 §33)' })
@Entity('audit_archive')
export class AuditArchive {
  @Field(() => ID) @PrimaryColumn({ type: 'char', length: 36 }) id: string;
  @Field(() => Float) @Column({ type: 'bigint', name: 'first_seq', transformer: bigintAsNumber }) firstSeq: number;
  @Field(() => Float) @Column({ type: 'bigint', name: 'last_seq', transformer: bigintAsNumber }) lastSeq: number;
  @Field(() => Int) @Column({ type: 'int', name: 'record_count' }) recordCount: number;
  @Field({ description: 'hash of the last archived record: the live chain continues from it' }) @Column({ type: 'char', length: 64, name: 'last_hash' }) lastHash: string;
  @Field({ description: 'SM3 of the exported NDJSON' }) @Column({ type: 'char', length: 64, name: 'content_hash' }) contentHash: string;
  @Field({ description: 'SM2 signature (base64) of "gov-audit-archive|v1|<id>|<firstSeq>|<lastSeq>|<recordCount>|<lastHash>|<contentHash>"' }) @Column({ type: 'varchar', length: 200 }) signature: string;
  @Field() @Column({ type: 'varchar', length: 400, name: 'public_key_pem' }) publicKeyPem: string;
  @Field() @Column({ type: 'varchar', length: 64, name: 'created_by' }) createdBy: string;
  @Field() @CreateDateColumn({ type: 'datetime', precision: 3, name: 'created_at' }) createdAt: Date;
  @Field(() => Date, { nullable: true, description: 'when the archived records were removed from the live chain' })
  @Column({ type: 'datetime', precision: 3, nullable: true, name: 'purged_at' }) purgedAt: Date | null;
  /** The NDJSON itself (SM4-encrypted: records name people and what they read). */
  @Column({ type: 'longtext', name: 'content_enc' }) contentEnc: string;
}
