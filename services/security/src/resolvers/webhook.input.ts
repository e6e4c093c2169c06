import { ArrayMaxSize, IsBoolean, IsIn, IsOptional, Length } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { NOTICE_KINDS } from '../domain/notifications';

@InputType({ description: "a webhook of the caller's department: its notices are POSTed there as signed JSON (issue 14 §4)" })
export class RegisterDepartmentWebhookInput {
  @Field({ description: 'http(s) URL of the receiver, no credentials in it, at most 500 characters' }) @Length(1, 500) url: string;
  @Field(() => [String], { nullable: true, description: `notice kinds to deliver (${NOTICE_KINDS.join(', ')}); empty or absent = all` })
  @IsOptional() @ArrayMaxSize(NOTICE_KINDS.length) @IsIn([...NOTICE_KINDS], { each: true, message: `kinds must be among ${NOTICE_KINDS.join(', ')}` }) kinds?: string[] | null;
  @Field(() => String, { nullable: true, description: 'what the receiver is (e.g. 公安局 OA)' }) @IsOptional() @Length(1, 200) description?: string | null;
  @Field(() => String, { nullable: true, description: 'the HMAC-SM3 signing secret (16-128 printable ASCII characters); absent = one is generated and shown once' })
  @IsOptional() @Length(16, 128) secret?: string | null;
  @Field(() => Boolean, {
    nullable: true, defaultValue: false,
    description: "also the notices addressed to the caller's role in the department's region, not to a department (e.g. the authority's to-do items): "
      + 'only an authority or a platform operator, for its own region (a county authority gets its county\'s, never the city\'s)',
  })
  @IsOptional() @IsBoolean() includeRegionNotices?: boolean | null;
}
