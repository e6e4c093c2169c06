import { IsOptional, Length } from 'class-validator';
import { Field, InputType, registerEnumType } from 'type-graphql';

/** What a NOT_SHARED resource may become (001 §21): shared without or with conditions. */
export enum SharedType { UNCONDITIONAL = 'UNCONDITIONAL', CONDITIONAL = 'CONDITIONAL' }
registerEnumType(SharedType, { name: 'ReclassifiedShareType', description: 'the share type an approved reclassification gives the entry' });

@InputType({ description: "the authority's decision on a reclassification request (001 §21)" })
export class ReclassificationDecisionInput {
  @Field() approve: boolean;
  @Field(() => String, { nullable: true, description: 'required on a refusal: the reasons the requester is told' })
  @IsOptional() @Length(1, 2000) reason?: string | null;
  @Field(() => SharedType, { nullable: true, description: 'required on an approval' }) @IsOptional() shareType?: SharedType | null;
  @Field(() => String, { nullable: true, description: 'the conditions of CONDITIONAL sharing (required then)' })
  @IsOptional() @Length(1, 2000) shareCondition?: string | null;
}
