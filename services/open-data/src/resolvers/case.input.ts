import { ArrayMaxSize, IsOptional, IsUUID, Length, MaxLength } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { OpenDataCaseCategory, OpenDataCaseOutcome } from '../entities/open-data-case';

@InputType({ description: 'a complaint (PRIVACY / TRADE_SECRET, 003 §17) or feedback (003 §24) about an open dataset' })
export class OpenDataCaseInput {
  @Field(() => ID) @IsUUID() datasetId: string;
  @Field(() => OpenDataCaseCategory) category: OpenDataCaseCategory;
  @Field() @Length(1, 4000) description: string;
  @Field(() => [String], { defaultValue: [], description: 'references to evidence files (uploaded to the portal\'s file store)' })
  @ArrayMaxSize(10) @MaxLength(500, { each: true }) evidence: string[];
  @Field({ description: 'the same key on a retry returns the first case' }) @Length(1, 64) idempotencyKey: string;
}

@InputType()
export class OpenDataCaseAnswerInput {
  @Field(() => ID) @IsUUID() id: string;
  @Field() @Length(1, 4000) answer: string;
  @Field(() => OpenDataCaseOutcome, { nullable: true, description: 'complaints only (003 §17)' }) @IsOptional() outcome?: OpenDataCaseOutcome | null;
}
