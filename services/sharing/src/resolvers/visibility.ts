// Who may read a share application: the consumer department always; once submitted, also the provider department and
// the authority / platform operator / assessors of a region covering either side (a county's request for city data
// concerns both bureaus). A draft is the consumer's own working paper: nobody else reads it.
import {
  ConflictError, coveredRegionSql, ForbiddenError, hasRole, NotFoundError, OVERSIGHT, regionCovers, requireUser, type AppError, type User,
} from '@gov/kit';
import { chinaDate } from '@gov/working-days';
import type { SharingContext } from '../context';
import type { SelectQueryBuilder } from 'typeorm';
import { GrantStatus, ShareApplicationStatus, ShareUsageMode } from '../entities/enums';
import { ConfidentialityAgreement } from '../entities/confidentiality-agreement';
import { ShareGrant } from '../entities/grant';
import { ShareApplication } from '../entities/share-application';
import type { ReclassificationRequest } from '../entities/reclassification-request';
import { suspendedBecause } from '../domain/suspension';
import { CAPABILITY_REQUIRED, capabilityPassed } from '../domain/capability';


export function canReadApplication(
  user: User, a: Pick<ShareApplication, 'consumerDepartmentId' | 'providerDepartmentId' | 'regionCode' | 'providerRegionCode' | 'status'>,
): boolean {
  if (user.isService) return true;
  if (user.department && user.department === a.consumerDepartmentId) return true;
  if (a.status === ShareApplicationStatus.DRAFT) return false;
  if (user.department && user.department === a.providerDepartmentId) return true;
  return !!user.region && hasRole(user, ...OVERSIGHT) && (regionCovers(user.region, a.regionCode) || regionCovers(user.region, a.providerRegionCode));
}

/** The same rule as SQL, for lists. */
export function restrictToReadable(qb: SelectQueryBuilder<ShareApplication>, user: User): SelectQueryBuilder<ShareApplication> {
  if (user.isService) return qb;
  const a = qb.alias;
  const params: Record<string, string> = { svDept: user.department ?? '-', svDraft: ShareApplicationStatus.DRAFT };
  const others = [`${a}.providerDepartmentId = :svDept`, ...oversightOf(user, a, ['regionCode', 'providerRegionCode'], params)];
  return qb.andWhere(`(${a}.consumerDepartmentId = :svDept OR (${a}.status <> :svDraft AND (${others.join(' OR ')})))`, params);
}

/** Who may read a grant: its consumer and provider departments; oversight of a region covering either side. */
export function canReadGrant(user: User, g: Pick<ShareGrant, 'consumerDepartmentId' | 'providerDepartmentId' | 'consumerRegionCode' | 'providerRegionCode'>): boolean {
  if (user.isService) return true;
  if (user.department && (user.department === g.consumerDepartmentId || user.department === g.providerDepartmentId)) return true;
  return !!user.region && hasRole(user, ...OVERSIGHT) && (regionCovers(user.region, g.consumerRegionCode) || regionCovers(user.region, g.providerRegionCode));
}

/** The same rule as SQL, for lists. */
export function restrictGrantsToReadable(qb: SelectQueryBuilder<ShareGrant>, user: User): SelectQueryBuilder<ShareGrant> {
  if (user.isService) return qb;
  const a = qb.alias;
  const params: Record<string, string> = { gDept: user.department ?? '-' };
  const clauses = [`${a}.consumerDepartmentId = :gDept`, `${a}.providerDepartmentId = :gDept`, ...oversightOf(user, a, ['consumerRegionCode', 'providerRegionCode'], params)];
  return qb.andWhere(`(${clauses.join(' OR ')})`, params);
}

/** Oversight roles see rows whose region columns their region covers (kit's rule: a city covers its counties). */
function oversightOf(user: User, alias: string, columns: string[], params: Record<string, string>): string[] {
  if (!user.region || !hasRole(user, ...OVERSIGHT)) return [];
  return columns.map((col) => {
    const covered = coveredRegionSql(`${alias}.${col}`, user.region!, 'svCovered');
    Object.assign(params, covered.params);
    return covered.sql;
  });
}

