// Security incidents (000 §24): report with severity and the emergency plan invoked, notification of the authority
// (at once for HIGH and CRITICAL), closure with a summary. The description is SM4-encrypted at rest.
import { randomUUID } from 'node:crypto';
import {
  assertDepartmentAccess, ConflictError, ConnectionType, coveredRegionSql, ForbiddenError, hasRole, NotFoundError, PageArgs, paginate,
  requireUser,
} from '@gov/kit';
import { sm4Decrypt, sm4Encrypt } from '@gov/gm-crypto';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { IsNull } from 'typeorm';
import type { SecurityContext } from '../context';
import { IncidentSeverity, IncidentStatus } from '../entities/enums';
import { SecurityIncident } from '../entities/governance';
import { CloseIncidentInput, ReportIncidentInput } from './governance.input';

const IncidentConnection = ConnectionType(SecurityIncident, 'SecurityIncident');
const REPORTERS = ['authority', 'platform-operator', 'dept-admin'] as const;
const NOTIFY_AT_ONCE = new Set([IncidentSeverity.HIGH, IncidentSeverity.CRITICAL]);

async function load(ctx: SecurityContext, id: string): Promise<SecurityIncident> {
  const i = await ctx.ds.getRepository(SecurityIncident).findOneBy({ id });
  if (!i) throw new NotFoundError('security incident', id);
  return i;
}

@Resolver(() => SecurityIncident)
export class IncidentResolver {
  @Authorized(...REPORTERS)
  @Mutation(() => SecurityIncident, { description: "report an incident of the caller's department; HIGH and CRITICAL notify the authority at once" })
  async reportSecurityIncident(@Arg('input', () => ReportIncidentInput) input: ReportIncidentInput, @Ctx() ctx: SecurityContext): Promise<SecurityIncident> {
    const user = requireUser(ctx);
    if (!user.department || !user.region) throw new ForbiddenError('an incident is reported by a department');
    const repo = ctx.ds.getRepository(SecurityIncident);
    const row = repo.create({
      id: randomUUID(), title: input.title, descriptionEnc: sm4Encrypt(input.description, ctx.keyring), severity: input.severity,
      status: IncidentStatus.OPEN, departmentId: user.department, regionCode: user.region, resourceId: input.resourceId ?? null,
      emergencyPlan: input.emergencyPlan, reportedBy: user.username, authorityNotifiedAt: NOTIFY_AT_ONCE.has(input.severity) ? new Date() : null,
      closureSummary: null, closedBy: null, closedAt: null,
    });
    await repo.insert(row);
    return repo.findOneByOrFail({ id: row.id });
  }

  @Authorized(...REPORTERS)
  @Mutation(() => SecurityIncident, { description: 'notify the authority of an incident (idempotent: the first notification time stays)' })
  async notifyAuthorityOfIncident(@Arg('id', () => ID) id: string, @Ctx() ctx: SecurityContext): Promise<SecurityIncident> {
    const i = await load(ctx, id);
    assertDepartmentAccess(requireUser(ctx), i, 'write', `incident ${id}`);
    if (!i.authorityNotifiedAt) await ctx.ds.getRepository(SecurityIncident).update({ id, authorityNotifiedAt: IsNull() }, { authorityNotifiedAt: new Date() });
    return load(ctx, id);
  }

  @Authorized('authority', 'platform-operator')
  @Mutation(() => SecurityIncident, { description: 'close an incident: only after the authority was notified, with a summary' })
  async closeSecurityIncident(@Arg('input', () => CloseIncidentInput) input: CloseIncidentInput, @Ctx() ctx: SecurityContext): Promise<SecurityIncident> {
    const user = requireUser(ctx);
    const i = await load(ctx, input.id);
    assertDepartmentAccess(user, i, 'write', `incident ${input.id}`);
    if (i.status === IncidentStatus.CLOSED) throw new ConflictError(`incident ${input.id} is already closed`);
    if (!i.authorityNotifiedAt) throw new ConflictError(`incident ${input.id}: notify the authority before closing it`);
    await ctx.ds.getRepository(SecurityIncident).update({ id: input.id }, {
      status: IncidentStatus.CLOSED, closureSummary: input.summary, closedBy: user.username, closedAt: new Date(),
    });
    return load(ctx, input.id);
  }

  @Authorized('authority', 'platform-operator', 'dept-admin')
  @Query(() => SecurityIncident, { nullable: true })
  async securityIncident(@Arg('id', () => ID) id: string, @Ctx() ctx: SecurityContext): Promise<SecurityIncident | null> {
    const i = await ctx.ds.getRepository(SecurityIncident).findOneBy({ id });
    if (!i) return null;
    assertDepartmentAccess(requireUser(ctx), i, 'read', `incident ${id}`);
    await ctx.audit({ action: 'ACCESS', items: ['securityIncident'], detail: `securityIncident ${i.id}` });
    return i;
  }

  @Authorized('authority', 'platform-operator', 'dept-admin')
  @Query(() => IncidentConnection, { description: "incidents of the caller's department, or of the covered region for the authority / operator; newest first" })
  async securityIncidents(@Args(() => PageArgs) page: PageArgs, @Ctx() ctx: SecurityContext) {
    const user = requireUser(ctx);
    const qb = ctx.ds.getRepository(SecurityIncident).createQueryBuilder('i');
    if (hasRole(user, 'authority', 'platform-operator') && user.region) {
      const c = coveredRegionSql('i.regionCode', user.region);
      qb.where(`(${c.sql} OR i.departmentId = :own)`, { ...c.params, own: user.department ?? '' });
    } else {
      qb.where('i.departmentId = :own', { own: user.department ?? '' });
    }
    const conn = await paginate(qb, page);
    await ctx.audit({ action: 'QUERY', items: ['securityIncident'], detail: `rows=${conn.edges.length}` });
    return conn;
  }

  @FieldResolver(() => String, { description: 'what happened' })
  description(@Root() i: SecurityIncident, @Ctx() ctx: SecurityContext): string {
    return sm4Decrypt(i.descriptionEnc, ctx.keyring);
  }
}
