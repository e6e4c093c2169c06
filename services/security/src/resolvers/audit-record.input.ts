import { ArrayMaxSize, ArrayMinSize, IsIn, IsOptional, IsUUID, Length, Matches, MaxLength, ValidateNested } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { AUDIT_NOTICE_KINDS, type AuditNoticeKind } from '@gov/kit';
import { AuditAction, AuditOutcome } from '../entities/enums';

@InputType({ description: 'who sees a notice: one user (username), or every user holding role in a department or in a region' })
export class AuditNoticeRecipientInput {
  @Field(() => String, { nullable: true }) @IsOptional() @Length(1, 64) username?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @Matches(/^\d{6}-[A-Za-z0-9_]{1,33}$/, { message: 'departmentId must look like 420600-gaj' }) departmentId?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @Matches(/^\d{6}$/, { message: 'regionCode must be a 6-digit GB/T 2260 code' }) regionCode?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @Length(1, 32) role?: string | null;
}

@InputType({ description: 'the notification security derives from the record when it chains it (issue 14)' })
export class AuditNoticeInput {
  @Field() @IsIn([...AUDIT_NOTICE_KINDS]) kind: AuditNoticeKind;
  @Field() @Length(1, 200) title: string;
  @Field() @Matches(/^[A-Za-z]{1,40}$/, { message: 'subjectType must be a type name like ShareApplication' }) subjectType: string;
  @Field() @Length(1, 64) subjectId: string;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(300) link?: string | null;
  @Field(() => [AuditNoticeRecipientInput]) @ArrayMinSize(1) @ArrayMaxSize(20) @ValidateNested({ each: true })
  recipients: AuditNoticeRecipientInput[];
}

@InputType({ description: 'a to-do item the recorded operation completed (已办, issue 14): kept for the actor\'s and the department\'s history' })
export class AuditDoneInput {
  @Field() @Matches(/^[A-Z][A-Z0-9_]{0,39}$/, { message: 'type must be a task type like SHARE_DECISION' }) type: string;
  @Field() @Length(1, 64) id: string;
  @Field(() => String, { nullable: true }) @IsOptional() @Length(1, 40) stage?: string | null;
  @Field() @Length(1, 200) title: string;
  @Field() @Matches(/^\d{6}-[A-Za-z0-9_]{1,33}$/, { message: 'departmentId must look like 420600-gaj' }) departmentId: string;
  @Field() @Matches(/^\d{6}$/, { message: 'regionCode must be a 6-digit GB/T 2260 code' }) regionCode: string;
  @Field(() => String, { nullable: true }) @IsOptional() @Length(1, 40) outcome?: string | null;
}

@InputType({ description: 'what a service reports on behalf of the user it acts for' })
export class AppendAuditRecordInput {
  @Field(() => String, { nullable: true, description: 'chosen by the caller (a UUID) so a retried append is the same record, not a second one' })
  @IsOptional() @IsUUID() id?: string | null;
  @Field({ description: 'username of the user the service acts for (`anonymous` for the public without a token)' }) @Length(1, 64) actor: string;
  @Field({ description: "the user's subject id (token `sub`)" }) @Length(1, 64) actorSub: string;
  @Field(() => String, { nullable: true, description: "the actor's department; null for the public" })
  @IsOptional() @Matches(/^\d{6}-[A-Za-z0-9_]{1,33}$/, { message: 'departmentId must look like 420600-gaj' }) departmentId?: string | null;
  @Field(() => String, { nullable: true, description: "the actor's region; null for the anonymous public" })
  @IsOptional() @Matches(/^\d{6}$/, { message: 'regionCode must be a 6-digit GB/T 2260 code' }) regionCode?: string | null;
  @Field(() => AuditAction) action: AuditAction;
  @Field(() => String, { nullable: true }) @IsOptional() @Length(1, 64) resourceId?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @Length(1, 64) grantId?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(500) scenario?: string | null;
  @Field(() => [String], { defaultValue: [], description: 'names of the data items touched' })
  @ArrayMaxSize(500) @Length(1, 128, { each: true }) items: string[];
  @Field(() => AuditOutcome) outcome: AuditOutcome;
  @Field(() => String, { nullable: true, description: "the user's request id; defaults to this call's x-request-id" })
  @IsOptional() @Length(1, 64) requestId?: string | null;
  @Field(() => String, { nullable: true, description: 'e.g. the record count of a query page; never personal data' })
  @IsOptional() @MaxLength(1000) detail?: string | null;
  @Field(() => String, { nullable: true, description: 'the deployable that reports (catalog, open-data, a worker, ...)' })
  @IsOptional() @Matches(/^[a-z][a-z0-9-]{0,31}$/, { message: 'source must be a service name like open-data' }) source?: string | null;
  @Field(() => Date, { nullable: true, description: 'when the operation happened at the source (its outbox); default: now' })
  @IsOptional() occurredAt?: Date | null;
  @Field(() => AuditNoticeInput, { nullable: true, description: 'a notification to derive from this record (not part of its hash)' })
  @IsOptional() @ValidateNested() notify?: AuditNoticeInput | null;
  @Field(() => AuditDoneInput, { nullable: true, description: 'the to-do item the operation completed (not part of its hash)' })
  @IsOptional() @ValidateNested() done?: AuditDoneInput | null;
}

@InputType()
export class AuditRecordFilter {
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(64) resourceId?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(40) departmentId?: string | null;
  @Field(() => AuditAction, { nullable: true }) @IsOptional() action?: AuditAction | null;
  @Field(() => String, { nullable: true, description: 'the records of one request (x-request-id)' }) @IsOptional() @MaxLength(64) requestId?: string | null;
  @Field(() => String, { nullable: true, description: 'username of the actor' }) @IsOptional() @MaxLength(64) actor?: string | null;
  @Field(() => Date, { nullable: true, description: 'at or after' }) @IsOptional() from?: Date | null;
  @Field(() => Date, { nullable: true, description: 'at or before' }) @IsOptional() to?: Date | null;
}
