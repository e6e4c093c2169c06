import { IsOptional, IsUUID, Length } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { IncidentSeverity } from '../entities/enums';

@InputType()
export class ReportIncidentInput {
  @Field() @Length(1, 200) title: string;
  @Field({ description: 'what happened (stored SM4-encrypted)' }) @Length(1, 10_000) description: string;
  @Field(() => IncidentSeverity) severity: IncidentSeverity;
  @Field(() => String, { nullable: true, description: 'the emergency plan (应急预案) invoked, by name; give this or emergencyPlanId' })
  @IsOptional() @Length(1, 200) emergencyPlan?: string | null;
  @Field(() => ID, { nullable: true, description: "the registered plan invoked (000 §24): the department's own or a region-wide plan covering it" })
  @IsOptional() @IsUUID() emergencyPlanId?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @Length(1, 64) resourceId?: string | null;
}

@InputType()
export class CloseIncidentInput {
  @Field() @IsUUID() id: string;
  @Field({ description: 'cause, measures taken, data affected' }) @Length(1, 2000) summary: string;
}
