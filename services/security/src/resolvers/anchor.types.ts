import { Field, Float, Int, ObjectType } from 'type-graphql';
import { AuditAnchor } from '../entities/audit-anchor';

@ObjectType({ description: 'an anchor checked again: its SM2 signature, and its Merkle root recomputed from the live records' })
export class AuditAnchorVerification {
  @Field() ok: boolean;
  @Field({ description: 'the signature verifies with the public key stored in the anchor' }) signatureValid: boolean;
  @Field(() => String, { nullable: true, description: 'null when the records have been archived out of the live chain' }) recomputedRoot: string | null;
  @Field(() => AuditAnchor) anchor: AuditAnchor;
}

@ObjectType({ description: "000 §25 上链: a day's anchor as anyone may hold it — the fields, and the same as a file to archive (GET /public/audit-anchors/<day> on security)" })
export class PublicAuditAnchor {
  @Field() day: string;
  @Field() complete: boolean;
  @Field(() => Float, { nullable: true }) firstSeq: number | null;
  @Field(() => Float, { nullable: true }) lastSeq: number | null;
  @Field(() => Int) recordCount: number;
  @Field() merkleRoot: string;
  @Field() signedPayload: string;
  @Field({ description: 'SM2 signature (DER, base64)' }) signature: string;
  @Field({ description: "SM2 distinguishing id ('1234567812345678'; '' for anchors signed before GM/T 0009's default)" }) signerId: string;
  @Field() publicKeyPem: string;
  @Field() anchoredAt: string;
  @Field({ description: 'audit-anchor-<day>.json' }) fileName: string;
  @Field({ description: 'the file: JSON a regulator archives and scripts/verify-audit-export.mjs checks an export against, offline' }) fileJson: string;
}
