// The information-system inventory and coverage (002 §2(3)), the responsibility list and the demand list (000 §4,7,17).
import { randomUUID } from 'node:crypto';
import {
  BadUserInputError, canAccessDepartment, ConflictError, ConnectionType, coveredRegionSql, ForbiddenError, hasRole, NotFoundError, PageArgs, paginate,
  regionCovers, requireUser, type User,
} from '@gov/kit';
import {
  DEFAULT_DEMAND_ANSWER_WORKING_DAYS, DEFAULT_DEMAND_ARBITRATION_WORKING_DAYS, demandEventSignal, demandWorkflowId, workflowQueue, type DemandEvent,
  type DemandInput,
} from '@gov/workflows';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import { ArrayMaxSize, IsOptional, Length, MaxLength } from 'class-validator';
import {
  Arg, Args, Authorized, Ctx, Field, FieldResolver, Float, ID, InputType, Int, Mutation, ObjectType, Query, registerEnumType, Resolver, Root,
} from 'type-graphql';
import { In, type EntityManager } from 'typeorm';
import { Demand, DemandMessage, InformationSystem, ResponsibilityItem } from '../entities/catalog-extra';
import { DataResource } from '../entities/data-resource';
import { Department } from '../entities/department';
import { DemandStatus, EscalationLevel, ResourceStatus } from '../entities/enums';
import type { CatalogContext } from '../context';
import { STAFF } from './data-resource.resolver';
import { canReadResource } from './visibility';

const InformationSystemConnection = ConnectionType(InformationSystem, 'InformationSystem');
const ResponsibilityItemConnection = ConnectionType(ResponsibilityItem, 'ResponsibilityItem');
const DemandConnection = ConnectionType(Demand, 'Demand');
const DemandMessageConnection = ConnectionType(DemandMessage, 'DemandMessage');

export enum ArbitrationDecision { PROVIDE = 'PROVIDE', NOT_PROVIDE = 'NOT_PROVIDE', REFER_TO_CITY_GOVERNMENT = 'REFER_TO_CITY_GOVERNMENT' }
registerEnumType(ArbitrationDecision, { name: 'ArbitrationDecision', description: 'what the authority (or, after referral, the city government) decides (000 §17)' });

@ObjectType({ description: 'catalog coverage: inventoried systems with at least one published entry ÷ all inventoried systems' })
export class CatalogCoverage {
  @Field(() => Int) systems: number;
  @Field(() => Int) coveredSystems: number;
  @Field(() => Float, { description: '0..1; 0 when no system is inventoried' }) ratio: number;
  @Field(() => [InformationSystem], { description: 'systems with no published entry yet' }) uncovered: InformationSystem[];
}

@InputType()
export class DemandInputType {
  @Field() @Length(1, 40) holderDepartmentId: string;
  @Field() @Length(1, 200) title: string;
  @Field() @Length(1, 4000) description: string;
  @Field(() => [String], { defaultValue: [] }) @ArrayMaxSize(200) @Length(1, 128, { each: true }) items: string[];
}

@InputType()
export class InformationSystemInput {
  @Field() @Length(1, 200) name: string;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(2000) description?: string | null;
}

/** The department's region, or NOT_FOUND for an unknown department (before any scope check). */
async function regionOfKnownDepartment(ctx: CatalogContext, id: string): Promise<string> {
  const d = await ctx.departmentById.load(id);
  if (!d) throw new NotFoundError('Department', id);
  return d.regionCode;
}

/** Staff of a region that covers the department's, or of a county reading the city's lists (市县一体化). */
function canReadLists(user: User, departmentId: string, regionCode: string): boolean {
  if (canAccessDepartment(user, { departmentId, regionCode }, 'read')) return true;
  if (!user.region || (hasRole(user, 'public') && user.roles.length === 1)) return false;
  return regionCovers(user.region, regionCode) || regionCovers(regionCode, user.region);
}

async function departmentOrFail(m: EntityManager, id: string, field: string): Promise<Department> {
  const d = await m.getRepository(Department).findOneBy({ id });
  if (!d) throw BadUserInputError.field(field, `no department ${id}`);
  return d;
}

