import { Field, Float, ID, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

// mysql2 returns DECIMAL as a string; scores are small numbers.
const decimalAsNumber = { to: (v: number) => v, from: (v: string | number | null) => (v === null ? null : Number(v)) };

@ObjectType({ description: "one metric of a department's assessment in a period: score = value x weight x 100" })
@Entity('department_score')
@Index(['periodId', 'departmentId'])
@Index(['periodId', 'departmentId', 'metric'], { unique: true })
export class DepartmentScore {
  @Field(() => ID) @PrimaryColumn({ type: 'char', length: 36 }) id: string;
  @Field(() => ID) @Column({ type: 'char', length: 36, name: 'period_id' }) periodId: string;
  @Field() @Column({ type: 'varchar', length: 40, name: 'department_id' }) departmentId: string;
  @Field() @Column({ type: 'varchar', length: 12, name: 'region_code' }) regionCode: string;
  @Field({ description: 'metric name, e.g. 目录覆盖率' }) @Column({ type: 'varchar', length: 64 }) metric: string;
  @Field(() => Float, { description: 'measured value, a rate in [0, 1]' }) @Column({ type: 'decimal', precision: 12, scale: 4, name: 'metric_value', transformer: decimalAsNumber }) value: number;
  @Field(() => Float, { description: 'weight of the metric in the total, in [0, 1]' }) @Column({ type: 'decimal', precision: 5, scale: 4, transformer: decimalAsNumber }) weight: number;
  @Field(() => Float) @Column({ type: 'decimal', precision: 8, scale: 2, transformer: decimalAsNumber }) score: number;
  @Field() @CreateDateColumn({ type: 'datetime', precision: 3, name: 'created_at' }) createdAt: Date;
}
