import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

export enum OpenDataDemandStatus {
  OPEN = 'OPEN', APPROVED = 'APPROVED', REFUSED = 'REFUSED', RECONSIDERATION_REQUESTED = 'RECONSIDERATION_REQUESTED', REFUSED_FINAL = 'REFUSED_FINAL',
}
registerEnumType(OpenDataDemandStatus, {
  name: 'OpenDataDemandStatus', description: 'the authority reviews frequently requested data with its holder (003 §19); a refused requester may ask it to reconsider (001 §28)',
});

@ObjectType({ description: 'A public demand for data not yet open (003 §19, 001 §28); others add their support, which is counted' })
@Entity('open_data_demand')
@Index(['requesterSub', 'idempotencyKey'], { unique: true })
export class OpenDataDemand {
  @Field(() => ID) @PrimaryColumn({ type: 'char', length: 36 }) id: string;
  @Column({ type: 'varchar', length: 64, name: 'requester_sub' }) requesterSub: string;
  @Field() @Column({ type: 'varchar', length: 12, name: 'region_code' }) regionCode: string;
  @Field() @Column({ type: 'varchar', length: 200 }) title: string;
  @Field() @Column({ type: 'text' }) description: string;
  @Field(() => String, { nullable: true, description: 'the department believed to hold the data' })
  @Column({ type: 'varchar', length: 40, nullable: true, name: 'holder_department_id' }) holderDepartmentId: string | null;
  @Field(() => Int, { description: 'how many users asked for it (the requester included)' }) @Column({ type: 'int', unsigned: true, name: 'request_count' }) requestCount: number;
  @Field(() => OpenDataDemandStatus) @Column({ type: 'varchar', length: 32 }) status: OpenDataDemandStatus;
  @Field(() => String, { nullable: true, description: 'the reasons of a refusal' }) @Column({ type: 'text', nullable: true }) reason: string | null;
  @Field(() => String, { nullable: true }) @Column({ type: 'text', nullable: true, name: 'reconsideration_request' }) reconsiderationRequest: string | null;
  @Field(() => String, { nullable: true }) @Column({ type: 'text', nullable: true, name: 'reconsideration_answer' }) reconsiderationAnswer: string | null;
  @Field(() => ID, { nullable: true, description: 'the open dataset that answered it, once catalogued and opened' })
  @Column({ type: 'char', length: 36, nullable: true, name: 'dataset_id' }) datasetId: string | null;
  @Column({ type: 'varchar', length: 64, name: 'idempotency_key' }) idempotencyKey: string;
  @Field() @CreateDateColumn({ type: 'datetime', precision: 3, name: 'created_at' }) createdAt: Date;
}
