import { ArrayMaxSize, ArrayMinSize, IsBoolean, IsInt, IsNumber, IsOptional, IsPositive, Length, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { Field, Float, ID, InputType, Int } from 'type-graphql';
import { DigitalProjectKind, DigitalProjectStatus, ProjectDecisionStep, TerminationCause } from '../entities/enums';

const yuan = { maxDecimalPlaces: 2, allowNaN: false, allowInfinity: false };

@InputType()
export class YearlyInvestmentInput {
  @Field(() => Int) @IsInt() @Min(2000) @Max(2100) year: number;
  @Field(() => Float) @IsNumber(yuan) @IsPositive() @Max(999_999_999_999.99) amount: number;
}

@InputType({ description: 'a declaration for the annual plan (§10): summary, budget estimate, funding source, yearly investment, basis' })
export class DigitalProjectInput {
  @Field() @Length(2, 200) name: string;
  @Field(() => String, { nullable: true, description: 'project summary (项目概要)' }) @IsOptional() @MaxLength(4000) description?: string | null;
  @Field(() => Int, { description: 'plan year: the current year or later' }) @IsInt() @Min(2000) @Max(2100) year: number;
  @Field(() => Float, { description: 'budget estimate in CNY (yuan), > 0, at most two decimals' })
  @IsNumber(yuan, { message: 'budget must be a number of yuan with at most two decimals' }) @IsPositive() @Max(999_999_999_999.99) budget: number;
  @Field(() => DigitalProjectKind) kind: DigitalProjectKind;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(200) fundingSource?: string | null;
  @Field(() => String, { nullable: true, description: 'basis documents (依据资料)' }) @IsOptional() @MaxLength(4000) basis?: string | null;
  @Field(() => String, { nullable: true, description: 'required for SELF_BUILT: why it cannot be unified (§10)' }) @IsOptional() @MaxLength(2000) selfBuiltReason?: string | null;
  @Field(() => [YearlyInvestmentInput], { nullable: true }) @IsOptional() @ArrayMaxSize(10) @ValidateNested()
  yearlyInvestment?: YearlyInvestmentInput[] | null;
  @Field(() => [String], { nullable: true, description: 'UNIFIED: the two or more departments it serves (§5)' })
  @IsOptional() @ArrayMaxSize(50) @Matches(/^\d{6}-[A-Za-z0-9_]+$/, { each: true }) participatingDepartmentIds?: string[] | null;
}

@InputType()
export class DigitalProjectFilter {
  @Field(() => Int, { nullable: true }) @IsOptional() @Min(2000) @Max(2100) year?: number | null;
  @Field(() => DigitalProjectStatus, { nullable: true }) @IsOptional() status?: DigitalProjectStatus | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(40) ownerDepartmentId?: string | null;
  @Field(() => Boolean, { nullable: true, description: 'true: only projects whose current step ran past its limit (escalated to the authority)' })
  @IsOptional() @IsBoolean() overdue?: boolean | null;
  @Field(() => String, { nullable: true, description: 'part of the project name' }) @IsOptional() @MaxLength(100) keyword?: string | null;
}

@InputType({ description: 'the construction plan with its resource catalog compiled in advance (§13, 004 §35, 临湘资源办法 §11)' })
export class ConstructionPlanInput {
  @Field({ description: 'the plan, or a reference to the filed document' }) @Length(4, 20000) plan: string;
  @Field(() => [ID], { description: "catalog entries (the owner's own) the system will provide" }) @ArrayMinSize(1) @ArrayMaxSize(100) resourceIds: string[];
  @Field({ description: 'a new or rebuilt business system (it must plan sharing/open interfaces)' }) @IsBoolean() newSystem: boolean;
  @Field(() => String, { nullable: true, description: 'the sharing and open interfaces it provides' }) @IsOptional() @MaxLength(4000) sharingInterfaces?: string | null;
}

@InputType()
export class DecisionInput {
  @Field(() => ProjectDecisionStep) step: ProjectDecisionStep;
  @Field() @IsBoolean() approve: boolean;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(2000) comment?: string | null;
  @Field(() => Float, { nullable: true, description: 'BUDGET: the approved amount (default: the estimate)' }) @IsOptional() @IsNumber(yuan) @IsPositive() @Max(999_999_999_999.99) approvedBudget?: number | null;
}

@InputType({ description: 'procurement filed with the authority (§18-20); the supervision firm (§22)' })
export class ProcurementInput {
  @Field() @Length(2, 2000) procurementDocument: string;
  @Field() @Length(2, 64) contractNo: string;
  @Field() @Length(2, 200) contractor: string;
  @Field(() => Float) @IsNumber(yuan) @IsPositive() @Max(999_999_999_999.99) contractAmount: number;
  @Field(() => Int, { description: 'O&M years in the contract: at least 3 (§19)' }) @IsInt() @Min(1) @Max(20) omYears: number;
  @Field() @Length(2, 200) supervisor: string;
}

@InputType() export class ChangeInput {
  @Field() @Length(2, 4000) content: string;
  @Field() @Length(2, 2000) reason: string;
  @Field(() => Float, { nullable: true }) @IsOptional() @IsNumber(yuan) @IsPositive() @Max(999_999_999_999.99) newBudget?: number | null;
}

@InputType() export class TerminationInput {
  @Field(() => TerminationCause) cause: TerminationCause;
  @Field({ description: 'the written statement to the authority (§25)' }) @Length(10, 8000) statement: string;
}

@InputType() export class SecurityAssessmentInput {
  @Field(() => Int) @IsInt() @Min(1) @Max(5) level: number;
  @Field() @Length(2, 200) agency: string;
  @Field() @Length(2, 64) reportNo: string;
  @Field() @IsBoolean() passed: boolean;
  @Field({ description: 'YYYY-MM-DD' }) @Matches(/^\d{4}-\d{2}-\d{2}$/) assessedOn: string;
}

@InputType() export class AcceptanceInput {
  @Field({ description: 'the acceptance passed' }) @IsBoolean() passed: boolean;
  @Field({ description: 'the acceptance report (or its reference)' }) @Length(2, 8000) report: string;
}

@InputType() export class OmReportInput {
  @Field(() => Int) @IsInt() @Min(1) @Max(20) omYear: number;
  @Field() @Length(2, 8000) summary: string;
}

@InputType() export class EvaluationInput {
  @Field(() => Float) @IsNumber() @Min(0) @Max(100) construction: number;
  @Field(() => Float) @IsNumber() @Min(0) @Max(100) use: number;
  @Field(() => Float) @IsNumber() @Min(0) @Max(100) effect: number;
  @Field(() => Float) @IsNumber() @Min(0) @Max(100) security: number;
}

@InputType() export class GateInput {
  @Field(() => Float) @IsNumber() @Min(0) @Max(100) minTotalScore: number;
  @Field(() => Float) @IsNumber() @Min(0) @Max(1) minIndicatorValue: number;
}
