import { IsOptional, IsUUID, Length } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { ShareType } from '../entities/enums';

@InputType({ description: "sharing's request to apply the authority's reclassification decision (001 §21)" })
export class ReclassificationChangeInput {
  @Field(() => ID, { description: "sharing's reclassification request: also the change request's id (a retry applies once)" })
  @IsUUID() reclassificationId: string;
  @Field(() => ID) @IsUUID() resourceId: string;
  @Field(() => ShareType) shareType: ShareType;
  @Field(() => String, { nullable: true }) @IsOptional() @Length(1, 2000) shareCondition?: string | null;
  @Field() @Length(1, 2000) reason: string;
  @Field({ description: 'the authority who decided (username)' }) @Length(1, 64) reviewer: string;
}
