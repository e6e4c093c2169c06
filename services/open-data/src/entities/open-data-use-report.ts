import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

export enum OpenDataUseReportKind { USE = 'USE', RISK = 'RISK' }
registerEnumType(OpenDataUseReportKind, { name: 'OpenDataUseReportKind', description: 'USE: a use record (003 §16); RISK: a periodic risk assessment report (003 §25)' });

@ObjectType({ description: "What an approved applicant reports about its use of conditionally open data (003 §16, §25)" })
@Entity('open_data_use_report')
@Index(['applicantSub', 'idempotencyKey'], { unique: true })
@Index(['applicationId', 'createdAt'])
export class OpenDataUseReport {
  @Field(() => ID) @PrimaryColumn({ type: 'char', length: 36 }) id: string;
  @Field(() => ID) @Column({ type: 'char', length: 36, name: 'application_id' }) applicationId: string;
  @Field(() => ID) @Column({ type: 'char', length: 36, name: 'dataset_id' }) datasetId: string;
  @Field() @Column({ type: 'varchar', length: 40, name: 'publisher_department_id' }) publisherDepartmentId: string;
  @Field() @Column({ type: 'varchar', length: 12, name: 'region_code' }) regionCode: string;
  @Column({ type: 'varchar', length: 64, name: 'applicant_sub' }) applicantSub: string;
  @Field() @Column({ type: 'varchar', length: 64 }) applicant: string;
  @Field(() => OpenDataUseReportKind) @Column({ type: 'varchar', length: 8 }) kind: OpenDataUseReportKind;
  @Field(() => String, { nullable: true, description: 'USE: what the data was used for' }) @Column({ type: 'text', nullable: true }) purpose: string | null;
  @Field(() => String, { nullable: true, description: 'USE: what it produced (products, services, results)' }) @Column({ type: 'text', nullable: true }) outputs: string | null;
  @Field(() => String, { nullable: true, description: 'RISK: kinds of data used (种类)' }) @Column({ type: 'text', nullable: true, name: 'data_kinds' }) dataKinds: string | null;
  @Field(() => Int, { nullable: true, description: 'RISK / USE: quantity used (records)' }) @Column({ type: 'int', nullable: true }) quantity: number | null;
  @Field(() => String, { nullable: true, description: 'RISK: processing carried out (数据处理活动)' }) @Column({ type: 'text', nullable: true }) processing: string | null;
  @Field(() => String, { nullable: true, description: 'RISK: security risks faced' }) @Column({ type: 'text', nullable: true }) risks: string | null;
  @Field(() => String, { nullable: true, description: 'RISK: measures taken against them' }) @Column({ type: 'text', nullable: true }) measures: string | null;
  @Column({ type: 'varchar', length: 64, name: 'idempotency_key' }) idempotencyKey: string;
  @Field() @CreateDateColumn({ type: 'datetime', precision: 3, name: 'created_at' }) createdAt: Date;
}
