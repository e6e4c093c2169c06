import { Field, Int, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One version of a year's official working-day calendar (State Council notice), loaded by the city authority. */
@ObjectType({ description: "a year's official calendar as the city authority loaded it: days off and 调休 make-up working days; every version is kept" })
@Entity('working_calendar')
export class WorkingCalendar {
  @Field(() => Int) @PrimaryColumn({ type: 'int' }) year: number;
  @Field(() => Int, { description: '1, 2, ...: a correction is a new version' }) @PrimaryColumn({ type: 'int' }) version: number;
  @Field(() => [String], { description: 'YYYY-MM-DD days off (holidays, including weekend days inside a holiday)' })
  @Column({ type: 'json' }) holidays: string[];
  @Field(() => [String], { description: 'YYYY-MM-DD make-up working days (调休) on a Saturday or Sunday' })
  @Column({ type: 'json' }) workdays: string[];
  @Field({ description: 'the notice it comes from, e.g. 国务院办公厅关于2027年部分节假日安排的通知' }) @Column({ type: 'varchar', length: 500 }) basis: string;
  @Field() @Column({ type: 'varchar', length: 64, name: 'loaded_by' }) loadedBy: string;
  @Field() @Column({ type: 'datetime', precision: 3, name: 'loaded_at' }) loadedAt: Date;
}
