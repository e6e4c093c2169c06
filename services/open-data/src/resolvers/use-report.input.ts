import { IsInt, IsOptional, IsUUID, Length, Max, Min } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';

@InputType({ description: '003 §16: how the approved applicant used conditionally open data' })
export class OpenDataUseInput {
  @Field(() => ID) @IsUUID() applicationId: string;
  @Field({ description: 'what the data was used for' }) @Length(1, 4000) purpose: string;
  @Field({ description: 'what it produced (products, services, results)' }) @Length(1, 4000) outputs: string;
  @Field(() => Int, { nullable: true, description: 'records used' }) @IsOptional() @IsInt() @Min(0) @Max(2_000_000_000) quantity?: number | null;
  @Field({ description: 'the same key on a retry returns the first record' }) @Length(1, 64) idempotencyKey: string;
}

@InputType({ description: '003 §25: kinds and quantity of data used, processing done, risks faced and the measures taken' })
export class OpenDataRiskReportInput {
  @Field(() => ID) @IsUUID() applicationId: string;
  @Field({ description: '数据种类' }) @Length(1, 2000) dataKinds: string;
  @Field(() => Int, { description: '数量 (records)' }) @IsInt() @Min(0) @Max(2_000_000_000) quantity: number;
  @Field({ description: '数据处理活动情况' }) @Length(1, 4000) processing: string;
  @Field({ description: '面临的数据安全风险' }) @Length(1, 4000) risks: string;
  @Field({ description: '应对措施' }) @Length(1, 4000) measures: string;
  @Field({ description: 'the same key on a retry returns the first report' }) @Length(1, 64) idempotencyKey: string;
}

@InputType({ description: '003 §35: the publisher requires rectification and suspends the access' })
export class OpenDataAccessSuspensionInput {
  @Field(() => ID) @IsUUID() applicationId: string;
  @Field({ description: 'the rectification required (整改要求)' }) @Length(1, 2000) reason: string;
}
