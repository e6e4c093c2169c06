import { ArrayMaxSize, ArrayMinSize, IsBoolean, IsDateString, IsOptional, IsUUID, Length, Matches } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';

@InputType({ description: "a department's emergency plan (000 §24)" })
export class EmergencyPlanInput {
  @Field() @Length(1, 200) title: string;
  @Field({ description: 'the plan text (stored SM4-encrypted)' }) @Length(1, 200_000) text: string;
  @Field(() => Boolean, { nullable: true, description: "the region's overall plan (authority / platform operator only)" })
  @IsOptional() @IsBoolean() regionWide?: boolean | null;
}

@InputType({ description: 'a new version of an emergency plan' })
export class ReviseEmergencyPlanInput {
  @Field(() => ID) @IsUUID() id: string;
  @Field({ description: 'the new text (stored SM4-encrypted)' }) @Length(1, 200_000) text: string;
  @Field({ description: 'what changed and why' }) @Length(1, 1000) note: string;
  @Field(() => String, { nullable: true }) @IsOptional() @Length(1, 200) title?: string | null;
}

@InputType({ description: 'a drill of an emergency plan (003 §32(二)); participants, findings and actions are stored SM4-encrypted' })
export class EmergencyDrillInput {
  @Field(() => ID) @IsUUID() planId: string;
  @Field({ description: 'day of the drill, YYYY-MM-DD (China date), not in the future' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'drilledOn must be YYYY-MM-DD' }) @IsDateString({ strict: true }, { message: 'drilledOn must be a real date' }) drilledOn: string;
  @Field(() => [String], { description: 'who took part (people and units)' })
  @ArrayMinSize(1) @ArrayMaxSize(200) @Length(1, 100, { each: true }) participants: string[];
  @Field({ description: 'what the drill showed' }) @Length(1, 10_000) findings: string;
  @Field(() => [String], { description: 'follow-up actions (整改措施); empty when none' })
  @ArrayMaxSize(100) @Length(1, 1000, { each: true }) followUpActions: string[];
}

@InputType()
export class EmergencyPlanFilter {
  @Field(() => String, { nullable: true, description: 'one department (within what the caller may read)' })
  @IsOptional() @Matches(/^\d{6}-[A-Za-z0-9_]{1,33}$/, { message: 'departmentId must look like 420600-gaj' }) departmentId?: string | null;
  @Field(() => Boolean, { nullable: true, description: 'only plans whose yearly drill is overdue (or only those up to date)' })
  @IsOptional() @IsBoolean() drillOverdue?: boolean | null;
}
