import { Field, ID, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

@ObjectType({ description: 'the data-use and confidentiality agreement (数据使用和保密协议) of a share grant (000 §24)' })
@Entity('data_use_agreement')
export class DataUseAgreement {
  @Field(() => ID) @PrimaryColumn({ type: 'char', length: 36 }) id: string;
  @Field() @Column({ type: 'varchar', length: 64, name: 'grant_id', unique: true }) grantId: string;
  @Field() @Column({ type: 'varchar', length: 40, name: 'consumer_department_id' }) consumerDepartmentId: string;
  @Field() @Column({ type: 'varchar', length: 12, name: 'consumer_region_code' }) consumerRegionCode: string;
  @Field() @Column({ type: 'varchar', length: 64, name: 'resource_id' }) resourceId: string;
  /** SM4 envelope: the signatory is a person. */
  @Column({ type: 'varchar', length: 400, name: 'signed_by_enc' }) signedByEnc: string;
  /** SM4 envelope of the full text, when it was given. */
  @Column({ type: 'mediumtext', nullable: true, name: 'text_enc' }) textEnc: string | null;
  @Field({ description: 'SM3 of the agreement text' }) @Column({ type: 'char', length: 64, name: 'text_hash' }) textHash: string;
  @Field() @Column({ type: 'varchar', length: 64, name: 'recorded_by' }) recordedBy: string;
  @Field() @CreateDateColumn({ type: 'datetime', precision: 3, name: 'recorded_at' }) recordedAt: Date;
}
