import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsOptional, IsUUID, Length, Matches, MaxLength } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { OpenDataFormat, OpenDatasetOpenMode, OpenDatasetOpenType, OpenDatasetStatus, OpenDatasetUpdateFrequency } from '../entities/enums';

@InputType()
export class OpenDatasetInput {
  @Field(() => ID, { nullable: true, description: "a published catalog entry of the publisher's own department" })
  @IsOptional() @IsUUID() resourceId?: string | null;
  @Field() @Length(1, 200) name: string;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(4000) description?: string | null;
  @Field(() => OpenDatasetOpenType) openType: OpenDatasetOpenType;
  @Field(() => [OpenDataFormat]) @ArrayMinSize(1) @ArrayMaxSize(4) @ArrayUnique() formats: OpenDataFormat[];
  @Field({ description: '数据类型, e.g. 结构化数据' }) @Length(1, 32) dataType: string;
  @Field(() => OpenDatasetOpenMode) openMode: OpenDatasetOpenMode;
  @Field(() => OpenDatasetUpdateFrequency) updateFrequency: OpenDatasetUpdateFrequency;
  @Field({ description: '主题, e.g. 医疗卫生' }) @Length(1, 64) theme: string;
}

@InputType()
export class OpenDatasetFilter {
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(64) theme?: string | null;
  @Field(() => String, { nullable: true, description: 'matches name or description' }) @IsOptional() @MaxLength(100) keyword?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(40) publisherDepartmentId?: string | null;
  @Field(() => OpenDatasetStatus, { nullable: true, description: 'unpublished ones only where the caller may see them' }) @IsOptional() status?: OpenDatasetStatus | null;
  @Field(() => String, { nullable: true, description: "a city's or a county's open catalog (6 digits): a city's rolls up its counties' (003 §19)" })
  @IsOptional() @Matches(/^\d{6}$/, { message: 'regionCode must be a 6-digit region code' }) regionCode?: string | null;
  @Field({ defaultValue: false, description: 'with regionCode: only that level, without the counties it rolls up' }) ownLevelOnly: boolean;
}
