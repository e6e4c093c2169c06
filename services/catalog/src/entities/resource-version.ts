import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

@ObjectType({ description: 'one published version of a catalog entry; every one stays queryable (000 §9)' })
@Entity('resource_version')
@Index(['resourceId', 'version'], { unique: true })
export class ResourceVersion {
  @Field(() => ID) @PrimaryColumn({ type: 'char', length: 36 }) id: string;
  @Field() @Column({ type: 'char', length: 36, name: 'resource_id' }) resourceId: string;
  @Field(() => Int) @Column({ type: 'int' }) version: number;
  /** The entry and its items as published, JSON. */
  @Column({ type: 'longtext' }) snapshot: string;
  @Field(() => String, { nullable: true }) @Column({ type: 'char', length: 36, nullable: true, name: 'change_request_id' }) changeRequestId: string | null;
  @Field() @CreateDateColumn({ type: 'datetime', precision: 3, name: 'created_at' }) createdAt: Date;
}
