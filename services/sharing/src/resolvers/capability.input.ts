import { ArrayMaxSize, ArrayMinSize, IsInt, IsUUID, Length, Max, Min } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';

@InputType({ description: "the consumer department's data-security measures for a grant (000 §24)" })
export class SecurityCapabilityInput {
  @Field({ description: 'the department\'s security manager (安全管理负责人; stored SM4-encrypted)' }) @Length(1, 50) responsiblePerson: string;
  @Field(() => [String], { description: 'the systems that will hold the data' }) @ArrayMinSize(1) @ArrayMaxSize(20) @Length(1, 100, { each: true }) systems: string[];
  @Field(() => Int, { description: 'grade-protection (等保) level of those systems, 1-5' }) @IsInt() @Min(1) @Max(5) gradeProtectionLevel: number;
  @Field(() => ID, { description: "the department's emergency plan registered in security (registerEmergencyPlan), or a region-wide plan covering it" })
  @IsUUID() emergencyPlanId: string;
}
