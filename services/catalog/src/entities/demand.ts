import { Field, ID, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { DemandStatus, EscalationLevel } from './enums';

@ObjectType({ description: 'a demand-list entry: a department asks a holder for data not yet catalogued (000 §17)' })
@Entity('demand')
export class Demand {
  @Field(() => ID) @PrimaryColumn({ type: 'char', length: 36 }) id: string;
  @Field() @Index() @Column({ type: 'varchar', length: 40, name: 'requester_department_id' }) requesterDepartmentId: string;
  @Field() @Column({ type: 'varchar', length: 12, name: 'requester_region_code' }) requesterRegionCode: string;
  @Field() @Index() @Column({ type: 'varchar', length: 40, name: 'holder_department_id' }) holderDepartmentId: string;
  @Field() @Column({ type: 'varchar', length: 12, name: 'holder_region_code' }) holderRegionCode: string;
  @Field() @Column({ type: 'varchar', length: 200 }) title: string;
  @Field() @Column({ type: 'text' }) description: string;
  @Field(() => [String]) @Column({ type: 'text', transformer: { to: (v: string[]) => JSON.stringify(v ?? []), from: (v: string) => JSON.parse(v || '[]') as string[] } }) items: string[];
  @Field(() => DemandStatus) @Column({ type: 'varchar', length: 16 }) status: DemandStatus;
  @Field(() => EscalationLevel) @Column({ type: 'varchar', length: 16, default: 'NONE', name: 'escalation_level' }) escalationLevel: EscalationLevel;
  @Field(() => Date, { nullable: true, description: 'the deadline of the current step' }) @Column({ type: 'datetime', precision: 3, nullable: true }) deadline: Date | null;
  @Field({ description: 'the holder did not answer within its deadline' }) @Column({ type: 'boolean', default: false, name: 'answer_overdue' }) answerOverdue: boolean;
  @Field(() => String, { nullable: true }) @Column({ type: 'char', length: 36, nullable: true, name: 'resource_id' }) resourceId: string | null;
  @Field(() => String, { nullable: true }) @Column({ type: 'text', nullable: true }) resolution: string | null;
  @Field() @Column({ type: 'varchar', length: 64, name: 'created_by' }) createdBy: string;
  @Field() @CreateDateColumn({ type: 'datetime', precision: 3, name: 'created_at' }) createdAt: Date;
  @Field() @UpdateDateColumn({ type: 'datetime', precision: 3, name: 'updated_at' }) updatedAt: Date;
}

@ObjectType({ description: 'one message of a demand negotiation thread' })
@Entity('demand_message')
export class DemandMessage {
  @Field(() => ID) @PrimaryColumn({ type: 'char', length: 36 }) id: string;
  @Index() @Column({ type: 'char', length: 36, name: 'demand_id' }) demandId: string;
  @Field() @Column({ type: 'varchar', length: 64 }) author: string;
  @Field(() => String, { nullable: true }) @Column({ type: 'varchar', length: 40, nullable: true, name: 'author_department_id' }) authorDepartmentId: string | null;
  @Field() @Column({ type: 'varchar', length: 24 }) kind: string;
  @Field() @Column({ type: 'text' }) body: string;
  @Field() @CreateDateColumn({ type: 'datetime', precision: 3, name: 'created_at' }) createdAt: Date;
}
