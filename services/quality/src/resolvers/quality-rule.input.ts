import { ArrayMaxSize, IsBoolean, IsIn, IsInt, IsNumber, IsOptional, IsUUID, Length, Matches, Max, MaxLength, Min } from 'class-validator';
import { Field, Float, ID, InputType, Int } from 'type-graphql';
import { QualityCheck } from '../entities/enums';

@InputType({ description: 'a new version of one rule of a resource (same code = next version); active false retires it' })
export class QualityRuleInput {
  @Field(() => ID) @IsUUID() resourceId: string;
  @Field({ description: 'stable name of the rule, e.g. code-list:性别' }) @Matches(/^[\p{L}\p{N}:_.\-]{1,120}$/u, { message: 'code must be 1-120 letters, digits or : _ . -' }) code: string;
  @Field(() => QualityCheck) check: QualityCheck;
  @Field(() => [String], { description: 'data items the rule reads (UNIQUE: one or a compound key; ID_BIRTH_DATE: ID number, birth date)' })
  @ArrayMaxSize(20) @Length(1, 64, { each: true }) items: string[];
  @Field(() => String, { nullable: true, description: 'PATTERN: a regular expression the whole value must match' }) @IsOptional() @MaxLength(500) pattern?: string | null;
  @Field(() => [String], { nullable: true, description: 'CODE_LIST: the allowed codes' }) @IsOptional() @ArrayMaxSize(1000) @MaxLength(200, { each: true }) values?: string[] | null;
  @Field(() => Float, { nullable: true, description: 'RANGE: lowest allowed number' }) @IsOptional() @IsNumber() min?: number | null;
  @Field(() => Float, { nullable: true, description: 'RANGE: highest allowed number' }) @IsOptional() @IsNumber() max?: number | null;
  @Field(() => Int, { nullable: true, description: 'MAX_LENGTH: characters' }) @IsOptional() @IsInt() @Min(1) @Max(100000) maxLength?: number | null;
  @Field(() => String, { nullable: true, description: 'TYPE: INTEGER, DECIMAL, DATE, DATETIME or BOOLEAN' }) @IsOptional() @IsIn(['INTEGER', 'DECIMAL', 'DATE', 'DATETIME', 'BOOLEAN']) type?: string | null;
  @Field(() => ID, { nullable: true, description: 'EXISTS_IN: the resource the value must occur in (e.g. the population base)' }) @IsOptional() @IsUUID() otherResourceId?: string | null;
  @Field(() => String, { nullable: true, description: 'EXISTS_IN: the item of that resource' }) @IsOptional() @Length(1, 64) otherItem?: string | null;
  @Field({ defaultValue: true }) @IsBoolean() active: boolean;
}
