import { ArrayMaxSize, ArrayMinSize, IsOptional, Length, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { Field, InputType, Int } from 'type-graphql';
import { ItemType, OpenType, ResourceCategory, ResourceStatus, SensitivityGrade, ShareType } from '../entities/enums';

@InputType()
export class DataItemInput {
  @Field() @Length(1, 128) name: string;
  @Field(() => ItemType) type: ItemType;
  @Field(() => Int, { nullable: true }) @IsOptional() @Min(1) @Max(65535) length?: number | null;
  @Field({ defaultValue: false }) sensitive: boolean;
}

@InputType()
export class DataResourceInput {
  @Field() @Matches(/^[A-Za-z0-9][A-Za-z0-9_.-]{2,63}$/, { message: 'code must be 3-64 letters, digits, "_", "." or "-"' }) code: string;
  @Field() @Length(1, 200) name: string;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(4000) description?: string | null;
  @Field(() => ResourceCategory) category: ResourceCategory;
  @Field(() => ShareType) shareType: ShareType;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(2000) shareCondition?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(2000) notSharedBasis?: string | null;
  @Field(() => OpenType) openType: OpenType;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(2000) notOpenReason?: string | null;
  @Field(() => SensitivityGrade) sensitivityGrade: SensitivityGrade;
  @Field(() => [DataItemInput]) @ArrayMinSize(1) @ArrayMaxSize(500) @ValidateNested() items: DataItemInput[];
}

@InputType()
export class DataResourceFilter {
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(100) keyword?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() departmentId?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() regionCode?: string | null;
  @Field(() => ResourceStatus, { nullable: true }) @IsOptional() status?: ResourceStatus | null;
  @Field(() => ShareType, { nullable: true }) @IsOptional() shareType?: ShareType | null;
  @Field(() => ResourceCategory, { nullable: true }) @IsOptional() category?: ResourceCategory | null;
}
