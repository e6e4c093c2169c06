import { IsOptional, IsUUID, Length, Matches, MaxLength } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { IncidentSeverity, ItemTreatment, SensitivityGrade, ShareUsageMode } from '../entities/enums';

const DEPT = /^\d{6}-[A-Za-z0-9_]{1,33}$/;

@InputType()
export class GradePolicyRuleInput {
  @Field(() => SensitivityGrade) grade: SensitivityGrade;
  @Field(() => ShareUsageMode) usageMode: ShareUsageMode;
  @Field(() => SensitivityGrade) itemSensitivity: SensitivityGrade;
  @Field(() => ItemTreatment) treatment: ItemTreatment;
}

@InputType({ description: 'the agreement a consumer department signed for a grant (000 §24); text or its SM3 hash' })
export class RecordAgreementInput {
  @Field() @Length(1, 64) grantId: string;
  @Field() @Matches(DEPT, { message: 'consumerDepartmentId must look like 420600-gaj' }) consumerDepartmentId: string;
  @Field() @Length(1, 64) resourceId: string;
  @Field({ description: 'who signed for the consumer department (stored SM4-encrypted)' }) @Length(1, 100) signedBy: string;
  @Field(() => String, { nullable: true, description: 'the full text (stored SM4-encrypted)' }) @IsOptional() @Length(1, 200_000) text?: string | null;
  @Field(() => String, { nullable: true, description: 'SM3 of the text, when the text itself is kept elsewhere' })
  @IsOptional() @Matches(/^[0-9a-f]{64}$/, { message: 'textHash must be 64 lower-case hex digits (SM3)' }) textHash?: string | null;
}

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

@InputType()
export class ArchiveAuditInput {
  @Field({ description: 'archive records appended before this instant; must be at least 2 years ago (004 §33)' }) before: Date;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(200) note?: string | null;
}
