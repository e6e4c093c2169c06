// Security incidents (000 §24): report, notify the authority, close; read and list (audited).
import {
  assertDepartmentAccess, ConnectionType, coveredRegionSql, ForbiddenError, hasRole, NotFoundError, PageArgs, paginate, requireUser,
} from '@gov/kit';
import { sm4Decrypt } from '@gov/gm-crypto';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { SecurityContext } from '../context';
import { SecurityIncident } from '../entities/security-incident';
import { EmergencyPlan } from '../entities/emergency-plan';
import { close, notifyAuthority, report } from '../domain/incidents';
import { CloseIncidentInput, ReportIncidentInput } from './incident.input';

const IncidentConnection = ConnectionType(SecurityIncident, 'SecurityIncident');
const REPORTERS = ['authority', 'platform-operator', 'dept-admin'] as const;

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
    const reporter = { ...user, department: user.department, region: user.region };
    return ctx.ds.transaction(async (m) => {
      const i = await report(m, ctx.keyring, reporter, input);
      await ctx.audit({ action: 'UPDATE', resourceId: i.resourceId, items: ['securityIncident'], detail: `incident ${i.id} reported severity=${i.severity}` }, m);
      return i;
    });
  }

  @Authorized(...REPORTERS)
  @Mutation(() => SecurityIncident, { description: 'notify the authority of an incident (idempotent: the first notification time stays)' })
  async notifyAuthorityOfIncident(@Arg('id', () => ID) id: string, @Ctx() ctx: SecurityContext): Promise<SecurityIncident> {
    const i = await load(ctx, id);
    assertDepartmentAccess(requireUser(ctx), i, 'write', `incident ${id}`);
    return ctx.ds.transaction(async (m) => {
      const notified = await notifyAuthority(m, i);
      await ctx.audit({ action: 'UPDATE', items: ['securityIncident'], detail: `incident ${id} authority notified${i.authorityNotifiedAt ? ' (already)' : ''}` }, m);
      return notified;
    });
  }

  @Authorized('authority', 'platform-operator')
  @Mutation(() => SecurityIncident, { description: 'close an incident: only after the authority was notified, with a summary' })
  async closeSecurityIncident(@Arg('input', () => CloseIncidentInput) input: CloseIncidentInput, @Ctx() ctx: SecurityContext): Promise<SecurityIncident> {
    const user = requireUser(ctx);
    const i = await load(ctx, input.id);
    assertDepartmentAccess(user, i, 'write', `incident ${input.id}`);
    return ctx.ds.transaction(async (m) => {
      const closed = await close(m, i, input.summary, user.username);
      await ctx.audit({ action: 'UPDATE', items: ['securityIncident'], detail: `incident ${i.id} closed` }, m);
      return closed;
    });
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

  @FieldResolver(() => EmergencyPlan, { nullable: true, description: 'the registered plan invoked (readers of the incident see it)' })
  plan(@Root() i: SecurityIncident, @Ctx() ctx: SecurityContext): Promise<EmergencyPlan | null> | null {
    return i.emergencyPlanId ? ctx.ds.getRepository(EmergencyPlan).findOneBy({ id: i.emergencyPlanId }) : null;
  }

  @FieldResolver(() => String, { description: 'what happened' })
  description(@Root() i: SecurityIncident, @Ctx() ctx: SecurityContext): string {
    return sm4Decrypt(i.descriptionEnc, ctx.keyring);
  }
}
