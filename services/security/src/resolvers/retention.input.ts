import { IsOptional, MaxLength } from 'class-validator';
import { Field, InputType } from 'type-graphql';

@InputType()
export class ArchiveAuditInput {
  @Field({ description: 'archive records appended before this instant; must be at least 2 years ago (004 §33)' }) before: Date;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(200) note?: string | null;
}
