import { IsEnum, IsOptional, IsUUID, Length } from 'class-validator';
import { ArgsType, Field, ID, InputType } from 'type-graphql';
import { ObjectionDecision, ObjectionGround, ObjectionStatus } from '../entities/enums';

@InputType({ description: 'an objection to collected, shared or opened data (000 §26)' })
export class ObjectionInput {
  @Field(() => ID) @IsUUID() resourceId: string;
  @Field({ description: 'the citizen or organisation objecting (the authority records a paper objection under its name)' }) @Length(1, 100) objectorName: string;
  @Field(() => ObjectionGround) @IsEnum(ObjectionGround) ground: ObjectionGround;
  @Field({ description: 'what is wrong, missing or infringing (name the records concerned without copying personal data)' }) @Length(1, 2000) description: string;
}

@ArgsType()
export class DecideObjectionArgs {
  @Field(() => ID) id: string;
  @Field(() => ObjectionDecision) @IsEnum(ObjectionDecision) decision: ObjectionDecision;
  @Field({ description: 'what the department found when verifying' }) @Length(1, 2000) finding: string;
}

@ArgsType()
export class AnswerObjectionArgs {
  @Field(() => ID) id: string;
  @Field({ description: 'the answer sent to the objector' }) @Length(1, 2000) answer: string;
}

@InputType()
export class ObjectionFilter {
  @Field(() => ObjectionStatus, { nullable: true }) @IsOptional() status?: ObjectionStatus | null;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() resourceId?: string | null;
}
