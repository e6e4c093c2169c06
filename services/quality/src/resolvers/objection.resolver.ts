import { BadUserInputError, ConnectionType, ForbiddenError, hasRole, PageArgs, paginate, regionCovers, requireUser, STAFF, type User } from '@gov/kit';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { QualityContext } from '../context';
import { ObjectionStatus } from '../entities/enums';
import { Objection } from '../entities/objection';
import { DataResource } from '../entities/refs';
import { fetchCatalogResourceAsPlatform } from '../domain/catalog';
import { decisionChange, fileObjection, requireOwner, suspendChange, transition } from '../domain/objections';
import { objectionAnsweredNotice, objectionDecidedNotice, objectionSuspendedNotice } from '../domain/notices';
import { AnswerObjectionArgs, DecideObjectionArgs, ObjectionFilter, ObjectionInput } from './objection.input';
import { canReadResourceQuality, restrictToDepartmentScope } from './visibility';

const ObjectionConnection = ConnectionType(Objection, 'Objection');

/** The objector who filed it online, the source department, oversight of a covering region. */
function canReadObjection(user: User, o: Objection): boolean {
  return o.filedBySub === user.sub || (!hasRole(user, 'public') && canReadResourceQuality(user, o));
}

function assertAuthorityOver(user: User, o: Objection): void {
  if (!hasRole(user, 'authority') || !user.region || !regionCovers(user.region, o.regionCode)) throw new ForbiddenError('the authority of a covering region orders and answers');
}

@Resolver(() => Objection)
export class ObjectionResolver {
  @Authorized('public', 'authority')
  @Mutation(() => Objection, { description: 'a citizen or organisation objects to data (000 §26); the authority records one received on paper' })
  async fileObjection(@Arg('input', () => ObjectionInput) input: ObjectionInput, @Ctx() ctx: QualityContext): Promise<Objection> {
    const user = requireUser(ctx);
    if (!input.objectorName.trim()) throw BadUserInputError.field('objectorName', 'must not be blank');
    if (!input.description.trim()) throw BadUserInputError.field('description', 'must not be blank');
    // A citizen cannot read the catalog entry itself: the platform looks it up, and only published data can be objected to.
    const resource = await fetchCatalogResourceAsPlatform(input.resourceId, ctx.config);
    if (!resource || resource.status !== 'PUBLISHED') throw BadUserInputError.field('resourceId', `no published data resource ${input.resourceId}`);
    const onPaper = hasRole(user, 'authority');
    if (onPaper && (!user.region || !regionCovers(user.region, resource.regionCode))) throw new ForbiddenError('the authority records objections for the regions it covers');
    return fileObjection(ctx.ds, resource, input, { username: user.username, sub: user.sub, onPaper }, (e, m) => ctx.audit(e, m));
  }

  @Authorized('authority')
  @Mutation(() => Objection, { description: 'the authority orders the source department to suspend collection, sharing and opening of the data at once (000 §26); sharing and open-data refuse it while suspended' })
  suspendObjectedData(@Arg('id', () => ID) id: string, @Ctx() ctx: QualityContext): Promise<Objection> {
    const user = requireUser(ctx);
    return transition(ctx.ds, id, ObjectionStatus.RECEIVED, ObjectionStatus.SUSPENDED, (o) => assertAuthorityOver(user, o), () => suspendChange(ctx.config.objectionVerifyWorkingDays),
      (e, m) => ctx.audit(e, m), 'suspended', objectionSuspendedNotice);
  }

  @Authorized('dept-admin')
  @Mutation(() => Objection, { description: 'the source department, having verified, withdraws the data (stays suspended), fixes it or restores it (suspension lifted)' })
  decideObjection(@Args(() => DecideObjectionArgs) { id, decision, finding }: DecideObjectionArgs, @Ctx() ctx: QualityContext): Promise<Objection> {
    const user = requireUser(ctx);
    if (!finding.trim()) throw BadUserInputError.field('finding', 'must not be blank');
    return transition(ctx.ds, id, ObjectionStatus.SUSPENDED, ObjectionStatus.DECIDED, (o) => requireOwner(user, o), () => decisionChange(decision, finding),
      (e, m) => ctx.audit(e, m), `decided ${decision}`, objectionDecidedNotice);
  }

  @Authorized('authority')
  @Mutation(() => Objection, { description: 'the authority answers the objector (000 §26)' })
  answerObjection(@Args(() => AnswerObjectionArgs) { id, answer }: AnswerObjectionArgs, @Ctx() ctx: QualityContext): Promise<Objection> {
    const user = requireUser(ctx);
    if (!answer.trim()) throw BadUserInputError.field('answer', 'must not be blank');
    return transition(ctx.ds, id, ObjectionStatus.DECIDED, ObjectionStatus.ANSWERED, (o) => assertAuthorityOver(user, o),
      () => ({ answer: answer.trim(), answeredAt: new Date() }), (e, m) => ctx.audit(e, m), 'answered', objectionAnsweredNotice);
  }

  @Authorized('public', ...STAFF)
  @Query(() => Objection, { nullable: true, description: 'one objection: its objector, the source department, oversight of a covering region' })
  async objection(@Arg('id', () => ID) id: string, @Ctx() ctx: QualityContext): Promise<Objection | null> {
    const o = await ctx.ds.getRepository(Objection).findOneBy({ id });
    if (!o) return null;
    if (!canReadObjection(requireUser(ctx), o)) throw new ForbiddenError(`not allowed to read objection ${id}`);
    await ctx.audit({ action: 'ACCESS', resourceId: o.resourceId, items: ['objection'], detail: `objection ${id}` });
    return o;
  }

  @Authorized('public', ...STAFF)
  @Query(() => ObjectionConnection, { description: "objections the caller may read (a citizen: its own), newest first" })
  async objections(
    @Arg('filter', () => ObjectionFilter, { nullable: true }) filter: ObjectionFilter | null,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: QualityContext,
  ) {
    const user = requireUser(ctx);
    const qb = ctx.ds.getRepository(Objection).createQueryBuilder('o');
    if (hasRole(user, 'public')) qb.andWhere('o.filedBySub = :sub', { sub: user.sub });
    else restrictToDepartmentScope(qb, user);
    if (filter?.status) qb.andWhere('o.status = :st', { st: filter.status });
    if (filter?.resourceId) qb.andWhere('o.resourceId = :res', { res: filter.resourceId });
    const conn = await paginate(qb, page);
    await ctx.audit({ action: 'QUERY', items: ['objection'], detail: `rows=${conn.edges.length}` });
    return conn;
  }

  @FieldResolver(() => DataResource, { nullable: true })
  resource(@Root() o: Objection): DataResource {
    return { id: o.resourceId };
  }
}
