import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsOptional, IsUUID, Length, Matches, MaxLength } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { GrantStatus, ShareUsageMode } from '../entities/enums';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

@InputType({ description: 'subscription to an UNCONDITIONAL resource: a grant at once (000 §16)' })
export class SubscriptionInput {
  @Field(() => ID) @IsUUID() resourceId: string;
  @Field(() => [String]) @ArrayMinSize(1) @ArrayMaxSize(500) @ArrayUnique() @Length(1, 128, { each: true }) items: string[];
  @Field() @Length(1, 200) scenario: string;
  @Field(() => ShareUsageMode) usageMode: ShareUsageMode;
  @Field() @Matches(DAY, { message: 'periodFrom must be a date YYYY-MM-DD' }) periodFrom: string;
  @Field() @Matches(DAY, { message: 'periodTo must be a date YYYY-MM-DD' }) periodTo: string;
  @Field(() => String, { nullable: true }) @IsOptional()
  @Matches(/^[A-Za-z0-9_.:-]{1,64}$/, { message: 'idempotencyKey must be 1-64 letters, digits, "_", ".", ":" or "-"' }) idempotencyKey?: string | null;
}

@InputType()
export class ShareGrantFilter {
  @Field(() => GrantStatus, { nullable: true }) @IsOptional() status?: GrantStatus | null;
  @Field(() => ID, { nullable: true }) @IsOptional() @MaxLength(36) resourceId?: string | null;
}
