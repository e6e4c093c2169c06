import { randomUUID } from 'node:crypto';
import {
  BadUserInputError, ConflictError, ConnectionType, fetchCatalogEntry, ForbiddenError, NotFoundError, PageArgs, paginate, regionOfDepartment, requireUser, STAFF,
} from '@gov/kit';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { QualityContext } from '../context';
import { QualityIssueSource, QualityIssueStatus } from '../entities/enums';
import { QualityIssue } from '../entities/quality-issue';
import { DataResource, Department } from '../entities/refs';
import { FlaggedRecordInput, QualityIssueFilter, QualityIssueInput, ResolveQualityIssueArgs } from './quality-issue.input';
import { checkReport, checkText } from '../domain/rules';
import { canReadIssue, restrictToReadable } from './visibility';

const QualityIssueConnection = ConnectionType(QualityIssue, 'QualityIssue');
const FIXABLE = new Set([QualityIssueStatus.OPEN, QualityIssueStatus.REOPENED]);

@Resolver(() => QualityIssue)
export class QualityIssueResolver {
  @Authorized(...STAFF)
  @Query(() => QualityIssue, { nullable: true, description: 'one quality issue, if the caller may read it' })
  async qualityIssue(@Arg('id', () => ID) id: string, @Ctx() ctx: QualityContext): Promise<QualityIssue | null> {
    const i = await ctx.ds.getRepository(QualityIssue).findOneBy({ id });
    if (!i) return null;
    if (!canReadIssue(requireUser(ctx), i)) throw new ForbiddenError(`not allowed to read quality issue ${id}`);
    await ctx.audit({ action: 'ACCESS', resourceId: i.resourceId, items: ['qualityIssue'], detail: `qualityIssue ${i.id}` });
    return i;
  }

  @Authorized(...STAFF)
  @Query(() => QualityIssueConnection, { description: 'quality issues the caller may read (source, reporter or oversight), newest first' })
  async qualityIssues(
    @Arg('filter', () => QualityIssueFilter, { nullable: true }) filter: QualityIssueFilter | null,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: QualityContext,
  ) {
    const qb = restrictToReadable(ctx.ds.getRepository(QualityIssue).createQueryBuilder('q'), requireUser(ctx));
    if (filter?.status) qb.andWhere('q.status = :fStatus', { fStatus: filter.status });
    if (filter?.departmentId) qb.andWhere('q.departmentId = :fDept', { fDept: filter.departmentId });
    const conn = await paginate(qb, page);
    await ctx.audit({ action: 'QUERY', items: ['qualityIssue'], detail: `rows=${conn.edges.length}` });
    return conn;
  }

  @Authorized('platform-operator', 'dept-user', 'dept-admin')
  @Mutation(() => QualityIssue, { description: 'the platform operator (inspection) or a consuming department flags doubtful data to its source department' })
  async reportQualityIssue(@Arg('input', () => QualityIssueInput) input: QualityIssueInput, @Ctx() ctx: QualityContext): Promise<QualityIssue> {
    const user = requireUser(ctx);
    checkText('description', input.description);
    const resource = await fetchCatalogEntry(input.resourceId, user.token);
    const { source, reporterDepartmentId } = checkReport(input, resource, user);
    return ctx.ds.transaction(async (m) => {
      const id = randomUUID();
      await m.getRepository(QualityIssue).insert({
        id, resourceId: resource!.id, departmentId: resource!.departmentId, regionCode: resource!.regionCode, source, reporterDepartmentId,
        description: input.description.trim(), status: QualityIssueStatus.OPEN, explanation: null, openedAt: new Date(), fixedAt: null,
        createdBy: user.username,
      });
      return m.getRepository(QualityIssue).findOneByOrFail({ id });
    });
  }

