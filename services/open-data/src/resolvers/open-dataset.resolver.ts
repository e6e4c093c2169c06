import { randomUUID } from 'node:crypto';
import {
  ConflictError, ConnectionType, coveredRegionSql, fetchCatalogEntry, ForbiddenError, isDuplicateKey, NotFoundError, PageArgs, paginate, requireDepartment, requireUser,
  DataResourceKey as DataResourceRef, type Connection, type User,
} from '@gov/kit';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { DataSource, SelectQueryBuilder } from 'typeorm';
import type { OpenDataContext } from '../context';
import { OpenDatasetStatus } from '../entities/enums';
import { OpenDataset } from '../entities/open-dataset';
import { countUse } from '../domain/usage';
import { OpenDatasetFilter, OpenDatasetInput } from './open-dataset.input';
import { checkAgainstResource, checkOpenMode } from '../domain/rules';
import { canReadDataset, isStaff, restrictToReadable } from './visibility';
import { Department } from '../entities/refs';

const OpenDatasetConnection = ConnectionType(OpenDataset, 'OpenDataset');

/** The datasets a caller may see, filtered (theme, keyword, publisher, status, region with the county roll-up). */
export function filteredOpenDatasets(ds: DataSource, user: User | null, filter: OpenDatasetFilter | null): SelectQueryBuilder<OpenDataset> {
  const qb = restrictToReadable(ds.getRepository(OpenDataset).createQueryBuilder('d'), user);
  if (filter?.theme) qb.andWhere('d.theme = :fTheme', { fTheme: filter.theme });
  if (filter?.keyword) qb.andWhere('(d.name LIKE :kw OR d.description LIKE :kw)', { kw: `%${filter.keyword.replace(/[%_\\]/g, '\\$&')}%` });
  if (filter?.publisherDepartmentId) qb.andWhere('d.publisherDepartmentId = :fDept', { fDept: filter.publisherDepartmentId });
  if (filter?.status) qb.andWhere('d.status = :fStatus', { fStatus: filter.status });
  if (filter?.regionCode) {
    // 003 §19: the counties compile their own open catalogs, which roll up into the city's.
    if (filter.ownLevelOnly) qb.andWhere('d.regionCode = :fRegion', { fRegion: filter.regionCode });
    else {
      const covered = coveredRegionSql('d.regionCode', filter.regionCode, 'fRegion');
      qb.andWhere(covered.sql, covered.params);
    }
  }
  return qb;
}

/** The open catalog page a caller may see: the read itself, without its audit record (the resolver adds it). */
export async function readOpenDatasets(ds: DataSource, user: User | null, filter: OpenDatasetFilter | null, page: PageArgs): Promise<Connection<OpenDataset>> {
  return paginate(filteredOpenDatasets(ds, user, filter), page);
}

// The two queries carry no @Authorized on purpose: the open portal serves published datasets to anonymous visitors
// (003 §19); the scope rule (visibility.ts) keeps drafts and suspended datasets from them.
@Resolver(() => OpenDataset)
export class OpenDatasetResolver {
  @Query(() => OpenDataset, { nullable: true, description: 'one open dataset: published ones for anyone, no token needed' })
  async openDataset(@Arg('id', () => ID) id: string, @Ctx() ctx: OpenDataContext): Promise<OpenDataset | null> {
    const d = await ctx.ds.getRepository(OpenDataset).findOneBy({ id });
    if (!d) return null;
    if (canReadDataset(ctx.user, d)) {
      // No audit record, no data (004 §33): recorded before the dataset leaves.
      await ctx.audit({ action: 'ACCESS', resourceId: d.resourceId ?? d.id, items: ['openDataset'], detail: `openDataset ${d.id}` });
      await countUse(ctx.ds, d.id, 'VIEW');
      return d;
    }
    if (isStaff(ctx.user)) throw new ForbiddenError(`not allowed to read open dataset ${id}`);
    return null;
  }

  @Query(() => OpenDatasetConnection, { description: 'the open catalog, newest first: published datasets for anyone, plus drafts the caller may see' })
  async openDatasets(
    @Arg('filter', () => OpenDatasetFilter, { nullable: true }) filter: OpenDatasetFilter | null,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: OpenDataContext,
  ) {
    const conn = await readOpenDatasets(ctx.ds, ctx.user, filter, page);
    await ctx.audit({ action: 'QUERY', items: ['openDataset'], detail: `rows=${conn.edges.length}` });
    return conn;
  }

