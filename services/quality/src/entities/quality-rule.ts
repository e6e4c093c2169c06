import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';
import { QualityCheck, QualityDimension } from './enums';
import type { RuleParams } from '../domain/checks';

@ObjectType({ description: 'One version of a quality rule of a resource; a change adds a version, the newest active one applies' })
@Entity('quality_rule')
@Index(['resourceId', 'code', 'version'], { unique: true })
export class QualityRule {
  @Field(() => ID) @PrimaryColumn({ type: 'char', length: 36 }) id: string;
  @Field(() => ID) @Column({ type: 'char', length: 36, name: 'resource_id' }) resourceId: string;
  @Field() @Column({ type: 'varchar', length: 40, name: 'department_id' }) departmentId: string;
  @Field() @Column({ type: 'varchar', length: 12, name: 'region_code' }) regionCode: string;
  @Field({ description: 'stable name of the rule across its versions, e.g. required or unique:公民身份号码' }) @Column({ type: 'varchar', length: 120 }) code: string;
  @Field(() => Int) @Column({ type: 'int' }) version: number;
  @Field(() => QualityCheck) @Column({ type: 'varchar', length: 16, name: 'check_kind' }) check: QualityCheck;
  @Field(() => QualityDimension) @Column({ type: 'varchar', length: 16 }) dimension: QualityDimension;
  @Field(() => [String]) @Column({ type: 'json' }) items: string[];
  @Column({ type: 'json' }) params: RuleParams;
  @Field({ description: 'false: retired in this version' }) @Column({ type: 'boolean' }) active: boolean;
  @Field({ description: 'who wrote this version (default = derived from the catalog entry)' }) @Column({ type: 'varchar', length: 64, name: 'created_by' }) createdBy: string;
  @Field() @CreateDateColumn({ type: 'datetime', precision: 3, name: 'created_at' }) createdAt: Date;
}
