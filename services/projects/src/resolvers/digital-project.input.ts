import { IsInt, IsNumber, IsOptional, IsPositive, Length, Max, MaxLength, Min } from 'class-validator';
import { Field, Float, InputType, Int } from 'type-graphql';
import { DigitalProjectKind, DigitalProjectStatus } from '../entities/enums';

@InputType()
export class DigitalProjectInput {
  @Field() @Length(2, 200) name: string;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(4000) description?: string | null;
  @Field(() => Int, { description: 'plan year: the current year or later' }) @IsInt() @Min(2000) @Max(2100) year: number;
  @Field(() => Float, { description: 'budget in CNY (yuan), > 0, at most two decimals' })
  @IsNumber({ maxDecimalPlaces: 2, allowNaN: false, allowInfinity: false }, { message: 'budget must be a number of yuan with at most two decimals' }) @IsPositive() @Max(999_999_999_999.99) budget: number;
  @Field(() => DigitalProjectKind) kind: DigitalProjectKind;
}

@InputType()
export class DigitalProjectFilter {
  @Field(() => Int, { nullable: true }) @IsOptional() @Min(2000) @Max(2100) year?: number | null;
  @Field(() => DigitalProjectStatus, { nullable: true }) @IsOptional() status?: DigitalProjectStatus | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(40) ownerDepartmentId?: string | null;
}
