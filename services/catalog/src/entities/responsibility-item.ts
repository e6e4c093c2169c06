import { Field, ID, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

@ObjectType({ description: 'a line of a responsibility list: what a department must share, published by the authority (000 §4,7)' })
@Entity('responsibility_item')
export class ResponsibilityItem {
  @Field(() => ID) @PrimaryColumn({ type: 'char', length: 36 }) id: string;
  @Field() @Index() @Column({ type: 'varchar', length: 40, name: 'department_id' }) departmentId: string;
  @Field() @Column({ type: 'varchar', length: 12, name: 'region_code' }) regionCode: string;
  @Field() @Column({ type: 'varchar', length: 200 }) name: string;
  @Field(() => String, { nullable: true }) @Column({ type: 'text', nullable: true }) description: string | null;
  @Field(() => String, { nullable: true, description: 'the catalog entry that answers this line' })
  @Column({ type: 'char', length: 36, nullable: true, name: 'resource_id' }) resourceId: string | null;
  @Field() @Column({ type: 'varchar', length: 64, name: 'published_by' }) publishedBy: string;
  @Field() @CreateDateColumn({ type: 'datetime', precision: 3, name: 'created_at' }) createdAt: Date;
}
