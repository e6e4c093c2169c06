import { IsEnum, IsNumber, Length, Matches, Max, Min } from 'class-validator';
import { Field, Float, InputType } from 'type-graphql';
import { IndicatorDirection, IndicatorSource, IndicatorUnit } from '../entities/enums';

@InputType({ description: 'an indicator of a period (a new key adds one; an existing key is replaced)' })
export class AssessmentIndicatorInput {
  @Field({ description: 'the fact key its source computes, e.g. sharing.answeredOnTime' })
  @Matches(/^[a-zA-Z]+\.[a-zA-Z]+$/, { message: 'key must look like <source>.<fact>' }) key: string;
  @Field() @Length(1, 64) name: string;
  @Field() @Length(1, 500) definition: string;
  @Field(() => IndicatorUnit) @IsEnum(IndicatorUnit) unit: IndicatorUnit;
  @Field(() => IndicatorDirection) @IsEnum(IndicatorDirection) direction: IndicatorDirection;
  @Field(() => Float, { description: 'relative weight in [0, 1]' }) @IsNumber() @Min(0) @Max(1) weight: number;
  @Field(() => IndicatorSource) @IsEnum(IndicatorSource) source: IndicatorSource;
  @Field({ description: 'why this weight (a method, a rule)' }) @Length(1, 500) basis: string;
}
