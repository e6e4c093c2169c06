import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import { LoadStatus } from './enums';

@ObjectType()
export class LoadProblem {
  @Field(() => Int, { description: 'data row number, 1 = the first row after the header' }) row: number;
  @Field(() => String, { nullable: true }) field: string | null;
  @Field() reason: string;
}

@ObjectType({ description: 'One bulk load of records into the exchange: all rows or none' })
@Entity('exchange_load')
export class ExchangeLoad {
  @Field(() => ID) @PrimaryColumn({ type: 'char', length: 36 }) id: string;
  @Field(() => ID) @Column({ type: 'char', length: 36, name: 'resource_id' }) resourceId: string;
  @Field() @Column({ type: 'varchar', length: 40, name: 'department_id' }) departmentId: string;
  @Column({ type: 'varchar', length: 12, name: 'region_code' }) regionCode: string;
  @Field() @Column({ type: 'varchar', length: 8 }) format: string;
  @Field(() => LoadStatus) @Column({ type: 'varchar', length: 12 }) status: LoadStatus;
  @Field(() => Int, { description: 'rows loaded (0 when the load failed: nothing half-loaded stays)' }) @Column({ type: 'int', name: 'row_count' }) rowCount: number;
  @Field(() => [LoadProblem]) @Column({ type: 'json', nullable: true }) problems: LoadProblem[] | null;
  @Column({ type: 'varchar', length: 64, nullable: true, name: 'idempotency_key' }) idempotencyKey: string | null;
  @Field() @Column({ type: 'varchar', length: 64, name: 'created_by' }) createdBy: string;
  @Field() @CreateDateColumn({ type: 'datetime', precision: 3, name: 'created_at' }) createdAt: Date;
  @Field(() => Date, { nullable: true }) @Column({ type: 'datetime', precision: 3, nullable: true, name: 'finished_at' }) finishedAt: Date | null;
}

@Entity('exchange_record')
export class ExchangeRecord {
  @PrimaryColumn({ type: 'char', length: 36 }) id: string;
  @Column({ type: 'char', length: 36, name: 'resource_id' }) resourceId: string;
  @Column({ type: 'varchar', length: 64, name: 'record_key' }) recordKey: string;
  /** Item name -> value; values of HIGH-sensitivity items are stored encrypted. */
  @Column({ type: 'json' }) fields: Record<string, string>;
  @Column({ type: 'char', length: 36, nullable: true, name: 'load_id' }) loadId: string | null;
  @CreateDateColumn({ type: 'datetime', precision: 3, name: 'created_at' }) createdAt: Date;
}