  @Authorized('dept-admin')
  @Mutation(() => OpenDataset, { description: "a department administrator drafts an open dataset of the caller's department" })
  async createOpenDataset(@Arg('input', () => OpenDatasetInput) input: OpenDatasetInput, @Ctx() ctx: OpenDataContext): Promise<OpenDataset> {
    const user = requireDepartment(ctx);
    checkOpenMode(input);
    if (input.resourceId) checkAgainstResource(input, await fetchCatalogEntry(input.resourceId, user.token), user.department);
    try {
      return await ctx.ds.transaction(async (m) => {
        const id = randomUUID();
        await m.getRepository(OpenDataset).insert({
          id, resourceId: input.resourceId ?? null, publisherDepartmentId: user.department, regionCode: user.region,
          name: input.name, description: input.description ?? null, openType: input.openType, formats: input.formats,
          dataType: input.dataType, openMode: input.openMode, updateFrequency: input.updateFrequency, theme: input.theme,
          status: OpenDatasetStatus.DRAFT, publishedAt: null, createdBy: user.username,
        });
        await ctx.audit({ action: 'UPDATE', resourceId: input.resourceId ?? id, detail: `open dataset ${id} drafted` }, m);
        return m.getRepository(OpenDataset).findOneByOrFail({ id });
      });
    } catch (e) {
      if (isDuplicateKey(e)) throw new ConflictError(`name: your department already has an open dataset named ${input.name}`);
      throw e;
    }
  }

  @Authorized('dept-admin')
  @Mutation(() => OpenDataset, { description: 'the publisher department puts a draft on the open portal; publishing twice is harmless' })
  async publishOpenDataset(@Arg('id', () => ID) id: string, @Ctx() ctx: OpenDataContext): Promise<OpenDataset> {
    const user = requireUser(ctx);
    return ctx.ds.transaction(async (m) => {
      const repo = m.getRepository(OpenDataset);
      const d = await repo.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!d) throw new NotFoundError('OpenDataset', id);
      if (user.department !== d.publisherDepartmentId) throw new ForbiddenError('only the publisher department publishes its open datasets');
      if (d.status === OpenDatasetStatus.PUBLISHED) {
        await ctx.audit({ action: 'UPDATE', resourceId: d.resourceId ?? d.id, detail: `open dataset ${id} already published: nothing changed` }, m);
        return d;
      }
      if (d.status !== OpenDatasetStatus.DRAFT) throw new ConflictError(`a ${d.status} dataset is restored through its complaint, not published again (003 §17)`);
      await repo.update({ id }, { status: OpenDatasetStatus.PUBLISHED, publishedAt: new Date() });
      await ctx.audit({ action: 'UPDATE', resourceId: d.resourceId ?? d.id, detail: `open dataset ${id} published (003 §19)` }, m);
      return repo.findOneByOrFail({ id });
    });
  }

  @FieldResolver(() => DataResourceRef, { nullable: true, description: 'the catalog entry behind the dataset (null if none, or if the caller may not read it)' })
  resource(@Root() d: OpenDataset): DataResourceRef | null {
    return d.resourceId ? { id: d.resourceId } : null;
  }

  @FieldResolver(() => Department)
  publisher(@Root() d: OpenDataset): Department {
    return { id: d.publisherDepartmentId };
  }
}

@Resolver(() => Department)
export class DepartmentOpenDataResolver {
  // No @Authorized: a department's published datasets are public (003 §19); drafts only where the caller may see them.
  @FieldResolver(() => [OpenDataset], { description: "the newest 200 of the department's open datasets the caller may read; page with openDatasets" })
  async openDatasets(@Root() dept: Department, @Ctx() ctx: OpenDataContext): Promise<OpenDataset[]> {
    const rows = await restrictToReadable(ctx.ds.getRepository(OpenDataset).createQueryBuilder('d'), ctx.user)
      .andWhere('d.publisherDepartmentId = :publisher', { publisher: dept.id })
      .orderBy('d.createdAt', 'DESC').addOrderBy('d.id', 'DESC').take(200).getMany();
    await ctx.audit({ action: 'QUERY', items: ['openDataset'], detail: `department ${dept.id} rows=${rows.length}` });
    return rows;
  }
}