  @Authorized('service')
  @Mutation(() => QualityIssue, { description: 'service-only: sharing reports a record a consumer flagged (004 §24); the flag id is the issue id, so a retry is harmless' })
  async reportFlaggedRecord(@Arg('input', () => FlaggedRecordInput) input: FlaggedRecordInput, @Ctx() ctx: QualityContext): Promise<QualityIssue> {
    const user = requireUser(ctx);
    if (regionOfDepartment(input.departmentId) !== input.regionCode) throw BadUserInputError.field('regionCode', "not the region of the source department");
    const repo = ctx.ds.getRepository(QualityIssue);
    const existing = await repo.findOneBy({ id: input.flagId });
    if (existing) return existing;
    await repo.insert({
      id: input.flagId, resourceId: input.resourceId, departmentId: input.departmentId, regionCode: input.regionCode,
      source: QualityIssueSource.CONSUMER, reporterDepartmentId: input.reporterDepartmentId, description: input.description.trim(),
      status: QualityIssueStatus.OPEN, explanation: null, openedAt: new Date(), fixedAt: null, createdBy: user.username,
    }).catch(async (e) => { if (!(await repo.existsBy({ id: input.flagId }))) throw e; });
    return repo.findOneByOrFail({ id: input.flagId });
  }

  @Authorized('dept-admin')
  @Mutation(() => QualityIssue, { description: "the source department's administrator explains or fixes the data (OPEN/REOPENED -> FIXED); repeating it is harmless" })
  async resolveQualityIssue(@Args(() => ResolveQualityIssueArgs) { id, explanation }: ResolveQualityIssueArgs, @Ctx() ctx: QualityContext): Promise<QualityIssue> {
    const user = requireUser(ctx);
    checkText('explanation', explanation);
    return ctx.ds.transaction(async (m) => {
      const repo = m.getRepository(QualityIssue);
      const i = await repo.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!i) throw new NotFoundError('QualityIssue', id);
      if (user.department !== i.departmentId) throw new ForbiddenError('only the source department fixes its data');
      if (i.status === QualityIssueStatus.FIXED) return i;
      if (!FIXABLE.has(i.status)) throw new ConflictError(`a ${i.status} quality issue cannot be fixed again`);
      await repo.update({ id }, { status: QualityIssueStatus.FIXED, explanation: explanation.trim(), fixedAt: new Date() });
      return repo.findOneByOrFail({ id });
    });
  }

  @FieldResolver(() => DataResource, { nullable: true, description: 'the catalog entry concerned (null if the caller may not read it)' })
  resource(@Root() i: QualityIssue): DataResource {
    return { id: i.resourceId };
  }

  @FieldResolver(() => Department, { description: 'the source department that must fix it' })
  department(@Root() i: QualityIssue): Department {
    return { id: i.departmentId };
  }
}

const EXTENSION_LIMIT = 200;

@Resolver(() => Department)
export class DepartmentQualityResolver {
  @Authorized(...STAFF)
  @FieldResolver(() => [QualityIssue], { description: "the newest 200 issues on this department's data that the caller may read; page with qualityIssues" })
  qualityIssues(@Root() d: Department, @Ctx() ctx: QualityContext): Promise<QualityIssue[]> {
    return restrictToReadable(ctx.ds.getRepository(QualityIssue).createQueryBuilder('q'), requireUser(ctx))
      .andWhere('q.departmentId = :source', { source: d.id })
      .orderBy('q.createdAt', 'DESC').addOrderBy('q.id', 'DESC').take(EXTENSION_LIMIT).getMany();
  }
}

@Resolver(() => DataResource)
export class DataResourceQualityResolver {
  @Authorized(...STAFF)
  @FieldResolver(() => [QualityIssue], { description: 'the newest 200 issues raised on this entry that the caller may read' })
  qualityIssues(@Root() r: DataResource, @Ctx() ctx: QualityContext): Promise<QualityIssue[]> {
    return restrictToReadable(ctx.ds.getRepository(QualityIssue).createQueryBuilder('q'), requireUser(ctx))
      .andWhere('q.resourceId = :resource', { resource: r.id })
      .orderBy('q.createdAt', 'DESC').addOrderBy('q.id', 'DESC').take(EXTENSION_LIMIT).getMany();
  }
}
