// The demand list (000 §17): a department asks a holder for data that is not catalogued; the two negotiate, the
// authority arbitrates a dispute (or refers it to the city government), the holder fulfils an agreed demand.
import {
  BadUserInputError, ConflictError, ConnectionType, ForbiddenError, hasRole, NotFoundError, PageArgs, paginate, regionCovers, requireDepartment,
  requireUser, STAFF, type AuditEntry,
} from '@gov/kit';
import type { DemandEvent } from '@gov/workflows';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { CatalogContext } from '../context';
import { Demand, DemandMessage } from '../entities/demand';
import { DataResource } from '../entities/data-resource';
import { DemandStatus, EscalationLevel, ResourceStatus } from '../entities/enums';
import { FINAL_DEMAND, openDemand, raise, sideOf, transition, type DemandSide } from '../domain/demands';
import { departmentOrFail } from '../domain/inventory';
import { demandAnsweredNotice, demandArbitratedNotice, demandConcludedNotice, demandFulfilledNotice, demandRaisedNotice } from '../domain/notices';
import { ArbitrationDecision, DemandInputType } from './demand.input';
import { restrictDemands } from './visibility';

const DemandConnection = ConnectionType(Demand, 'Demand');
const DemandMessageConnection = ConnectionType(DemandMessage, 'DemandMessage');
const OPEN_STEPS = [DemandStatus.OPEN, DemandStatus.NEGOTIATING, DemandStatus.ESCALATED];

@Resolver(() => Demand)
export class DemandResolver {
  private async load(ctx: CatalogContext, id: string): Promise<{ d: Demand; side: DemandSide }> {
    const d = await ctx.ds.getRepository(Demand).findOneBy({ id });
    if (!d) throw new NotFoundError('Demand', id);
    const s = sideOf(requireUser(ctx), d);
    if (!s) throw new ForbiddenError(`not a party to demand ${id}`);
    return { d, side: s };
  }

  /** One transaction: the transition and its audit record. */
  private step(
    ctx: CatalogContext, d: Demand, from: DemandStatus[], to: Partial<Demand>, message: { kind: string; body: string }, event: DemandEvent | null,
    audit: AuditEntry = { action: 'UPDATE', resourceId: d.id, detail: `demand ${message.kind.toLowerCase()}` },
  ): Promise<Demand> {
    return ctx.ds.transaction(async (m) => {
      const next = await transition(m, ctx, requireUser(ctx), d, from, to, message, event);
      await ctx.audit(audit, m);
      return next;
    });
  }

  @Authorized('dept-admin', 'dept-user')
  @Mutation(() => Demand, { description: '000 §17: ask a holder for data that is not catalogued; a retry with the same title returns the open demand' })
  async raiseDemand(@Arg('input', () => DemandInputType) input: DemandInputType, @Ctx() ctx: CatalogContext): Promise<Demand> {
    const user = requireDepartment(ctx);
    const holder = await departmentOrFail(ctx.ds.manager, input.holderDepartmentId, 'holderDepartmentId');
    if (holder.id === user.department) throw BadUserInputError.field('holderDepartmentId', 'a department does not ask itself');
    if (!regionCovers(holder.regionCode, user.region) && !regionCovers(user.region, holder.regionCode)) {
      throw BadUserInputError.field('holderDepartmentId', 'the holder is outside the city and counties of your region');
    }
    return ctx.ds.transaction(async (m) => {
      const open = await openDemand(m, user.department, holder.id, input.title);
      const d = open ?? await raise(m, ctx, user, holder, input, { answerWorkingDays: ctx.demandAnswerWorkingDays, arbitrationWorkingDays: ctx.demandArbitrationWorkingDays });
      await ctx.audit({ action: 'UPDATE', resourceId: d.id, detail: open ? 'demand already open' : `demand raised to ${holder.id}`, notify: open ? null : demandRaisedNotice(d) }, m);
      return d;
    });
  }

