import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { AssessmentPeriodStatus } from './enums';

@Directive('@key(fields: "id")')
@ObjectType({ description: 'An assessment period (考核周期) of one region (000 §28, 004 §34)' })
@Entity('assessment_period')
@Index(['regionCode', 'startsOn'])
@Index(['regionCode', 'name'], { unique: true })
export class AssessmentPeriod {
  @Field(() => ID) @PrimaryColumn({ type: 'char', length: 36 }) id: string;
  @Field() @Column({ type: 'varchar', length: 64 }) name: string;
  @Field() @Column({ type: 'varchar', length: 12, name: 'region_code' }) regionCode: string;
  @Field({ description: 'first day, YYYY-MM-DD' }) @Column({ type: 'date', name: 'starts_on', utc: true }) startsOn: string;
  @Field({ description: 'last day (inclusive), YYYY-MM-DD' }) @Column({ type: 'date', name: 'ends_on', utc: true }) endsOn: string;
  @Field(() => AssessmentPeriodStatus) @Column({ type: 'varchar', length: 16 }) status: AssessmentPeriodStatus;
  @Field() @Column({ type: 'varchar', length: 64, name: 'created_by' }) createdBy: string;
  @Field() @CreateDateColumn({ type: 'datetime', precision: 3, name: 'created_at' }) createdAt: Date;
  @UpdateDateColumn({ type: 'datetime', precision: 3, name: 'updated_at' }) updatedAt: Date;
}
