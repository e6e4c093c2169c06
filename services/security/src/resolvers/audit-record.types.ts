import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';

@ObjectType({ description: 'result of recomputing the SM3 hash chain over a range of records' })
export class AuditChainVerification {
  @Field({ description: 'true when every record in the range links to its predecessor and its hash recomputes' }) ok: boolean;
  @Field(() => Int, { description: 'records verified intact (before the first break, if any)' }) checked: number;
  @Field(() => Float, { nullable: true, description: 'seq of the first record that is missing, re-linked or altered' }) firstBrokenSeq: number | null;
  @Field(() => String, { nullable: true, description: 'id of that record (null when it is missing)' }) firstBrokenId: string | null;
}

export enum AuditExportFormat { CSV = 'CSV', XLSX = 'XLSX' }
registerEnumType(AuditExportFormat, { name: 'AuditExportFormat' });

@ObjectType({ description: 'an export of audit records: the file, base64, with its SM3' })
export class AuditExport {
  @Field() filename: string;
  @Field() mimeType: string;
  @Field(() => Int) rowCount: number;
  @Field({ description: 'SM3 of the file bytes' }) sm3: string;
  @Field() contentBase64: string;
}
