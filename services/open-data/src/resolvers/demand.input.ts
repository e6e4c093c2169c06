import { IsOptional, IsUUID, Length, Matches, MaxLength } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';

@InputType({ description: 'a demand for data not yet open (003 §19)' })
export class OpenDataDemandInput {
  @Field() @Length(1, 200) title: string;
  @Field() @Length(1, 4000) description: string;
  @Field(() => String, { nullable: true, description: 'the city or county asked (6 digits); default: your own region' })
  @IsOptional() @Matches(/^\d{6}$/, { message: 'regionCode must be a 6-digit region code' }) regionCode?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @Matches(/^\d{6}-[a-z]+$/, { message: 'holderDepartmentId must be a department id like 420600-wjw' }) holderDepartmentId?: string | null;
  @Field() @Length(1, 64) idempotencyKey: string;
}

@InputType()
export class OpenDataDemandReviewInput {
  @Field(() => ID) @IsUUID() id: string;
  @Field() approve: boolean;
  @Field(() => String, { nullable: true, description: 'required when refusing' }) @IsOptional() @MaxLength(2000) reason?: string | null;
}
