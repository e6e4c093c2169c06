// Grade policy (editable by the authority), data-use agreements per grant (000 §24), daily anchors (上链, 000 §25).
import { randomUUID } from 'node:crypto';
import {
  BadUserInputError, canAccessDepartment, ConflictError, ForbiddenError, isCity, regionOfDepartment, requireUser,
} from '@gov/kit';
import { sm3Hex, sm4Decrypt, sm4Encrypt } from '@gov/gm-crypto';
import { Arg, Authorized, Ctx, Field, FieldResolver, ObjectType, Mutation, Query, Resolver, Root } from 'type-graphql';
import { anchorPayload, chinaDay, chinaDayBounds, merkleRoot, verifyAnchor } from '../anchor';
import type { SecurityContext } from '../context';
import { AuditRecord } from '../entities/audit-record';
import { AuditAnchor, DataUseAgreement, GradePolicyRule } from '../entities/governance';
import { GradePolicyRuleInput, RecordAgreementInput } from './governance.input';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export function checkDay(day: string, now: Date): void {
  if (!DAY.test(day) || Number.isNaN(Date.parse(`${day}T00:00:00+08:00`)) || chinaDay(new Date(`${day}T12:00:00+08:00`)) !== day) {
    throw BadUserInputError.field('day', 'must be a calendar day YYYY-MM-DD');
  }
  if (day > chinaDay(now)) throw BadUserInputError.field('day', 'must not be in the future');
}

@ObjectType({ description: 'an anchor checked again: its SM2 signature, and its Merkle root recomputed from the live records' })
export class AuditAnchorVerification {
  @Field() ok: boolean;
  @Field({ description: 'the signature verifies with the public key stored in the anchor' }) signatureValid: boolean;
  @Field(() => String, { nullable: true, description: 'null when the records have been archived out of the live chain' }) recomputedRoot: string | null;
  @Field(() => AuditAnchor) anchor: AuditAnchor;
}

@Resolver(() => GradePolicyRule)
export class GradePolicyResolver {
  @Authorized('service', 'authority', 'platform-operator')
  @Query(() => [GradePolicyRule], { description: 'the grade policy applied at delivery by sharing and open-data (000 §24-25)' })
  gradePolicy(@Ctx() ctx: SecurityContext): Promise<GradePolicyRule[]> {
    return ctx.ds.getRepository(GradePolicyRule).find({ order: { grade: 'ASC', usageMode: 'ASC', itemSensitivity: 'ASC' } });
  }

  @Authorized('authority')
  @Mutation(() => GradePolicyRule, { description: 'the city authority changes one cell of the grade policy; audited' })
  async setGradePolicyRule(@Arg('input', () => GradePolicyRuleInput) input: GradePolicyRuleInput, @Ctx() ctx: SecurityContext): Promise<GradePolicyRule> {
    const user = requireUser(ctx);
    // One platform-wide policy: set by the authority of the city, which covers its counties.
    if (!user.region || !isCity(user.region)) throw new ForbiddenError('only the city authority sets the grade policy');
    return ctx.ds.transaction(async (m) => {
      const repo = m.getRepository(GradePolicyRule);
      const key = { grade: input.grade, usageMode: input.usageMode, itemSensitivity: input.itemSensitivity };
      const before = await repo.findOneBy(key);
      await repo.save({ ...key, treatment: input.treatment, updatedBy: user.username });
      // Inside the transaction: if the change cannot be audited it is rolled back.
      await ctx.audit({ action: 'UPDATE', items: ['gradePolicy'], detail: `${input.grade}/${input.usageMode}/${input.itemSensitivity}: ${before?.treatment ?? '(none)'} -> ${input.treatment}` });
      return repo.findOneByOrFail(key);
    });
  }
}