@Resolver(() => InformationSystem)
export class InformationSystemResolver {
  @Authorized('dept-admin')
  @Mutation(() => InformationSystem, { description: "add a system to the caller's department inventory (002 §2(3))" })
  async registerInformationSystem(@Arg('input', () => InformationSystemInput) input: InformationSystemInput, @Ctx() ctx: CatalogContext): Promise<InformationSystem> {
    const user = requireUser(ctx);
    if (!user.department || !user.region) throw new ForbiddenError('the token carries no department/region');
    const repo = ctx.ds.getRepository(InformationSystem);
    const existing = await repo.findOneBy({ departmentId: user.department, name: input.name.trim() });
    if (existing) throw new ConflictError(`name: department ${user.department} already inventories a system named ${input.name}`);
    const id = randomUUID();
    await repo.insert({ id, departmentId: user.department, regionCode: user.region, name: input.name.trim(), description: input.description ?? null });
    return repo.findOneByOrFail({ id });
  }

  @Authorized(...STAFF)
  @Query(() => InformationSystemConnection)
  async informationSystems(@Arg('departmentId') departmentId: string, @Args(() => PageArgs) page: PageArgs, @Ctx() ctx: CatalogContext) {
    const user = requireUser(ctx);
    if (!canAccessDepartment(user, { departmentId, regionCode: await regionOfKnownDepartment(ctx, departmentId) }, 'read')) throw new ForbiddenError(`may not read the inventory of ${departmentId}`);
    return paginate(ctx.ds.getRepository(InformationSystem).createQueryBuilder('s').where('s.departmentId = :d', { d: departmentId }), page);
  }

  @Authorized(...STAFF)
  @Query(() => CatalogCoverage, { description: 'coverage of one department, or of a region (a city includes its counties)' })
  async catalogCoverage(
    @Arg('departmentId', () => String, { nullable: true }) departmentId: string | null,
    @Arg('regionCode', () => String, { nullable: true }) regionCode: string | null,
    @Ctx() ctx: CatalogContext,
  ): Promise<CatalogCoverage> {
    const user = requireUser(ctx);
    if (!departmentId === !regionCode) throw BadUserInputError.field('departmentId', 'give exactly one of departmentId and regionCode');
    const qb = ctx.ds.getRepository(InformationSystem).createQueryBuilder('s');
    if (departmentId) {
      if (!canAccessDepartment(user, { departmentId, regionCode: await regionOfKnownDepartment(ctx, departmentId) }, 'read')) throw new ForbiddenError(`may not read the coverage of ${departmentId}`);
      qb.where('s.departmentId = :d', { d: departmentId });
    } else {
      if (!user.isService && !(hasRole(user, 'authority', 'platform-operator', 'assessor') && user.region && regionCovers(user.region, regionCode!))) {
        throw new ForbiddenError(`may not read the coverage of region ${regionCode}`);
      }
      const { sql, params } = coveredRegionSql('s.regionCode', regionCode!);
      qb.where(sql, params);
    }
    const systems = await qb.orderBy('s.name', 'ASC').getMany();
    const coveredIds = new Set(systems.length ? (await ctx.ds.getRepository(DataResource).createQueryBuilder('r').select('DISTINCT r.sourceSystemId', 'id')
      .where('r.sourceSystemId IN (:...ids) AND r.status = :p', { ids: systems.map((s) => s.id), p: ResourceStatus.PUBLISHED }).getRawMany<{ id: string }>()).map((x) => x.id) : []);
    const covered = systems.filter((s) => coveredIds.has(s.id)).length;
    return { systems: systems.length, coveredSystems: covered, ratio: systems.length ? covered / systems.length : 0, uncovered: systems.filter((s) => !coveredIds.has(s.id)) };
  }
}

