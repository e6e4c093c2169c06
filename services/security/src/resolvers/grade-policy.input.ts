import { Field, InputType } from 'type-graphql';
import { ItemTreatment, SensitivityGrade, ShareUsageMode } from '../entities/enums';

@InputType()
export class GradePolicyRuleInput {
  @Field(() => SensitivityGrade) grade: SensitivityGrade;
  @Field(() => ShareUsageMode) usageMode: ShareUsageMode;
  @Field(() => SensitivityGrade) itemSensitivity: SensitivityGrade;
  @Field(() => ItemTreatment) treatment: ItemTreatment;
}
