import { IsOptional, Length, MaxLength } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { DataFormat } from '../entities/enums';

@InputType()
export class MountInput {
  @Field(() => DataFormat) kind: DataFormat;
  @Field() @Length(3, 500) endpoint: string;
}

@InputType()
export class OutageInput {
  @Field() @Length(1, 2000) reason: string;
  @Field(() => String, { nullable: true, description: 'required: what consumers use meanwhile (000 §18)' }) @IsOptional() @MaxLength(2000) alternative?: string | null;
  @Field(() => Date, { nullable: true }) @IsOptional() until?: Date | null;
}
