import { ArrayMaxSize, ArrayMinSize, IsDateString, IsOptional, IsUUID, Length, MaxLength } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { OpenDataApplicantKind } from '../entities/open-data-application';

@InputType({ description: '000 §21: name, demand type, description, domain, format, purpose; 003 §26: the period of use' })
export class OpenDataApplicationInput {
  @Field(() => ID) @IsUUID() datasetId: string;
  @Field(() => OpenDataApplicantKind) applicantKind: OpenDataApplicantKind;
  @Field({ description: '申请主体名称: the person or the company' }) @Length(1, 200) applicantName: string;
  @Field() @Length(1, 64) demandType: string;
  @Field() @Length(1, 4000) description: string;
  @Field() @Length(1, 64) domain: string;
  @Field() @Length(1, 32) format: string;
  @Field() @Length(1, 4000) purpose: string;
  @Field(() => [String], { nullable: true, description: 'the data items needed (default: every open item)' })
  @IsOptional() @ArrayMinSize(1) @ArrayMaxSize(200) @MaxLength(100, { each: true }) items?: string[] | null;
  @Field({ description: 'YYYY-MM-DD' }) @IsDateString({ strict: true }) periodFrom: string;
  @Field({ description: 'YYYY-MM-DD' }) @IsDateString({ strict: true }) periodTo: string;
  @Field({ description: 'the same key on a retry returns the first application instead of a second one' }) @Length(1, 64) idempotencyKey: string;
}

@InputType()
export class OpenDataDecisionInput {
  @Field(() => ID) @IsUUID() id: string;
  @Field() approve: boolean;
  @Field(() => String, { nullable: true, description: 'required when refusing (000 §21)' }) @IsOptional() @MaxLength(2000) reason?: string | null;
}
