import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

@ObjectType({ description: "A provider's MySQL table pulled into the exchange on a schedule (its update cycle); the password is never shown" })
@Entity('exchange_pull_source')
export class PullSource {
  @Field(() => ID) @PrimaryColumn({ type: 'char', length: 36, name: 'resource_id' }) resourceId: string;
  @Field() @Column({ type: 'varchar', length: 40, name: 'department_id' }) departmentId: string;
  @Column({ type: 'varchar', length: 12, name: 'region_code' }) regionCode: string;
  @Field() @Column({ type: 'varchar', length: 255 }) host: string;
  @Field(() => Int) @Column({ type: 'int' }) port: number;
  @Field() @Column({ type: 'varchar', length: 64, name: 'db_name' }) database: string;
  @Field() @Column({ type: 'varchar', length: 64, name: 'table_name' }) table: string;
  @Field() @Column({ type: 'varchar', length: 64 }) username: string;
  /** SM4 envelope. */
  @Column({ type: 'text' }) password: string;
  @Field(() => Int) @Column({ type: 'int', name: 'every_minutes' }) everyMinutes: number;
  @Field() @Column({ type: 'varchar', length: 64, name: 'updated_by' }) updatedBy: string;
  @Field() @UpdateDateColumn({ type: 'datetime', precision: 3, name: 'updated_at' }) updatedAt: Date;
}
