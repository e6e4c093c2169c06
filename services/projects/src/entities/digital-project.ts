import { Directive, Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { DigitalProjectKind, DigitalProjectStatus } from './enums';

// mysql2 returns DECIMAL as a string; DECIMAL(14,2) amounts are exact as doubles to the cent.
const decimalAsNumber = { to: (v: number) => v, from: (v: string | number | null) => (v === null ? null : Number(v)) };

@Directive('@key(fields: "id")')
@ObjectType({ description: 'A government digital project (政务信息化项目, 001 临湘项目办法)' })
@Entity('digital_project')
@Index(['ownerDepartmentId', 'year'])
@Index(['regionCode', 'year'])
export class DigitalProject {
  @Field(() => ID) @PrimaryColumn({ type: 'char', length: 36 }) id: string;
  @Field() @Column({ type: 'varchar', length: 200 }) name: string;
  @Field(() => String, { nullable: true }) @Column({ type: 'text', nullable: true }) description: string | null;
  @Field() @Column({ type: 'varchar', length: 40, name: 'owner_department_id' }) ownerDepartmentId: string;
  @Field() @Column({ type: 'varchar', length: 12, name: 'region_code' }) regionCode: string;
  @Field(() => Int, { description: 'the plan year the project is declared for' }) @Column({ type: 'int', name: 'plan_year' }) year: number;
  @Field(() => Float, { description: 'budget in CNY (yuan), at most two decimals; stored as DECIMAL(14,2)' })
  @Column({ type: 'decimal', precision: 14, scale: 2, transformer: decimalAsNumber }) budget: number;
  @Field(() => DigitalProjectKind) @Column({ type: 'varchar', length: 16 }) kind: DigitalProjectKind;
  @Field(() => DigitalProjectStatus) @Column({ type: 'varchar', length: 16 }) status: DigitalProjectStatus;
  @Field(() => Date, { nullable: true }) @Column({ type: 'datetime', precision: 3, nullable: true, name: 'submitted_at' }) submittedAt: Date | null;
  @Field(() => String, { nullable: true }) @Column({ type: 'varchar', length: 64, nullable: true, name: 'submitted_by' }) submittedBy: string | null;
  @Field() @Column({ type: 'varchar', length: 64, name: 'created_by' }) createdBy: string;
  @Field() @CreateDateColumn({ type: 'datetime', precision: 3, name: 'created_at' }) createdAt: Date;
  @Field() @UpdateDateColumn({ type: 'datetime', precision: 3, name: 'updated_at' }) updatedAt: Date;
}