  @Authorized('dept-admin', 'dept-user')
  @Mutation(() => Demand, { description: "a message in the negotiation thread; the holder's first message is its answer" })
  async postDemandMessage(@Arg('id', () => ID) id: string, @Arg('body') body: string, @Ctx() ctx: CatalogContext): Promise<Demand> {
    if (!body.trim() || body.length > 4000) throw BadUserInputError.field('body', '1-4000 characters');
    const { d, side: s } = await this.load(ctx, id);
    if (s !== 'REQUESTER' && s !== 'HOLDER') throw new ForbiddenError('only the two departments negotiate');
    if (FINAL_DEMAND.includes(d.status)) throw new ConflictError(`demand ${id} is closed (${d.status})`);
    if (s === 'HOLDER' && d.status === DemandStatus.OPEN) {
      if (!hasRole(requireUser(ctx), 'dept-admin')) throw new ForbiddenError("the holder's data administrator answers");
      return this.step(ctx, d, [DemandStatus.OPEN], { status: DemandStatus.NEGOTIATING, deadline: null }, { kind: 'ANSWER', body }, { kind: 'ANSWERED' }, {
        action: 'UPDATE', resourceId: d.id, detail: 'demand answer', notify: demandAnsweredNotice(d),
        done: { type: 'DEMAND_ANSWER', id: d.id, stage: d.status, title: `需求答复：${d.title.slice(0, 60)}`, departmentId: d.holderDepartmentId, regionCode: d.holderRegionCode, outcome: 'ANSWERED' },
      });
    }
    return this.step(ctx, d, [d.status], {}, { kind: 'MESSAGE', body }, null);
  }

  @Authorized('dept-admin')
  @Mutation(() => Demand, { description: 'either department concludes the negotiation: agreement, or disagreement that goes to the authority (000 §17)' })
  async concludeDemandNegotiation(
    @Arg('id', () => ID) id: string, @Arg('agreed') agreed: boolean, @Arg('note', () => String, { nullable: true }) note: string | null, @Ctx() ctx: CatalogContext,
  ): Promise<Demand> {
    const { d, side: s } = await this.load(ctx, id);
    if (s !== 'REQUESTER' && s !== 'HOLDER') throw new ForbiddenError('only the two departments conclude a negotiation');
    if (!agreed && !note?.trim()) throw BadUserInputError.field('note', 'a disagreement states what is disputed');
    const audit = (kind: string): AuditEntry => ({ action: 'UPDATE', resourceId: d.id, detail: `demand ${kind.toLowerCase()}`, notify: demandConcludedNotice(d, agreed, s === 'HOLDER') });
    if (agreed) return this.step(ctx, d, [DemandStatus.NEGOTIATING], { status: DemandStatus.AGREED, resolution: note ?? null }, { kind: 'AGREED', body: note ?? '达成一致' }, { kind: 'AGREED' }, audit('AGREED'));
    return this.step(ctx, d, [DemandStatus.OPEN, DemandStatus.NEGOTIATING], { status: DemandStatus.ESCALATED, escalationLevel: EscalationLevel.AUTHORITY },
      { kind: 'DISAGREED', body: note! }, { kind: 'DISAGREED' }, audit('DISAGREED'));
  }

  @Authorized('authority')
  @Mutation(() => Demand, { description: '000 §17: the authority settles a disputed demand, or refers it to the city government and records its decision' })
  async arbitrateDemand(
    @Arg('id', () => ID) id: string, @Arg('decision', () => ArbitrationDecision) decision: ArbitrationDecision, @Arg('note') note: string, @Ctx() ctx: CatalogContext,
  ): Promise<Demand> {
    const { d, side: s } = await this.load(ctx, id);
    if (s !== 'AUTHORITY') throw new ForbiddenError("only the authority over the holder's region arbitrates");
    if (!note.trim()) throw BadUserInputError.field('note', 'an arbitration states its reasons');
    if (d.escalationLevel === EscalationLevel.NONE) throw new ConflictError('this demand has not been escalated');
    const by = d.escalationLevel === EscalationLevel.CITY_GOVERNMENT ? '市政府协调' : '行政审批局召集协商';
    const audit: AuditEntry = { action: 'APPROVE', resourceId: d.id, detail: `demand arbitration decision=${decision} level=${d.escalationLevel}`,
      notify: demandArbitratedNotice(d, decision),
      done: d.escalationLevel === EscalationLevel.AUTHORITY
        ? { type: 'DEMAND_ARBITRATION', id: d.id, stage: d.escalationLevel, title: `需求协调：${d.title.slice(0, 60)}`, departmentId: d.holderDepartmentId, regionCode: d.holderRegionCode, outcome: decision }
        : null };
    if (decision === ArbitrationDecision.REFER_TO_CITY_GOVERNMENT) {
      if (d.escalationLevel === EscalationLevel.CITY_GOVERNMENT) throw new ConflictError('already before the city government');
      return this.step(ctx, d, OPEN_STEPS, { status: DemandStatus.ESCALATED, escalationLevel: EscalationLevel.CITY_GOVERNMENT, deadline: null },
        { kind: 'REFERRED', body: note }, { kind: 'REFERRED' }, audit);
    }
    if (decision === ArbitrationDecision.PROVIDE) {
      return this.step(ctx, d, OPEN_STEPS, { status: DemandStatus.AGREED, resolution: `${by}：${note}`, deadline: null }, { kind: 'ARBITRATED', body: note }, { kind: 'AGREED' }, audit);
    }
    return this.step(ctx, d, OPEN_STEPS, { status: DemandStatus.REFUSED, resolution: `${by}：${note}`, deadline: null }, { kind: 'ARBITRATED', body: note }, { kind: 'REFUSED' }, audit);
  }