@Resolver(() => DataUseAgreement)
export class AgreementResolver {
  @Authorized('service')
  @Mutation(() => DataUseAgreement, { description: 'sharing records the agreement signed for a grant (000 §24); the same agreement again is a no-op' })
  async recordAgreement(@Arg('input', () => RecordAgreementInput) input: RecordAgreementInput, @Ctx() ctx: SecurityContext): Promise<DataUseAgreement> {
    const user = requireUser(ctx);
    if (!input.text && !input.textHash) throw BadUserInputError.field('text', 'give the agreement text or its SM3 hash (textHash)');
    const textHash = input.text ? sm3Hex(input.text) : input.textHash!;
    if (input.text && input.textHash && input.textHash !== textHash) throw BadUserInputError.field('textHash', 'is not the SM3 of text');
    const region = regionOfDepartment(input.consumerDepartmentId)!;
    return ctx.ds.transaction(async (m) => {
      const repo = m.getRepository(DataUseAgreement);
      const existing = await repo.createQueryBuilder('a').setLock('pessimistic_write').where('a.grantId = :g', { g: input.grantId }).getOne();
      if (existing) {
        if (existing.textHash === textHash && existing.consumerDepartmentId === input.consumerDepartmentId && existing.resourceId === input.resourceId) return existing;
        throw new ConflictError(`grant ${input.grantId} already has a different agreement`);
      }
      const row = repo.create({
        id: randomUUID(), grantId: input.grantId, consumerDepartmentId: input.consumerDepartmentId, consumerRegionCode: region,
        resourceId: input.resourceId, signedByEnc: sm4Encrypt(input.signedBy, ctx.keyring),
        textEnc: input.text ? sm4Encrypt(input.text, ctx.keyring) : null, textHash, recordedBy: user.username,
      });
      await repo.insert(row);
      await ctx.audit({ action: 'UPDATE', grantId: input.grantId, resourceId: input.resourceId, items: ['dataUseAgreement'], detail: `agreement sm3 ${textHash}` });
      return repo.findOneByOrFail({ id: row.id });
    });
  }

  @Authorized('service', 'authority', 'platform-operator', 'dept-admin', 'dept-approver', 'dept-user')
  @Query(() => DataUseAgreement, { nullable: true, description: 'the agreement of a grant: the consumer department, the authority / operator of a covering region, services' })
  async agreementForGrant(@Arg('grantId') grantId: string, @Ctx() ctx: SecurityContext): Promise<DataUseAgreement | null> {
    const user = requireUser(ctx);
    const a = await ctx.ds.getRepository(DataUseAgreement).findOneBy({ grantId });
    if (!a) return null;
    if (!canAccessDepartment(user, { departmentId: a.consumerDepartmentId, regionCode: a.consumerRegionCode })) {
      throw new ForbiddenError(`not allowed to read the agreement of grant ${grantId}`);
    }
    await ctx.audit({ action: 'ACCESS', grantId, resourceId: a.resourceId, items: ['dataUseAgreement'] });
    return a;
  }

  @FieldResolver(() => String, { description: 'who signed for the consumer department' })
  signedBy(@Root() a: DataUseAgreement, @Ctx() ctx: SecurityContext): string {
    return sm4Decrypt(a.signedByEnc, ctx.keyring);
  }

  @FieldResolver(() => String, { nullable: true, description: 'the full text, when it was recorded' })
  text(@Root() a: DataUseAgreement, @Ctx() ctx: SecurityContext): string | null {
    return a.textEnc ? sm4Decrypt(a.textEnc, ctx.keyring) : null;
  }
}

