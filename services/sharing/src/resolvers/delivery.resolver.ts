// Delivery of granted data (004 §23-24): VERIFY and QUERY through a usable grant (audited, denied attempts too), and
// flags on doubtful records back to the provider.
import { BadUserInputError, CONSUMERS, fetchCatalogEntry, ForbiddenError, PageArgs, paginate, requireUser, STAFF } from '@gov/kit';
import { Arg, Args, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { SharingContext } from '../context';
import { ShareUsageMode } from '../entities/enums';
import { ExchangeRecord } from '../entities/exchange';
import { RecordFlag } from '../entities/record-flag';
import { differingFields, grantedItems, grantKeyItem, hasRecord, insertFlag, openQualityIssue, treatRecord } from '../domain/delivery';
import { FieldValueInput } from './delivery.input';
import { GrantedRecord, GrantedRecordConnection, VerifyResult } from './delivery.types';
import { usableGrant } from './visibility';

@Resolver()
export class DeliveryResolver {
  @Authorized(...CONSUMERS)
  @Query(() => VerifyResult, { description: 'VERIFY (核验, 004 §23): the sent fields against the record with the same key; match / no match and which fields differ — no record data leaves the exchange' })
  async verifyRecord(
    @Arg('grantId', () => ID) grantId: string,
    @Arg('fields', () => [FieldValueInput]) fields: FieldValueInput[],
    @Ctx() ctx: SharingContext,
  ): Promise<VerifyResult> {
    const g = await usableGrant(ctx, grantId, ShareUsageMode.VERIFY);
    if (!fields.length || fields.length > 50) throw BadUserInputError.field('fields', 'send 1-50 fields');
    const granted = new Set(g.items);
    fields.forEach((f, i) => { if (!granted.has(f.name)) throw BadUserInputError.field(`fields.${i}.name`, `${f.name} is not an item of this grant`); });
    const names = fields.map((f) => f.name);
    if (new Set(names).size !== names.length) throw BadUserInputError.field('fields', 'each item at most once');
    const keyItem = grantKeyItem(g);
    if (!fields.some((f) => f.name === keyItem)) throw BadUserInputError.field('fields', `the key item ${keyItem} must be sent`);
    const differing = await differingFields(ctx.ds.manager, ctx.policy, g, fields, keyItem);
    const result = { match: differing.length === 0, differingFields: differing };
    await ctx.audit({ action: 'VERIFY', resourceId: g.resourceId, grantId: g.id, scenario: g.scenario, items: names, outcome: 'SUCCESS', detail: result.match ? 'match' : 'no match' });
    return result;
  }

  @Authorized(...CONSUMERS)
  @Query(() => GrantedRecordConnection, { description: 'QUERY: records of a grant, only its items, masked by the grade policy, cursor-paginated' })
  async grantedRecords(@Arg('grantId', () => ID) grantId: string, @Args(() => PageArgs) page: PageArgs, @Ctx() ctx: SharingContext) {
    const g = await usableGrant(ctx, grantId, ShareUsageMode.QUERY);
    // The catalog entry (another subgraph) and the page (this database) at once; nothing leaves before both are in.
    const [r, conn] = await Promise.all([
      fetchCatalogEntry(g.resourceId, requireUser(ctx).token),
      paginate(ctx.ds.getRepository(ExchangeRecord).createQueryBuilder('x').where('x.resourceId = :xr', { xr: g.resourceId }), page),
    ]);
    if (!r) throw new ForbiddenError(`catalog entry ${g.resourceId} is no longer visible to your department`);
    const items = grantedItems(g, r);
    const treatments = await ctx.policy.treatments(r, items, 'QUERY', g.clearText);
    const edges = conn.edges.map(({ cursor, node }) => ({
      cursor, node: Object.assign(new GrantedRecord(), { id: node.id, createdAt: node.createdAt, fields: treatRecord(ctx.policy, items, treatments, node.fields) }),
    }));
    // No audit record, no data: written after computing the page, before returning it.
    await ctx.audit({ action: 'QUERY', resourceId: g.resourceId, grantId: g.id, scenario: g.scenario, items: items.map((i) => i.name), outcome: 'SUCCESS', detail: `${edges.length} records` });
    return { ...conn, edges };
  }

  @Authorized(...CONSUMERS)
  @Mutation(() => RecordFlag, { description: 'a consumer flags a doubtful record of a grant back to the provider (001 §24, 004 §24)' })
  async flagRecord(
    @Arg('grantId', () => ID) grantId: string, @Arg('recordKey') recordKey: string, @Arg('reason') reason: string, @Ctx() ctx: SharingContext,
  ): Promise<RecordFlag> {
    const user = requireUser(ctx);
    const g = await usableGrant(ctx, grantId, ShareUsageMode.VERIFY);
    if (!reason.trim() || reason.length > 2000) throw BadUserInputError.field('reason', 'a flag needs a reason (1-2000 characters)');
    if (!(await hasRecord(ctx.ds.manager, ctx.policy, g.resourceId, recordKey))) throw BadUserInputError.field('recordKey', 'no record with this key under this grant');
    const flag = await ctx.ds.transaction(async (m) => {
      const f = await insertFlag(m, g, recordKey, reason, user.username);
      await ctx.audit({ action: 'UPDATE', resourceId: g.resourceId, grantId, scenario: g.scenario, detail: `record flagged ${f.id}` }, m);
      return f;
    });
    // After the commit: the flag stands even if quality cannot be reached.
    return openQualityIssue(ctx.ds.manager, ctx.policy, g, flag);
  }

  @Authorized(...STAFF)
  @Query(() => [RecordFlag], { description: 'flags raised on records of the caller department (as provider or consumer), newest 100' })
  async recordFlags(@Ctx() ctx: SharingContext): Promise<RecordFlag[]> {
    const user = requireUser(ctx);
    const flags = await ctx.ds.getRepository(RecordFlag).createQueryBuilder('f')
      .where('(f.providerDepartmentId = :fd OR f.consumerDepartmentId = :fd)', { fd: user.department ?? '-' })
      .orderBy('f.createdAt', 'DESC').take(100).getMany();
    await ctx.audit({ action: 'QUERY', detail: `record flags rows=${flags.length}` });
    return flags;
  }
}
