// Data-use agreements per grant (000 §24): kept SM4-encrypted; the same agreement again is a no-op, a different one a
// conflict.
import { randomUUID } from 'node:crypto';
import { BadUserInputError, ConflictError, regionOfDepartment } from '@gov/kit';
import { sm3Hex, sm4Encrypt, type Sm4Keyring } from '@gov/gm-crypto';
import type { EntityManager } from 'typeorm';
import { DataUseAgreement } from '../entities/data-use-agreement';

export interface AgreementInput {
  grantId: string; consumerDepartmentId: string; resourceId: string; signedBy: string; text?: string | null; textHash?: string | null;
}

/** The SM3 of the agreement text (given, or computed from the text and checked against a given hash). */
export function agreementHash(input: Pick<AgreementInput, 'text' | 'textHash'>): string {
  if (!input.text && !input.textHash) throw BadUserInputError.field('text', 'give the agreement text or its SM3 hash (textHash)');
  const textHash = input.text ? sm3Hex(input.text) : input.textHash!;
  if (input.text && input.textHash && input.textHash !== textHash) throw BadUserInputError.field('textHash', 'is not the SM3 of text');
  return textHash;
}

export async function recordAgreement(
  m: EntityManager, keyring: Sm4Keyring, input: AgreementInput, textHash: string, recordedBy: string,
): Promise<{ agreement: DataUseAgreement; existed: boolean }> {
  const repo = m.getRepository(DataUseAgreement);
  const existing = await repo.createQueryBuilder('a').setLock('pessimistic_write').where('a.grantId = :g', { g: input.grantId }).getOne();
  if (existing) {
    if (existing.textHash === textHash && existing.consumerDepartmentId === input.consumerDepartmentId && existing.resourceId === input.resourceId) {
      return { agreement: existing, existed: true };
    }
    throw new ConflictError(`grant ${input.grantId} already has a different agreement`);
  }
  const row = repo.create({
    id: randomUUID(), grantId: input.grantId, consumerDepartmentId: input.consumerDepartmentId, consumerRegionCode: regionOfDepartment(input.consumerDepartmentId)!,
    resourceId: input.resourceId, signedByEnc: sm4Encrypt(input.signedBy, keyring),
    textEnc: input.text ? sm4Encrypt(input.text, keyring) : null, textHash, recordedBy,
  });
  await repo.insert(row);
  return { agreement: await repo.findOneByOrFail({ id: row.id }), existed: false };
}
