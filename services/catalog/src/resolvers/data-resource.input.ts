import { ArrayMaxSize, ArrayMinSize, IsOptional, Length, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { Field, InputType, Int } from 'type-graphql';
import {
  DataFormat, ItemType, OpenType, ProvisionMode, ResourceCategory, ResourceStatus, SensitivityGrade, ShareType, UpdateCycle, UsageMode,
} from '../entities/enums';

@InputType()
export class DataItemInput {
  @Field() @Length(1, 128) name: string;
  @Field(() => ItemType) type: ItemType;
  @Field(() => Int, { nullable: true }) @IsOptional() @Min(1) @Max(65535) length?: number | null;
  @Field({ defaultValue: false, description: 'older form of sensitivity: true = the resource grade' }) sensitive: boolean;
  @Field(() => SensitivityGrade, { nullable: true, description: "the item's grade; may not exceed the resource's" }) @IsOptional() sensitivity?: SensitivityGrade | null;
}

@InputType()
export class DataResourceInput {
  @Field() @Matches(/^[A-Za-z0-9][A-Za-z0-9_.-]{2,63}$/, { message: 'code must be 3-64 letters, digits, "_", "." or "-"' }) code: string;
  @Field() @Length(1, 200) name: string;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(4000) description?: string | null;
  @Field(() => ResourceCategory) category: ResourceCategory;
  @Field(() => String, { nullable: true, description: 'linked government service item (000 §7); null = none' }) @IsOptional() @MaxLength(200) serviceItem?: string | null;
  @Field(() => String, { nullable: true, description: 'an information system of the same department' }) @IsOptional() @MaxLength(36) sourceSystemId?: string | null;
  @Field(() => DataFormat, { defaultValue: DataFormat.TABLE }) format: DataFormat;
  @Field(() => UpdateCycle, { defaultValue: UpdateCycle.DAILY }) updateCycle: UpdateCycle;
  @Field(() => ShareType) shareType: ShareType;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(2000) shareCondition?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(2000) notSharedBasis?: string | null;
  @Field(() => OpenType) openType: OpenType;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(2000) notOpenReason?: string | null;
  @Field(() => SensitivityGrade, { nullable: true, description: 'required (000 §8); nullable only so that its absence is reported by name' })
  sensitivityGrade: SensitivityGrade | null;
  @Field(() => ProvisionMode, { defaultValue: ProvisionMode.DISTRIBUTION_API }) provisionMode: ProvisionMode;
  @Field(() => [UsageMode], { defaultValue: [UsageMode.QUERY] }) @ArrayMinSize(1) usageModes: UsageMode[];
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(64) theme?: string | null;
  @Field(() => [DataItemInput]) @ArrayMinSize(1) @ArrayMaxSize(500) @ValidateNested() items: DataItemInput[];
}

@InputType()
export class DataResourceFilter {
  @Field(() => String, { nullable: true, description: 'Chinese or Latin words over name, description, code, theme and item names; words are ANDed' })
  @IsOptional() @MaxLength(100) keyword?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() departmentId?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() regionCode?: string | null;
  @Field(() => ResourceStatus, { nullable: true }) @IsOptional() status?: ResourceStatus | null;
  @Field(() => ShareType, { nullable: true }) @IsOptional() shareType?: ShareType | null;
  @Field(() => OpenType, { nullable: true }) @IsOptional() openType?: OpenType | null;
  @Field(() => SensitivityGrade, { nullable: true }) @IsOptional() grade?: SensitivityGrade | null;
  @Field(() => ResourceCategory, { nullable: true }) @IsOptional() category?: ResourceCategory | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(64) theme?: string | null;
  @Field(() => Boolean, { nullable: true }) @IsOptional() mounted?: boolean | null;
  @Field(() => Boolean, { nullable: true, description: 'true: reviews past their working-day deadline (escalated to the authority)' })
  @IsOptional() reviewOverdue?: boolean | null;
}
