import { IsOptional, Length, Matches, ValidateNested } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { ChangeBasis } from '../entities/enums';
import { DataResourceInput } from './data-resource.input';

@InputType()
export class ChangeRequestInput {
  @Field(() => ChangeBasis) basis: ChangeBasis;
  @Field() @Length(1, 2000) reason: string;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD the law was revised / the function or system changed (004 §9)' })
  @IsOptional() @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'effectiveDate must be YYYY-MM-DD' }) effectiveDate?: string | null;
  @Field(() => DataResourceInput, { description: 'the entry as it should read after the change' }) @ValidateNested() entry: DataResourceInput;
}
