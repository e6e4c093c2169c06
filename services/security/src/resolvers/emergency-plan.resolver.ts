// Emergency plans and drills (000 §24, 003 §32(二)): register, revise (versioned), record drills; read and list
// (audited). Texts, participants and findings are SM4-encrypted at rest and decrypted only for readers.
import {
  BadUserInputError, ConnectionType, ForbiddenError, hasRole, NotFoundError, PageArgs, paginate, requireUser, type User,
} from '@gov/kit';
import { sm4Decrypt } from '@gov/gm-crypto';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { SecurityContext } from '../context';
import { EmergencyDrill, EmergencyPlan, EmergencyPlanVersion } from '../entities/emergency-plan';
import { Department } from '../entities/refs';
import { drillDue, overdueSql, recordDrill, registerPlan, revisePlan, type PlanOwner } from '../domain/emergency-plans';
import { EmergencyDrillInput, EmergencyPlanFilter, EmergencyPlanInput, ReviseEmergencyPlanInput } from './emergency-plan.input';
import { canReadPlan, restrictPlansToReadable } from './visibility';

const EmergencyPlanConnection = ConnectionType(EmergencyPlan, 'EmergencyPlan');
const KEEPERS = ['authority', 'platform-operator', 'dept-admin'] as const;
const READERS = ['authority', 'platform-operator', 'dept-admin', 'dept-approver', 'dept-user', 'service'] as const;

function owner(user: User): PlanOwner {
  if (!user.department || !user.region) throw new ForbiddenError('an emergency plan belongs to a department');
  return { ...user, department: user.department, region: user.region };
}

/** The plan of the caller's own department (the keeper of a plan is its department, 000 §24). */
async function ownPlan(ctx: SecurityContext, id: string): Promise<EmergencyPlan> {
  const user = requireUser(ctx);
  const p = await ctx.ds.getRepository(EmergencyPlan).findOneBy({ id });
  if (!p || !canReadPlan(user, p)) throw new NotFoundError('EmergencyPlan', id);
  if (p.departmentId !== user.department) throw new ForbiddenError(`only department ${p.departmentId} keeps plan ${id}`);
  return p;
}

@Resolver(() => EmergencyPlan)
export class EmergencyPlanResolver {
  @Authorized(...KEEPERS)
  @Mutation(() => EmergencyPlan, { description: "register an emergency plan of the caller's department (000 §24); version 1" })
  async registerEmergencyPlan(@Arg('input', () => EmergencyPlanInput) input: EmergencyPlanInput, @Ctx() ctx: SecurityContext): Promise<EmergencyPlan> {
    const user = requireUser(ctx);
    if (input.regionWide && !hasRole(user, 'authority', 'platform-operator')) throw BadUserInputError.field('regionWide', 'only the authority or the platform operator keeps the region-wide plan');
    return ctx.ds.transaction(async (m) => {
      const p = await registerPlan(m, ctx.keyring, owner(user), input);
      await ctx.audit({ action: 'UPDATE', items: ['emergencyPlan'], detail: `emergency plan ${p.id} registered${p.regionWide ? ' (region-wide)' : ''}` }, m);
      return p;
    });
  }

  @Authorized(...KEEPERS)
  @Mutation(() => EmergencyPlan, { description: "a new version of the department's plan; the same text again changes nothing" })
  async reviseEmergencyPlan(@Arg('input', () => ReviseEmergencyPlanInput) input: ReviseEmergencyPlanInput, @Ctx() ctx: SecurityContext): Promise<EmergencyPlan> {
    const p = await ownPlan(ctx, input.id);
    return ctx.ds.transaction(async (m) => {
      const { plan, changed } = await revisePlan(m, ctx.keyring, p.id, input, requireUser(ctx).username);
      await ctx.audit({ action: 'UPDATE', items: ['emergencyPlan'], detail: `emergency plan ${p.id} ${changed ? `revised to version ${plan.version}` : 'unchanged'}` }, m);
      return plan;
    });
  }

  @Authorized(...KEEPERS)
  @Mutation(() => EmergencyDrill, { description: 'record a drill of the department\'s plan (003 §32(二)); the same drill again is a no-op' })
  async recordEmergencyDrill(@Arg('input', () => EmergencyDrillInput) input: EmergencyDrillInput, @Ctx() ctx: SecurityContext): Promise<EmergencyDrill> {
    const p = await ownPlan(ctx, input.planId);
    return ctx.ds.transaction(async (m) => {
      const { drill, existed } = await recordDrill(m, ctx.keyring, p, input, requireUser(ctx).username);
      await ctx.audit({ action: 'UPDATE', items: ['emergencyDrill'], detail: `drill ${drill.id} of plan ${p.id} on ${input.drilledOn}${existed ? ' (already recorded)' : ''}`,
        done: existed ? null : { type: 'EMERGENCY_DRILL', id: p.id, title: `应急演练：${p.title.slice(0, 60)}`, departmentId: p.departmentId, regionCode: p.regionCode, outcome: 'DRILLED' } }, m);
      return drill;
    });
  }

