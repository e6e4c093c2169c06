import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

// mysql2 returns BIGINT as a string; sequence numbers stay far below 2^53.
const bigintAsNumber = { to: (v: number) => v, from: (v: string | number | null) => (v === null ? null : Number(v)) };

@ObjectType({ description: 'a day of the audit chain anchored (上链, 000 §25): SM3 Merkle root of its record hashes, signed with SM2' })
@Entity('audit_anchor')
export class AuditAnchor {
  @Field(() => ID) @PrimaryColumn({ type: 'char', length: 36 }) id: string;
  @Field({ description: 'the calendar day in China (UTC+8), YYYY-MM-DD' }) @Column({ type: 'char', length: 10 }) day: string;
  @Field({ description: 'false when anchored before the day was over: a later anchor of the same day covers the rest' }) @Column({ type: 'boolean' }) complete: boolean;
  @Field(() => Float, { nullable: true }) @Column({ type: 'bigint', nullable: true, name: 'first_seq', transformer: bigintAsNumber }) firstSeq: number | null;
  @Field(() => Float, { nullable: true }) @Column({ type: 'bigint', nullable: true, name: 'last_seq', transformer: bigintAsNumber }) lastSeq: number | null;
  @Field(() => Int) @Column({ type: 'int', name: 'record_count' }) recordCount: number;
  @Field({ description: 'SM3 Merkle root over the record hashes in seq order (64 zeros for an empty day)' }) @Column({ type: 'char', length: 64, name: 'merkle_root' }) merkleRoot: string;
  @Field({ description: 'the exact text that was signed' }) @Column({ type: 'varchar', length: 400, name: 'signed_payload' }) signedPayload: string;
  @Field({ description: 'SM2 signature (DER, base64) of signedPayload' }) @Column({ type: 'varchar', length: 200 }) signature: string;
  @Field({ description: "SM2 distinguishing identifier of the signature: GM/T 0009's '1234567812345678'; '' for anchors signed before it (OpenSSL's empty id)" })
  @Column({ type: 'varchar', length: 64, name: 'signer_id', default: '' }) signerId: string;
  @Field({ description: 'SM2 public key (PEM) that verifies the signature' }) @Column({ type: 'varchar', length: 400, name: 'public_key_pem' }) publicKeyPem: string;
  @Field() @CreateDateColumn({ type: 'datetime', precision: 3, name: 'anchored_at' }) anchoredAt: Date;
}