@Resolver(() => ResponsibilityItem)
export class ResponsibilityResolver {
  @Authorized('authority')
  @Mutation(() => ResponsibilityItem, { description: '000 §4,7: the authority publishes what a department must share' })
  async publishResponsibilityItem(
    @Arg('departmentId') departmentId: string, @Arg('name') name: string, @Arg('description', () => String, { nullable: true }) description: string | null,
    @Ctx() ctx: CatalogContext,
  ): Promise<ResponsibilityItem> {
    const user = requireUser(ctx);
    if (!name.trim() || name.length > 200) throw BadUserInputError.field('name', '1-200 characters');
    const dept = await departmentOrFail(ctx.ds.manager, departmentId, 'departmentId');
    if (!user.region || !regionCovers(user.region, dept.regionCode)) throw new ForbiddenError('this department is outside your authority');
    const repo = ctx.ds.getRepository(ResponsibilityItem);
    const same = await repo.findOneBy({ departmentId, name: name.trim() });
    if (same) return same; // publishing the same line twice is harmless
    const id = randomUUID();
    await repo.insert({ id, departmentId, regionCode: dept.regionCode, name: name.trim(), description, resourceId: null, publishedBy: user.username });
    return repo.findOneByOrFail({ id });
  }

  @Authorized('dept-admin')
  @Mutation(() => ResponsibilityItem, { description: 'the department names the catalog entry that answers a line of its responsibility list' })
  async linkResponsibilityItem(@Arg('id', () => ID) id: string, @Arg('resourceId', () => ID) resourceId: string, @Ctx() ctx: CatalogContext): Promise<ResponsibilityItem> {
    const user = requireUser(ctx);
    const repo = ctx.ds.getRepository(ResponsibilityItem);
    const item = await repo.findOneBy({ id });
    if (!item) throw new NotFoundError('ResponsibilityItem', id);
    if (user.department !== item.departmentId) throw new ForbiddenError('only the listed department links its responsibility items');
    const r = await ctx.ds.getRepository(DataResource).findOneBy({ id: resourceId });
    if (!r || r.departmentId !== item.departmentId) throw BadUserInputError.field('resourceId', "not a catalog entry of the listed department");
    await repo.update({ id }, { resourceId });
    return repo.findOneByOrFail({ id });
  }

  @Authorized(...STAFF)
  @Query(() => ResponsibilityItemConnection, { description: "a department's responsibility list, with what is catalogued and mounted" })
  async responsibilityList(@Arg('departmentId') departmentId: string, @Args(() => PageArgs) page: PageArgs, @Ctx() ctx: CatalogContext) {
    if (!canReadLists(requireUser(ctx), departmentId, await regionOfKnownDepartment(ctx, departmentId))) throw new ForbiddenError(`may not read the lists of ${departmentId}`);
    return paginate(ctx.ds.getRepository(ResponsibilityItem).createQueryBuilder('l').where('l.departmentId = :d', { d: departmentId }), page);
  }

  @FieldResolver(() => Boolean, { description: 'the linked entry is published' })
  async catalogued(@Root() l: ResponsibilityItem, @Ctx() ctx: CatalogContext): Promise<boolean> {
    return !!l.resourceId && (await ctx.ds.getRepository(DataResource).existsBy({ id: l.resourceId, status: ResourceStatus.PUBLISHED }));
  }

  @FieldResolver(() => Boolean, { description: 'the linked entry is published and mounted (000 §13)' })
  async mounted(@Root() l: ResponsibilityItem, @Ctx() ctx: CatalogContext): Promise<boolean> {
    if (!l.resourceId) return false;
    const r = await ctx.ds.getRepository(DataResource).findOneBy({ id: l.resourceId });
    return !!r && r.status === ResourceStatus.PUBLISHED && r.mountKind !== null;
  }

  @FieldResolver(() => DataResource, { nullable: true })
  async resource(@Root() l: ResponsibilityItem, @Ctx() ctx: CatalogContext): Promise<DataResource | null> {
    if (!l.resourceId) return null;
    const r = await ctx.ds.getRepository(DataResource).findOneBy({ id: l.resourceId });
    return r && canReadResource(requireUser(ctx), r) ? r : null;
  }
}

// ---- demand list (000 §17) ----

const FINAL = [DemandStatus.FULFILLED, DemandStatus.REFUSED];

