import { Field, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { ItemTreatment, SensitivityGrade, ShareUsageMode } from './enums';

@ObjectType({ description: 'one cell of the grade policy: a resource grade x usage mode x item sensitivity -> treatment (000 §24-25)' })
@Entity('grade_policy_rule')
export class GradePolicyRule {
  @Field(() => SensitivityGrade, { description: "the resource's sensitivity grade" }) @PrimaryColumn({ type: 'varchar', length: 8 }) grade: SensitivityGrade;
  @Field(() => ShareUsageMode) @PrimaryColumn({ type: 'varchar', length: 8, name: 'usage_mode' }) usageMode: ShareUsageMode;
  @Field(() => SensitivityGrade, { description: "the data item's own sensitivity" }) @PrimaryColumn({ type: 'varchar', length: 8, name: 'item_sensitivity' }) itemSensitivity: SensitivityGrade;
  @Field(() => ItemTreatment) @Column({ type: 'varchar', length: 8 }) treatment: ItemTreatment;
  @Field(() => String, { nullable: true, description: 'username of the authority who last changed it (null: the seed)' })
  @Column({ type: 'varchar', length: 64, nullable: true, name: 'updated_by' }) updatedBy: string | null;
  @Field() @UpdateDateColumn({ type: 'datetime', precision: 3, name: 'updated_at' }) updatedAt: Date;
}
