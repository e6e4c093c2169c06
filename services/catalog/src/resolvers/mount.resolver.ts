// Mounting a published entry on the exchange platform (000 §13), its health, and declared outages (000 §18).
import { assertDepartmentAccess, NotFoundError, requireUser } from '@gov/kit';
import { Arg, Authorized, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import type { EntityManager } from 'typeorm';
import type { CatalogContext } from '../context';
import { DataResource } from '../entities/data-resource';
import { declareOutage, endOutage, mount, recordHealth } from '../domain/mounts';
import { MountInput, OutageInput } from './mount.input';
import { loadForWrite } from './visibility';

/** The write and its audit record in one transaction. */
function audited(ctx: CatalogContext, id: string, detail: string, write: (m: EntityManager) => Promise<DataResource>): Promise<DataResource> {
  return ctx.ds.transaction(async (m) => {
    const r = await write(m);
    await ctx.audit({ action: 'UPDATE', resourceId: id, detail }, m);
    return r;
  });
}

@Resolver(() => DataResource)
export class MountResolver {
  @Authorized('dept-admin')
  @Mutation(() => DataResource, { description: '000 §13: attach a published entry to the exchange platform as a table, API or file' })
  async mountDataResource(@Arg('id', () => ID) id: string, @Arg('input', () => MountInput) input: MountInput, @Ctx() ctx: CatalogContext): Promise<DataResource> {
    const r = await loadForWrite(ctx, id);
    return audited(ctx, id, `mounted as ${input.kind}`, (m) => mount(m, r, input.kind, input.endpoint));
  }

  @Authorized('platform-operator', 'service')
  @Mutation(() => DataResource, { description: "the platform records a mounted resource's health" })
  async reportMountHealth(@Arg('id', () => ID) id: string, @Arg('up') up: boolean, @Ctx() ctx: CatalogContext): Promise<DataResource> {
    const r = await ctx.ds.getRepository(DataResource).findOneBy({ id });
    if (!r) throw new NotFoundError('DataResource', id);
    assertDepartmentAccess(requireUser(ctx), r, 'write', 'mount health');
    return audited(ctx, id, `mount health up=${up}`, (m) => recordHealth(m, r, up));
  }

  @Authorized('dept-admin')
  @Mutation(() => DataResource, { description: '000 §18: a provider that must take a mounted resource offline says why and offers an alternative' })
  async declareOutage(@Arg('id', () => ID) id: string, @Arg('input', () => OutageInput) input: OutageInput, @Ctx() ctx: CatalogContext): Promise<DataResource> {
    const r = await loadForWrite(ctx, id);
    return audited(ctx, id, 'outage declared', (m) => declareOutage(m, r, input));
  }

  @Authorized('dept-admin')
  @Mutation(() => DataResource)
  async endOutage(@Arg('id', () => ID) id: string, @Ctx() ctx: CatalogContext): Promise<DataResource> {
    const r = await loadForWrite(ctx, id);
    return audited(ctx, id, 'outage ended', (m) => endOutage(m, r));
  }
}