  @Authorized('dept-admin')
  @Mutation(() => Demand, { description: 'the holder closes an agreed demand with the entry it published and mounted (000 §17)' })
  async fulfilDemand(@Arg('id', () => ID) id: string, @Arg('resourceId', () => ID) resourceId: string, @Ctx() ctx: CatalogContext): Promise<Demand> {
    const { d, side: s } = await this.load(ctx, id);
    if (s !== 'HOLDER') throw new ForbiddenError('only the holder fulfils a demand');
    const r = await ctx.ds.getRepository(DataResource).findOneBy({ id: resourceId });
    if (!r || r.departmentId !== d.holderDepartmentId) throw BadUserInputError.field('resourceId', 'not a catalog entry of the holder');
    if (r.status !== ResourceStatus.PUBLISHED) throw BadUserInputError.field('resourceId', 'the entry must be published first');
    if (!r.mountKind) throw BadUserInputError.field('resourceId', 'the entry must be mounted first (000 §13)');
    return this.step(ctx, d, [DemandStatus.AGREED], { status: DemandStatus.FULFILLED, resourceId }, { kind: 'FULFILLED', body: r.name }, { kind: 'FULFILLED' },
      { action: 'UPDATE', resourceId, detail: `demand ${d.id} fulfilled`, notify: demandFulfilledNotice(d) });
  }

  @Authorized(...STAFF)
  @Query(() => Demand, { nullable: true })
  async demand(@Arg('id', () => ID) id: string, @Ctx() ctx: CatalogContext): Promise<Demand> {
    const { d } = await this.load(ctx, id);
    await ctx.audit({ action: 'ACCESS', resourceId: d.id, detail: 'demand' });
    return d;
  }

  @Authorized(...STAFF)
  @Query(() => DemandConnection, { description: 'demands the caller is party to or oversees, newest first' })
  async demands(
    @Arg('status', () => DemandStatus, { nullable: true }) status: DemandStatus | null,
    @Arg('escalationLevel', () => EscalationLevel, { nullable: true }) escalationLevel: EscalationLevel | null,
    @Args(() => PageArgs) page: PageArgs, @Ctx() ctx: CatalogContext,
  ) {
    const qb = restrictDemands(ctx.ds.getRepository(Demand).createQueryBuilder('d'), requireUser(ctx));
    if (status) qb.andWhere('d.status = :dmStatus', { dmStatus: status });
    if (escalationLevel) qb.andWhere('d.escalationLevel = :dmLevel', { dmLevel: escalationLevel });
    const conn = await paginate(qb, page);
    await ctx.audit({ action: 'QUERY', detail: `demands rows=${conn.edges.length}` });
    return conn;
  }

  @FieldResolver(() => DemandMessageConnection, { description: 'the negotiation thread, newest first' })
  messages(@Root() d: Demand, @Args(() => PageArgs) page: PageArgs, @Ctx() ctx: CatalogContext) {
    return paginate(ctx.ds.getRepository(DemandMessage).createQueryBuilder('m').where('m.demandId = :md', { md: d.id }), page);
  }
}