function side(user: User, d: Demand): 'REQUESTER' | 'HOLDER' | 'AUTHORITY' | 'OVERSIGHT' | null {
  if (user.department === d.requesterDepartmentId) return 'REQUESTER';
  if (user.department === d.holderDepartmentId) return 'HOLDER';
  const covers = (region: string) => !!user.region && regionCovers(user.region, region);
  if (hasRole(user, 'authority') && covers(d.holderRegionCode)) return 'AUTHORITY';
  if ((hasRole(user, 'authority', 'platform-operator', 'assessor') || user.isService) && (covers(d.holderRegionCode) || covers(d.requesterRegionCode) || user.isService)) return 'OVERSIGHT';
  return null;
}

@Resolver(() => Demand)
export class DemandResolver {
  private async load(ctx: CatalogContext, id: string): Promise<{ d: Demand; side: NonNullable<ReturnType<typeof side>> }> {
    const d = await ctx.ds.getRepository(Demand).findOneBy({ id });
    if (!d) throw new NotFoundError('Demand', id);
    const s = side(requireUser(ctx), d);
    if (!s) throw new ForbiddenError(`not a party to demand ${id}`);
    return { d, side: s };
  }

  private async signal(ctx: CatalogContext, id: string, event: DemandEvent): Promise<void> {
    await ctx.temporal.workflow.getHandle(demandWorkflowId(id)).signal(demandEventSignal, event);
  }

  /** One transaction: the row's status guard, the thread message, then the signal (if Temporal refuses, nothing changed). */
  private async transition(
    ctx: CatalogContext, d: Demand, from: DemandStatus[], to: Partial<Demand>, message: { kind: string; body: string }, event: DemandEvent | null,
  ): Promise<Demand> {
    const user = requireUser(ctx);
    return ctx.ds.transaction(async (m) => {
      const changed = await m.getRepository(Demand).update({ id: d.id, status: In(from) }, to);
      if (!changed.affected) throw new ConflictError(`demand ${d.id} is ${d.status}; this step needs ${from.join(' or ')}`);
      await m.getRepository(DemandMessage).insert({ id: randomUUID(), demandId: d.id, author: user.username, authorDepartmentId: user.department, kind: message.kind, body: message.body });
      if (event) await this.signal(ctx, d.id, event);
      return m.getRepository(Demand).findOneByOrFail({ id: d.id });
    });
  }

  @Authorized('dept-admin', 'dept-user')
  @Mutation(() => Demand, { description: '000 §17: ask a holder for data that is not catalogued; a retry with the same title returns the open demand' })
  async raiseDemand(@Arg('input', () => DemandInputType) input: DemandInputType, @Ctx() ctx: CatalogContext): Promise<Demand> {
    const user = requireUser(ctx);
    if (!user.department || !user.region) throw new ForbiddenError('the token carries no department/region');
    const holder = await departmentOrFail(ctx.ds.manager, input.holderDepartmentId, 'holderDepartmentId');
    if (holder.id === user.department) throw BadUserInputError.field('holderDepartmentId', 'a department does not ask itself');
    if (!regionCovers(holder.regionCode, user.region) && !regionCovers(user.region, holder.regionCode)) {
      throw BadUserInputError.field('holderDepartmentId', 'the holder is outside the city and counties of your region');
    }
    const repo = ctx.ds.getRepository(Demand);
    const open = await repo.createQueryBuilder('d').where('d.requesterDepartmentId = :r AND d.holderDepartmentId = :h AND d.title = :t AND d.status NOT IN (:...f)',
      { r: user.department, h: holder.id, t: input.title.trim(), f: FINAL }).getOne();
    if (open) return open;
    const id = randomUUID();
    return ctx.ds.transaction(async (m) => {
      await m.getRepository(Demand).insert({
        id, requesterDepartmentId: user.department!, requesterRegionCode: user.region!, holderDepartmentId: holder.id, holderRegionCode: holder.regionCode,
        title: input.title.trim(), description: input.description, items: input.items, status: DemandStatus.OPEN, escalationLevel: EscalationLevel.NONE,
        answerOverdue: false, createdBy: user.username,
      });
      await m.getRepository(DemandMessage).insert({ id: randomUUID(), demandId: id, author: user.username, authorDepartmentId: user.department, kind: 'REQUEST', body: input.description });
      const wf: DemandInput = {
        demandId: id, answerWorkingDays: ctx.demandAnswerWorkingDays ?? DEFAULT_DEMAND_ANSWER_WORKING_DAYS,
        arbitrationWorkingDays: ctx.demandArbitrationWorkingDays ?? DEFAULT_DEMAND_ARBITRATION_WORKING_DAYS,
      };
      try {
        await ctx.temporal.workflow.start('demandNegotiationWorkflow', { workflowId: demandWorkflowId(id), taskQueue: workflowQueue(ctx.taskQueuePrefix), args: [wf] });
      } catch (e) { if (!(e instanceof WorkflowExecutionAlreadyStartedError)) throw e; }
      return m.getRepository(Demand).findOneByOrFail({ id });
    });
  }

