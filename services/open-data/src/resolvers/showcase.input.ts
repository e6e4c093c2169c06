import { ArrayMaxSize, ArrayMinSize, IsOptional, IsUrl, IsUUID, Length, MaxLength } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';

@InputType({ description: 'an application built on open data (003 §29)' })
export class ShowcaseInput {
  @Field() @Length(1, 200) name: string;
  @Field() @Length(1, 4000) description: string;
  @Field({ description: 'https link to the application' }) @IsUrl({ protocols: ['http', 'https'], require_protocol: true }) @MaxLength(500) link: string;
  @Field(() => [ID]) @ArrayMinSize(1) @ArrayMaxSize(50) @IsUUID('all', { each: true }) datasetIds: string[];
  @Field() @Length(1, 64) idempotencyKey: string;
}

@InputType()
export class ShowcaseReviewInput {
  @Field(() => ID) @IsUUID() id: string;
  @Field() approve: boolean;
  @Field(() => String, { nullable: true, description: 'required when rejecting' }) @IsOptional() @MaxLength(2000) note?: string | null;
}
