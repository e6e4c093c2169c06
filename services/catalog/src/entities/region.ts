import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { RegionLevel } from './enums';

@Directive('@key(fields: "code")')
@ObjectType({ description: 'A city or one of its counties/districts: the tenant of every record (GB/T 2260 code)' })
@Entity('region')
export class Region {
  @Field(() => ID) @PrimaryColumn({ type: 'varchar', length: 12 }) code: string;
  @Field() @Column({ type: 'varchar', length: 64 }) name: string;
  @Field(() => RegionLevel) @Column({ type: 'varchar', length: 16 }) level: RegionLevel;
  @Field(() => String, { nullable: true }) @Column({ type: 'varchar', length: 12, nullable: true, name: 'parent_code' }) parentCode: string | null;
}