/** Anchors one China day: what the daily workflow's activity and the mutation both call. Idempotent per (day, lastSeq). */
export async function anchorDay(ctx: Pick<SecurityContext, 'ds' | 'signer'>, day: string, now = new Date()): Promise<AuditAnchor> {
  checkDay(day, now);
  const { start, end } = chinaDayBounds(day);
  return ctx.ds.transaction('REPEATABLE READ', async (m) => {
    const rows: Array<{ seq: string | number; hash: string }> = await m.getRepository(AuditRecord).createQueryBuilder('a')
      .select(['a.seq AS seq', 'a.hash AS hash']).where('a.at >= :start AND a.at < :end', { start, end }).orderBy('a.seq', 'ASC').getRawMany();
    const body = {
      day, complete: now >= end, recordCount: rows.length, merkleRoot: merkleRoot(rows.map((r) => r.hash)),
      firstSeq: rows.length ? Number(rows[0].seq) : null, lastSeq: rows.length ? Number(rows[rows.length - 1].seq) : null,
    };
    const repo = m.getRepository(AuditAnchor);
    const same = await repo.findOneBy({ day, merkleRoot: body.merkleRoot, complete: body.complete, recordCount: body.recordCount });
    if (same) return same;
    const signedPayload = anchorPayload(body);
    const anchor = repo.create({ id: randomUUID(), ...body, signedPayload, signature: ctx.signer.sign(signedPayload), publicKeyPem: ctx.signer.publicKeyPem });
    await repo.insert(anchor);
    return repo.findOneByOrFail({ id: anchor.id });
  });
}

@Resolver(() => AuditAnchor)
export class AnchorResolver {
  @Authorized('authority', 'platform-operator')
  @Mutation(() => AuditAnchor, { description: 'anchor a day of the audit chain now (the daily workflow does it after midnight); a day not yet over is a partial anchor' })
  anchorAuditDay(@Arg('day') day: string, @Ctx() ctx: SecurityContext): Promise<AuditAnchor> {
    requireUser(ctx);
    return anchorDay(ctx, day);
  }

  @Authorized('authority', 'platform-operator', 'assessor')
  @Query(() => [AuditAnchor], { description: 'the anchors of a day, latest first' })
  auditAnchors(@Arg('day') day: string, @Ctx() ctx: SecurityContext): Promise<AuditAnchor[]> {
    checkDay(day, new Date());
    return ctx.ds.getRepository(AuditAnchor).find({ where: { day }, order: { anchoredAt: 'DESC' } });
  }

  @Authorized('authority', 'platform-operator', 'assessor')
  @Query(() => AuditAnchorVerification, { nullable: true, description: "check the latest anchor of a day: its signature, and its root against the day's records" })
  async verifyAuditAnchor(@Arg('day') day: string, @Ctx() ctx: SecurityContext): Promise<AuditAnchorVerification | null> {
    checkDay(day, new Date());
    const anchor = await ctx.ds.getRepository(AuditAnchor).findOne({ where: { day }, order: { anchoredAt: 'DESC' } });
    if (!anchor) return null;
    const signatureValid = verifyAnchor(anchor);
    let recomputedRoot: string | null = null;
    if (anchor.firstSeq === null || anchor.lastSeq === null) {
      recomputedRoot = merkleRoot([]);
    } else {
      const rows: Array<{ hash: string }> = await ctx.ds.getRepository(AuditRecord).createQueryBuilder('a').select('a.hash AS hash')
        .where('a.seq >= :f AND a.seq <= :l', { f: anchor.firstSeq, l: anchor.lastSeq }).orderBy('a.seq', 'ASC').getRawMany();
      // The anchor covers the day's records in that seq range; all gone = archived, some gone = tampering.
      if (rows.length) {
        const { start, end } = chinaDayBounds(day);
        const inDay: Array<{ hash: string }> = await ctx.ds.getRepository(AuditRecord).createQueryBuilder('a').select('a.hash AS hash')
          .where('a.seq >= :f AND a.seq <= :l AND a.at >= :start AND a.at < :end', { f: anchor.firstSeq, l: anchor.lastSeq, start, end })
          .orderBy('a.seq', 'ASC').getRawMany();
        recomputedRoot = merkleRoot(inDay.map((r) => r.hash));
      }
    }
    const ok = signatureValid && (recomputedRoot === null || recomputedRoot === anchor.merkleRoot);
    return { ok, signatureValid, recomputedRoot, anchor };
  }
}
