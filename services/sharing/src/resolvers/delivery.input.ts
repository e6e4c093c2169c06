import { Length, MaxLength } from 'class-validator';
import { Field, InputType } from 'type-graphql';

@InputType()
export class FieldValueInput {
  @Field() @Length(1, 128) name: string;
  @Field() @MaxLength(500) value: string;
}
