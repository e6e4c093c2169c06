import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsOptional, IsUUID, Length, Matches, MaxLength } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { ShareApplicationStatus, ShareUsageMode } from '../entities/enums';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

@InputType()
export class ShareApplicationInput {
  @Field(() => ID) @IsUUID() resourceId: string;
  @Field(() => [String], { description: 'names of the data items wanted; each must be an item of the resource' })
  @ArrayMinSize(1) @ArrayMaxSize(500) @ArrayUnique() @Length(1, 128, { each: true }) requestedItems: string[];
  @Field({ description: 'business scenario (业务场景)' }) @Length(1, 200) scenario: string;
  @Field() @Length(1, 2000) purpose: string;
  @Field(() => ShareUsageMode) usageMode: ShareUsageMode;
  @Field({ defaultValue: false, description: 'ask for clear text of items the grade policy would mask (never of withheld ones)' })
  clearText: boolean;
  @Field(() => String, { nullable: true, description: 'why the scenario needs clear text; required with clearText' })
  @IsOptional() @Length(1, 500) clearTextReason?: string | null;
  @Field({ description: 'YYYY-MM-DD' }) @Matches(DAY, { message: 'periodFrom must be a date YYYY-MM-DD' }) periodFrom: string;
  @Field({ description: 'YYYY-MM-DD, after periodFrom' }) @Matches(DAY, { message: 'periodTo must be a date YYYY-MM-DD' }) periodTo: string;
  @Field(() => String, { nullable: true, description: 'retry-safe key, unique per consumer department' })
  @IsOptional() @Matches(/^[A-Za-z0-9_.:-]{1,64}$/, { message: 'idempotencyKey must be 1-64 letters, digits, "_", ".", ":" or "-"' }) idempotencyKey?: string | null;
}

@InputType()
export class ShareApplicationFilter {
  @Field(() => ShareApplicationStatus, { nullable: true }) @IsOptional() status?: ShareApplicationStatus | null;
  @Field(() => ID, { nullable: true }) @IsOptional() @MaxLength(36) resourceId?: string | null;
}