  @Authorized('dept-admin', 'dept-user')
  @Mutation(() => Demand, { description: "a message in the negotiation thread; the holder's first message is its answer" })
  async postDemandMessage(@Arg('id', () => ID) id: string, @Arg('body') body: string, @Ctx() ctx: CatalogContext): Promise<Demand> {
    if (!body.trim() || body.length > 4000) throw BadUserInputError.field('body', '1-4000 characters');
    const { d, side: s } = await this.load(ctx, id);
    if (s !== 'REQUESTER' && s !== 'HOLDER') throw new ForbiddenError('only the two departments negotiate');
    if (FINAL.includes(d.status)) throw new ConflictError(`demand ${id} is closed (${d.status})`);
    if (s === 'HOLDER' && d.status === DemandStatus.OPEN) {
      if (!hasRole(requireUser(ctx), 'dept-admin')) throw new ForbiddenError("the holder's data administrator answers");
      return this.transition(ctx, d, [DemandStatus.OPEN], { status: DemandStatus.NEGOTIATING, deadline: null }, { kind: 'ANSWER', body }, { kind: 'ANSWERED' });
    }
    return this.transition(ctx, d, [d.status], {}, { kind: 'MESSAGE', body }, null);
  }

  @Authorized('dept-admin')
  @Mutation(() => Demand, { description: 'either department concludes the negotiation: agreement, or disagreement that goes to the authority (000 §17)' })
  async concludeDemandNegotiation(
    @Arg('id', () => ID) id: string, @Arg('agreed') agreed: boolean, @Arg('note', () => String, { nullable: true }) note: string | null, @Ctx() ctx: CatalogContext,
  ): Promise<Demand> {
    const { d, side: s } = await this.load(ctx, id);
    if (s !== 'REQUESTER' && s !== 'HOLDER') throw new ForbiddenError('only the two departments conclude a negotiation');
    if (!agreed && !note?.trim()) throw BadUserInputError.field('note', 'a disagreement states what is disputed');
    if (agreed) return this.transition(ctx, d, [DemandStatus.NEGOTIATING], { status: DemandStatus.AGREED, resolution: note ?? null }, { kind: 'AGREED', body: note ?? '达成一致' }, { kind: 'AGREED' });
    return this.transition(ctx, d, [DemandStatus.OPEN, DemandStatus.NEGOTIATING], { status: DemandStatus.ESCALATED, escalationLevel: EscalationLevel.AUTHORITY },
      { kind: 'DISAGREED', body: note! }, { kind: 'DISAGREED' });
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
    await ctx.audit({ action: 'APPROVE', resourceId: d.id, detail: `demand arbitration decision=${decision} level=${d.escalationLevel}` });
    if (decision === ArbitrationDecision.REFER_TO_CITY_GOVERNMENT) {
      if (d.escalationLevel === EscalationLevel.CITY_GOVERNMENT) throw new ConflictError('already before the city government');
      return this.transition(ctx, d, [DemandStatus.OPEN, DemandStatus.NEGOTIATING, DemandStatus.ESCALATED], { status: DemandStatus.ESCALATED, escalationLevel: EscalationLevel.CITY_GOVERNMENT, deadline: null },
        { kind: 'REFERRED', body: note }, { kind: 'REFERRED' });
    }
    if (decision === ArbitrationDecision.PROVIDE) {
      return this.transition(ctx, d, [DemandStatus.OPEN, DemandStatus.NEGOTIATING, DemandStatus.ESCALATED], { status: DemandStatus.AGREED, resolution: `${by}：${note}`, deadline: null },
        { kind: 'ARBITRATED', body: note }, { kind: 'AGREED' });
    }
    return this.transition(ctx, d, [DemandStatus.OPEN, DemandStatus.NEGOTIATING, DemandStatus.ESCALATED], { status: DemandStatus.REFUSED, resolution: `${by}：${note}`, deadline: null },
      { kind: 'ARBITRATED', body: note }, { kind: 'REFUSED' });
  }

