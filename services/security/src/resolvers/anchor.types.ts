import { Field, ObjectType } from 'type-graphql';
import { AuditAnchor } from '../entities/audit-anchor';

@ObjectType({ description: 'an anchor checked again: its SM2 signature, and its Merkle root recomputed from the live records' })
export class AuditAnchorVerification {
  @Field() ok: boolean;
  @Field({ description: 'the signature verifies with the public key stored in the anchor' }) signatureValid: boolean;
  @Field(() => String, { nullable: true, description: 'null when the records have been archived out of the live chain' }) recomputedRoot: string | null;
  @Field(() => AuditAnchor) anchor: AuditAnchor;
}
