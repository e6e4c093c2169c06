import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

@Directive('@key(fields: "id")')
@ObjectType({ description: 'A government department of one region; other subgraphs extend it with what they own' })
@Entity('department')
export class Department {
  @Field(() => ID) @PrimaryColumn({ type: 'varchar', length: 40 }) id: string;
  @Field() @Column({ type: 'varchar', length: 128 }) name: string;
  @Field() @Index() @Column({ type: 'varchar', length: 12, name: 'region_code' }) regionCode: string;
  @Field({ description: 'short code of the kind of department, e.g. gaj (公安局)' }) @Column({ type: 'varchar', length: 16 }) kind: string;
}