  @Authorized('dept-admin')
  @Mutation(() => Demand, { description: 'the holder closes an agreed demand with the entry it published and mounted (000 §17)' })
  async fulfilDemand(@Arg('id', () => ID) id: string, @Arg('resourceId', () => ID) resourceId: string, @Ctx() ctx: CatalogContext): Promise<Demand> {
    const { d, side: s } = await this.load(ctx, id);
    if (s !== 'HOLDER') throw new ForbiddenError('only the holder fulfils a demand');
    const r = await ctx.ds.getRepository(DataResource).findOneBy({ id: resourceId });
    if (!r || r.departmentId !== d.holderDepartmentId) throw BadUserInputError.field('resourceId', "not a catalog entry of the holder");
    if (r.status !== ResourceStatus.PUBLISHED) throw BadUserInputError.field('resourceId', 'the entry must be published first');
    if (!r.mountKind) throw BadUserInputError.field('resourceId', 'the entry must be mounted first (000 §13)');
    return this.transition(ctx, d, [DemandStatus.AGREED], { status: DemandStatus.FULFILLED, resourceId }, { kind: 'FULFILLED', body: r.name }, { kind: 'FULFILLED' });
  }

  @Authorized(...STAFF)
  @Query(() => Demand, { nullable: true })
  async demand(@Arg('id', () => ID) id: string, @Ctx() ctx: CatalogContext): Promise<Demand> {
    return (await this.load(ctx, id)).d;
  }

  @Authorized(...STAFF)
  @Query(() => DemandConnection, { description: 'demands the caller is party to or oversees, newest first' })
  demands(
    @Arg('status', () => DemandStatus, { nullable: true }) status: DemandStatus | null,
    @Arg('escalationLevel', () => EscalationLevel, { nullable: true }) escalationLevel: EscalationLevel | null,
    @Args(() => PageArgs) page: PageArgs, @Ctx() ctx: CatalogContext,
  ) {
    const user = requireUser(ctx);
    const qb = ctx.ds.getRepository(Demand).createQueryBuilder('d');
    if (!user.isService) {
      const clauses = ['d.requesterDepartmentId = :dmDept', 'd.holderDepartmentId = :dmDept'];
      const params: Record<string, string> = { dmDept: user.department ?? '-' };
      if (hasRole(user, 'authority', 'platform-operator', 'assessor') && user.region) {
        const h = coveredRegionSql('d.holderRegionCode', user.region, 'dmH'); const r = coveredRegionSql('d.requesterRegionCode', user.region, 'dmR');
        clauses.push(h.sql, r.sql); Object.assign(params, h.params, r.params);
      }
      qb.andWhere(`(${clauses.join(' OR ')})`, params);
    }
    if (status) qb.andWhere('d.status = :dmStatus', { dmStatus: status });
    if (escalationLevel) qb.andWhere('d.escalationLevel = :dmLevel', { dmLevel: escalationLevel });
    return paginate(qb, page);
  }

  @FieldResolver(() => DemandMessageConnection, { description: 'the negotiation thread, newest first' })
  messages(@Root() d: Demand, @Args(() => PageArgs) page: PageArgs, @Ctx() ctx: CatalogContext) {
    return paginate(ctx.ds.getRepository(DemandMessage).createQueryBuilder('m').where('m.demandId = :md', { md: d.id }), page);
  }
}
