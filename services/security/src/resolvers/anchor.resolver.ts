// Daily anchors of the audit chain (上链, 000 §25): anchor a day now, list and verify a day's anchors.
import { requireUser } from '@gov/kit';
import { Arg, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { SecurityContext } from '../context';
import { AuditAnchor } from '../entities/audit-anchor';
import { anchorDay, checkDay, verifyLatestAnchor } from '../domain/anchors';
import { publicAnchor } from '../domain/offline-verify';
import { AuditAnchorVerification, PublicAuditAnchor } from './anchor.types';

@Resolver(() => AuditAnchor)
export class AnchorResolver {
  @Authorized('authority', 'platform-operator')
  @Mutation(() => AuditAnchor, { description: 'anchor a day of the audit chain now (the daily workflow does it after midnight); a day not yet over is a partial anchor' })
  async anchorAuditDay(@Arg('day') day: string, @Ctx() ctx: SecurityContext): Promise<AuditAnchor> {
    requireUser(ctx);
    const anchor = await anchorDay(ctx, day);
    // After the anchor's own snapshot: this record belongs to the next anchor of the day.
    await ctx.audit({ action: 'UPDATE', items: ['auditAnchor'], detail: `anchor ${anchor.id} day ${day} records=${anchor.recordCount} root ${anchor.merkleRoot}` });
    return anchor;
  }

  @Authorized('authority', 'platform-operator', 'assessor')
  @Query(() => [AuditAnchor], { description: 'the anchors of a day, latest first' })
  auditAnchors(@Arg('day') day: string, @Ctx() ctx: SecurityContext): Promise<AuditAnchor[]> {
    checkDay(day, new Date());
    return ctx.ds.getRepository(AuditAnchor).find({ where: { day }, order: { anchoredAt: 'DESC' } });
  }

  @Authorized('authority', 'platform-operator', 'assessor')
  @Query(() => AuditAnchorVerification, { nullable: true, description: "check the latest anchor of a day: its signature, and its root against the day's records" })
  verifyAuditAnchor(@Arg('day') day: string, @Ctx() ctx: SecurityContext): Promise<AuditAnchorVerification | null> {
    return verifyLatestAnchor(ctx.ds, day);
  }

  // No @Authorized: 000 §25 wants anchors a third party can hold. An anchor is metadata (a root, a count, a signature),
  // never record data, so it is not an audited read.
  @Query(() => PublicAuditAnchor, { nullable: true, description: "000 §25: the latest anchor of a day for anyone, no token needed, with the file to archive" })
  async publicAuditAnchor(@Arg('day') day: string, @Ctx() ctx: SecurityContext): Promise<PublicAuditAnchor | null> {
    checkDay(day, new Date());
    const a = await ctx.ds.getRepository(AuditAnchor).findOne({ where: { day }, order: { anchoredAt: 'DESC' } });
    return a ? publicAnchor(a) : null;
  }
}
