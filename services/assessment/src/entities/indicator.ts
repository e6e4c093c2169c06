import { Field, Float, ID, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { IndicatorDirection, IndicatorSource, IndicatorUnit } from './enums';

const decimalAsNumber = { to: (v: number) => v, from: (v: string | number | null) => (v === null ? null : Number(v)) };

@ObjectType({ description: "an assessment indicator of a period, edited by the region's authority (000 §28, 004 §34)" })
@Entity('assessment_indicator')
@Index(['periodId', 'key'], { unique: true })
export class AssessmentIndicator {
  @Field(() => ID) @PrimaryColumn({ type: 'char', length: 36 }) id: string;
  @Field(() => ID) @Column({ type: 'char', length: 36, name: 'period_id' }) periodId: string;
  @Field({ description: 'stable key of the fact the source computes, e.g. sharing.answeredOnTime' }) @Column({ type: 'varchar', length: 64 }) key: string;
  @Field() @Column({ type: 'varchar', length: 64 }) name: string;
  @Field() @Column({ type: 'varchar', length: 500 }) definition: string;
  @Field(() => IndicatorUnit) @Column({ type: 'varchar', length: 8 }) unit: IndicatorUnit;
  @Field(() => IndicatorDirection) @Column({ type: 'varchar', length: 16 }) direction: IndicatorDirection;
  @Field(() => Float, { description: 'relative weight; the weights of the available indicators are scaled to sum to 1' })
  @Column({ type: 'decimal', precision: 6, scale: 4, transformer: decimalAsNumber }) weight: number;
  @Field(() => IndicatorSource) @Column({ type: 'varchar', length: 16 }) source: IndicatorSource;
  @Field({ description: 'where the default weight comes from, or who changed it' }) @Column({ type: 'varchar', length: 500 }) basis: string;
  @Field() @UpdateDateColumn({ type: 'datetime', precision: 3, name: 'updated_at' }) updatedAt: Date;
}
