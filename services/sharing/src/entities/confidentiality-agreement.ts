import { Field, ID, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

@ObjectType({ description: 'Data-use and confidentiality agreement, signed before the first delivery (000 §24)' })
@Entity('confidentiality_agreement')
export class ConfidentialityAgreement {
  @Field(() => ID) @PrimaryColumn({ type: 'char', length: 36 }) id: string;
  @Field(() => ID) @Column({ type: 'char', length: 36, name: 'grant_id' }) grantId: string;
  @Field() @Column({ type: 'varchar', length: 40, name: 'consumer_department_id' }) consumerDepartmentId: string;
  @Field() @Column({ type: 'varchar', length: 64, name: 'signed_by' }) signedBy: string;
  @Field() @Column({ type: 'text' }) terms: string;
  @Field() @CreateDateColumn({ type: 'datetime', precision: 3, name: 'signed_at' }) signedAt: Date;
}
