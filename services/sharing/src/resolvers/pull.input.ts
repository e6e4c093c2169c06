import { IsUUID, Length, Matches, Max, Min } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { IDENTIFIER } from '../domain/pull-source';

@InputType({ description: "a provider's MySQL table whose columns are named as the resource's data items" })
export class PullSourceInput {
  @Field(() => ID) @IsUUID() resourceId: string;
  @Field() @Length(1, 255) @Matches(/^[A-Za-z0-9.-]+$/, { message: 'host must be a host name or address' }) host: string;
  @Field(() => Int) @Min(1) @Max(65535) port: number;
  @Field() @Matches(IDENTIFIER, { message: 'database must be 1-64 letters, digits or _' }) database: string;
  @Field() @Matches(IDENTIFIER, { message: 'table must be 1-64 letters, digits or _' }) table: string;
  @Field() @Length(1, 64) username: string;
  @Field() @Length(1, 200) password: string;
  @Field(() => Int, { description: "the resource's update cycle in minutes (1 minute .. 31 days)" }) @Min(1) @Max(44640) everyMinutes: number;
}
