import { IsOptional, Length, Matches } from 'class-validator';
import { Field, InputType } from 'type-graphql';

const DEPT = /^\d{6}-[A-Za-z0-9_]{1,33}$/;

@InputType({ description: 'the agreement a consumer department signed for a grant (000 §24); text or its SM3 hash' })
export class RecordAgreementInput {
  @Field() @Length(1, 64) grantId: string;
  @Field() @Matches(DEPT, { message: 'consumerDepartmentId must look like 420600-gaj' }) consumerDepartmentId: string;
  @Field() @Length(1, 64) resourceId: string;
  @Field({ description: 'who signed for the consumer department (stored SM4-encrypted)' }) @Length(1, 100) signedBy: string;
  @Field(() => String, { nullable: true, description: 'the full text (stored SM4-encrypted)' }) @IsOptional() @Length(1, 200_000) text?: string | null;
  @Field(() => String, { nullable: true, description: 'SM3 of the text, when the text itself is kept elsewhere' })
  @IsOptional() @Matches(/^[0-9a-f]{64}$/, { message: 'textHash must be 64 lower-case hex digits (SM3)' }) textHash?: string | null;
}