  @Authorized(...READERS)
  @Query(() => EmergencyPlan, { nullable: true, description: 'one plan: its department, the authority / operator of a covering region; a region-wide plan also the departments it covers' })
  async emergencyPlan(@Arg('id', () => ID) id: string, @Ctx() ctx: SecurityContext): Promise<EmergencyPlan | null> {
    const p = await ctx.ds.getRepository(EmergencyPlan).findOneBy({ id });
    if (!p) return null;
    if (!canReadPlan(requireUser(ctx), p)) throw new ForbiddenError(`not allowed to read emergency plan ${id}`);
    await ctx.audit({ action: 'ACCESS', items: ['emergencyPlan'], detail: `emergency plan ${id}` });
    return p;
  }

  @Authorized(...READERS)
  @Query(() => EmergencyPlanConnection, { description: "plans of the caller's department (and the region-wide plans covering it), or of the covered region for the authority / operator; filter by department and overdue drill" })
  async emergencyPlans(
    @Arg('filter', () => EmergencyPlanFilter, { nullable: true }) filter: EmergencyPlanFilter | null,
    @Args(() => PageArgs) page: PageArgs, @Ctx() ctx: SecurityContext,
  ) {
    const qb = restrictPlansToReadable(ctx.ds.getRepository(EmergencyPlan).createQueryBuilder('p'), requireUser(ctx));
    if (filter?.departmentId) qb.andWhere('p.departmentId = :epFilterDept', { epFilterDept: filter.departmentId });
    if (filter?.drillOverdue != null) {
      const o = overdueSql('p');
      qb.andWhere(filter.drillOverdue ? o.sql : `NOT ${o.sql}`, o.params);
    }
    const conn = await paginate(qb, page);
    await ctx.audit({ action: 'QUERY', items: ['emergencyPlan'], detail: `emergency plans rows=${conn.edges.length}` });
    return conn;
  }

  @FieldResolver(() => String, { description: 'the text of the current version' })
  async text(@Root() p: EmergencyPlan, @Ctx() ctx: SecurityContext): Promise<string> {
    const v = await ctx.ds.getRepository(EmergencyPlanVersion).findOneByOrFail({ planId: p.id, version: p.version });
    return sm4Decrypt(v.textEnc, ctx.keyring);
  }

  @FieldResolver(() => [EmergencyPlanVersion], { description: 'every version, newest first' })
  versions(@Root() p: EmergencyPlan, @Ctx() ctx: SecurityContext): Promise<EmergencyPlanVersion[]> {
    return ctx.ds.getRepository(EmergencyPlanVersion).find({ where: { planId: p.id }, order: { version: 'DESC' } });
  }

  @FieldResolver(() => [EmergencyDrill], { description: 'drills of the plan, newest first (at most 50)' })
  drills(@Root() p: EmergencyPlan, @Ctx() ctx: SecurityContext): Promise<EmergencyDrill[]> {
    return ctx.ds.getRepository(EmergencyDrill).find({ where: { planId: p.id }, order: { drilledOn: 'DESC' }, take: 50 });
  }

  @FieldResolver(() => String, { description: 'the yearly drill is due on this China date: a year after the latest drill, or at registration if never drilled (calendar days, no working-day calendar involved)' })
  drillDueOn(@Root() p: EmergencyPlan): string {
    return drillDue(p).dueOn;
  }

  @FieldResolver(() => Department, { description: 'the department the plan is for (its name from catalog)' })
  department(@Root() p: EmergencyPlan): Department {
    return { id: p.departmentId };
  }

  @FieldResolver(() => Boolean, { description: 'no drill in the last year (003 §32(二) 定期组织应急演练)' })
  drillOverdue(@Root() p: EmergencyPlan): boolean {
    return drillDue(p).overdue;
  }
}

@Resolver(() => EmergencyDrill)
export class EmergencyDrillResolver {
  @FieldResolver(() => [String])
  participants(@Root() d: EmergencyDrill, @Ctx() ctx: SecurityContext): string[] {
    return JSON.parse(sm4Decrypt(d.participantsEnc, ctx.keyring)) as string[];
  }

  @FieldResolver(() => String)
  findings(@Root() d: EmergencyDrill, @Ctx() ctx: SecurityContext): string {
    return sm4Decrypt(d.findingsEnc, ctx.keyring);
  }

  @FieldResolver(() => [String])
  followUpActions(@Root() d: EmergencyDrill, @Ctx() ctx: SecurityContext): string[] {
    return JSON.parse(sm4Decrypt(d.followUpEnc, ctx.keyring)) as string[];
  }
}

@Resolver(() => EmergencyPlanVersion)
export class EmergencyPlanVersionResolver {
  @FieldResolver(() => String)
  text(@Root() v: EmergencyPlanVersion, @Ctx() ctx: SecurityContext): string {
    return sm4Decrypt(v.textEnc, ctx.keyring);
  }
}
