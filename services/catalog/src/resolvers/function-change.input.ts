import { Length, Matches } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { ChangeBasis } from '../entities/enums';

@InputType({ description: '004 §9: a law, function or system change the entry must follow within 15 working days' })
export class FunctionChangeInput {
  @Field(() => ID) @Length(36, 36) resourceId: string;
  @Field(() => ChangeBasis) basis: ChangeBasis;
  @Field({ description: 'YYYY-MM-DD the change took effect (not in the future)' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'changedOn must be YYYY-MM-DD' }) changedOn: string;
  @Field() @Length(1, 2000) description: string;
}