/** The caller's own (consumer) application, for the consumer's steps; another department's is NOT_FOUND or FORBIDDEN. */
export async function loadOwn(ctx: SharingContext, id: string): Promise<ShareApplication> {
  const user = requireUser(ctx);
  const a = await ctx.ds.getRepository(ShareApplication).findOneBy({ id });
  if (!a || !canReadApplication(user, a)) throw new NotFoundError('ShareApplication', id);
  if (user.department !== a.consumerDepartmentId) throw new ForbiddenError('only the applying (consumer) department may do this');
  return a;
}

/**
 * Every delivery starts here: the caller's department holds this grant, the grant is active, inside its period and not
 * past its expiry (checked on the clock, not only by the expiry timer), it allows this usage mode, and the
 * confidentiality agreement is signed and the consumer's security capability check has passed (000 §24).
 */
export async function usableGrant(ctx: SharingContext, grantId: string, mode: ShareUsageMode): Promise<ShareGrant> {
  const user = requireUser(ctx);
  const g = await ctx.ds.getRepository(ShareGrant).findOneBy({ id: grantId });
  // A refused delivery is audited too (DENIED); if even that cannot be recorded, the caller gets AUDIT_UNAVAILABLE.
  const deny = async (message: string, err: AppError = new ForbiddenError(message)) => {
    await ctx.audit({ action: mode === ShareUsageMode.VERIFY ? 'VERIFY' : 'QUERY', grantId, resourceId: g?.resourceId ?? null, outcome: 'DENIED', detail: message.slice(0, 200) });
    return err;
  };
  // A grant of another department does not exist for the caller (nothing about it leaks).
  if (!g || user.department !== g.consumerDepartmentId) throw await deny(`grant ${grantId} not found`, new NotFoundError('ShareGrant', grantId));
  if (g.status !== GrantStatus.ACTIVE) throw await deny(`grant ${grantId} is ${g.status}: no data is delivered`);
  if (g.expiresAt.getTime() <= Date.now()) throw await deny(`grant ${grantId} expired at ${g.expiresAt.toISOString()}: no data is delivered`);
  if (chinaDate(Date.now()) < g.periodFrom) throw await deny(`grant ${grantId} starts on ${g.periodFrom}`);
  if (mode !== ShareUsageMode.VERIFY && g.usageMode !== mode) throw await deny(`grant ${grantId} allows ${g.usageMode}, not ${mode}`);
  if (!(await ctx.ds.getRepository(ConfidentialityAgreement).existsBy({ grantId }))) {
    const m = '000 §24: sign the data-use and confidentiality agreement (signConfidentialityAgreement) before the first delivery';
    throw await deny(m, new ConflictError(m));
  }
  if (!(await capabilityPassed(ctx.ds.manager, grantId))) throw await deny(CAPABILITY_REQUIRED, new ConflictError(CAPABILITY_REQUIRED));
  const held = await suspendedBecause(g.resourceId); // 000 §26: an objection holds the data
  if (held) throw await deny(held, new ConflictError(held));
  return g;
}

/** The grant of the caller's (consumer) department; another department's grant does not exist for it. */
export async function ownGrant(ctx: SharingContext, grantId: string): Promise<ShareGrant> {
  const g = await ctx.ds.getRepository(ShareGrant).findOneBy({ id: grantId });
  if (!g || g.consumerDepartmentId !== requireUser(ctx).department) throw new NotFoundError('ShareGrant', grantId);
  return g;
}

/** Reclassification requests (001 §21): the requesting and providing departments, oversight of a region covering the provider. */
export function restrictReclassifications(qb: SelectQueryBuilder<ReclassificationRequest>, user: User): SelectQueryBuilder<ReclassificationRequest> {
  if (user.isService) return qb;
  const a = qb.alias;
  const params: Record<string, string> = { rcDept: user.department ?? '-' };
  const clauses = [`${a}.consumerDepartmentId = :rcDept`, `${a}.providerDepartmentId = :rcDept`, ...oversightOf(user, a, ['providerRegionCode'], params)];
  return qb.andWhere(`(${clauses.join(' OR ')})`, params);
}
