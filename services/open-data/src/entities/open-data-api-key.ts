import { Field, ID, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

@ObjectType({ description: "A public user's personal key for the open data API (sent as x-api-key); stored as an SM3 digest only" })
@Entity('open_data_api_key')
@Index(['ownerSub', 'createdAt'])
export class OpenDataApiKey {
  @Field(() => ID) @PrimaryColumn({ type: 'char', length: 36 }) id: string;
  @Column({ type: 'varchar', length: 64, name: 'owner_sub' }) ownerSub: string;
  @Field() @Column({ type: 'varchar', length: 64 }) owner: string;
  @Field() @Column({ type: 'varchar', length: 100 }) name: string;
  @Field({ description: 'the first characters of the key, to recognise it' }) @Column({ type: 'char', length: 12, unique: true }) prefix: string;
  @Column({ type: 'char', length: 64, name: 'secret_digest' }) secretDigest: string;
  @Field(() => Date) @Column({ type: 'datetime', precision: 3, name: 'expires_at' }) expiresAt: Date;
  @Field(() => Date, { nullable: true }) @Column({ type: 'datetime', precision: 3, nullable: true, name: 'revoked_at' }) revokedAt: Date | null;
  @Field(() => Date, { nullable: true }) @Column({ type: 'datetime', precision: 3, nullable: true, name: 'last_used_at' }) lastUsedAt: Date | null;
  @Field() @CreateDateColumn({ type: 'datetime', precision: 3, name: 'created_at' }) createdAt: Date;
}
