import { IsOptional, IsUUID, Length } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { IncidentSeverity } from '../entities/enums';

@InputType()
export class ReportIncidentInput {
  @Field() @Length(1, 200) title: string;
  @Field({ description: 'what happened (stored SM4-encrypted)' }) @Length(1, 10_000) description: string;
  @Field(() => IncidentSeverity) severity: IncidentSeverity;
  @Field({ description: 'the emergency plan (应急预案) invoked' }) @Length(1, 200) emergencyPlan: string;
  @Field(() => String, { nullable: true }) @IsOptional() @Length(1, 64) resourceId?: string | null;
}

@InputType()
export class CloseIncidentInput {
  @Field() @IsUUID() id: string;
  @Field({ description: 'cause, measures taken, data affected' }) @Length(1, 2000) summary: string;
}
