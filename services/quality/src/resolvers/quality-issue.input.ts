import { IsOptional, IsUUID, Length, Matches, MaxLength } from 'class-validator';
import { ArgsType, Field, ID, InputType } from 'type-graphql';
import { QualityIssueStatus } from '../entities/enums';

const DEPT = /^\d{6}-[A-Za-z0-9_]{1,32}$/;

@InputType()
export class QualityIssueInput {
  @Field(() => ID) @IsUUID() resourceId: string;
  @Field({ description: "the resource's source department, which must fix it" }) @Length(1, 40) departmentId: string;
  @Field({ description: 'what is doubtful or wrong' }) @Length(1, 2000) description: string;
}

@ArgsType()
export class ResolveQualityIssueArgs {
  @Field(() => ID) id: string;
  @Field({ description: 'how the data was explained or fixed' }) @Length(1, 2000) explanation: string;
}

@ArgsType()
export class VerifyQualityIssueArgs {
  @Field(() => ID) id: string;
  @Field({ description: 'true: the fix holds (VERIFIED); false: it does not (REOPENED with a new deadline)' }) accepted: boolean;
  @Field({ description: 'what the platform checked; the reporter reads it' }) @Length(1, 2000) note: string;
}

@InputType()
export class QualityIssueFilter {
  @Field(() => QualityIssueStatus, { nullable: true }) @IsOptional() status?: QualityIssueStatus | null;
  @Field(() => String, { nullable: true, description: 'source department' }) @IsOptional() @MaxLength(40) departmentId?: string | null;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() resourceId?: string | null;
  @Field(() => Boolean, { nullable: true, description: 'only issues past a deadline (escalated to the authority)' }) @IsOptional() overdue?: boolean | null;
}

@InputType({ description: 'a record a consumer flagged in the sharing exchange (001 §24, 004 §24)' })
export class FlaggedRecordInput {
  @Field(() => ID, { description: "sharing's flag id: also this issue's id, so a retried report opens one issue" }) @IsUUID() flagId: string;
  @Field(() => ID) @IsUUID() resourceId: string;
  @Field({ description: 'the provider (source) department' }) @Matches(DEPT, { message: 'departmentId must be a department id like 420600-gaj' }) departmentId: string;
  @Field() @Matches(/^\d{6}$/, { message: 'regionCode must be a 6-digit region code' }) regionCode: string;
  @Field({ description: 'the consuming department that flagged it' }) @Matches(DEPT, { message: 'reporterDepartmentId must be a department id like 420600-wjw' }) reporterDepartmentId: string;
  @Field() @Length(1, 2000) description: string;
}
