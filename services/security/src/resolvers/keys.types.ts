import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'envelopes re-encrypted under the active SM4 key' })
export class Sm4Rewrap {
  @Field() activeKeyId: string;
  @Field(() => Int) rewrapped: number;
}
