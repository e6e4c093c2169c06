import { randomBytes, randomUUID } from 'node:crypto';
import { WorkflowExecutionAlreadyStartedError, WorkflowNotFoundError } from '@temporalio/client';
import {
  AppError, BadUserInputError, canAccessDepartment, callSubgraphAsService, ConflictError, ConnectionType, DataResourceKey as DataResourceRef, ForbiddenError, NotFoundError, PageArgs, paginate,
  hasRole, regionCovers, requireUser,
} from '@gov/kit';
import { grantRevokedSignal, shareGrantWorkflowId, workflowQueue } from '@gov/workflows';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { SharingContext } from '../context';
import { GrantStatus, ShareUsageMode } from '../entities/enums';
import { ExchangeLoad, ExchangeRecord } from '../entities/exchange';
import { ConfidentialityAgreement, RecordFlag, ShareGrant } from '../entities/grant';
import { PushEndpoint, PushRegistration } from '../entities/push';
import { chinaDate, endOfChinaDay } from '@gov/working-days';
import { suspendedBecause } from '../exchange/suspension';
import { fetchExchangeResource, keyItemOf, type ExchangeResource } from '../exchange/resource';
import type { DeliveryPolicy } from './delivery-policy';
import { FieldValueInput, ShareGrantFilter, SubscriptionInput } from './grant.input';
import { GrantedRecord, GrantedRecordConnection, VerifyResult } from './delivery.types';
import { checkItems, checkPeriod } from './rules';
import { isDuplicateKey } from './share-application.resolver';
import { canReadGrant, restrictGrantsToReadable } from './visibility';

const ShareGrantConnection = ConnectionType(ShareGrant, 'ShareGrant');
const STAFF = ['authority', 'platform-operator', 'dept-admin', 'dept-approver', 'dept-user', 'assessor', 'service'] as const;
const CONSUMERS = ['dept-user', 'dept-admin'] as const;
export const AGREEMENT_TERMS = '数据仅用于授权所列业务场景，不得转授、转让或超范围使用；按国家规定保密并接受审计（000 §18、§24）。';

export interface DeliveryContext extends SharingContext { policy: DeliveryPolicy }

const REPORT_FLAG = 'mutation($input: FlaggedRecordInput!) { reportFlaggedRecord(input: $input) { id } }';
async function openQualityIssue(input: Record<string, string>): Promise<string | null> {
  try {
    return (await callSubgraphAsService<{ reportFlaggedRecord: { id: string } }>('quality', REPORT_FLAG, { input })).reportFlaggedRecord.id;
  } catch {
    return null;
  }
}

const RECORD_AGREEMENT = 'mutation($input: RecordAgreementInput!) { recordAgreement(input: $input) { id } }';

/**
 * Every delivery starts here: the caller's department holds this grant, the grant is active, inside its period and not
 * past its expiry (checked on the clock, not only by the expiry timer), it allows this usage mode, and the
 * confidentiality agreement is signed (000 §24).
 */
export async function usableGrant(ctx: SharingContext, grantId: string, mode: ShareUsageMode): Promise<ShareGrant> {
  const user = requireUser(ctx);
  const g = await ctx.ds.getRepository(ShareGrant).findOneBy({ id: grantId });
  // A refused delivery is audited too (DENIED); if even that cannot be recorded, the caller gets AUDIT_UNAVAILABLE.
  const deny = async (message: string, err: AppError = new ForbiddenError(message)) => {
    await ctx.audit({ action: mode === ShareUsageMode.VERIFY ? 'VERIFY' : 'QUERY', grantId, resourceId: g?.resourceId ?? null, outcome: 'DENIED', detail: message.slice(0, 200) });
    return err;
  };
  // A grant of another department does not exist for the caller (nothing about it leaks).
  if (!g || user.department !== g.consumerDepartmentId) throw await deny(`grant ${grantId} not found`, new NotFoundError('ShareGrant', grantId));
  if (g.status !== GrantStatus.ACTIVE) throw await deny(`grant ${grantId} is ${g.status}: no data is delivered`);
  if (g.expiresAt.getTime() <= Date.now()) throw await deny(`grant ${grantId} expired at ${g.expiresAt.toISOString()}: no data is delivered`);
  if (chinaDate(Date.now()) < g.periodFrom) throw await deny(`grant ${grantId} starts on ${g.periodFrom}`);
  if (mode !== ShareUsageMode.VERIFY && g.usageMode !== mode) throw await deny(`grant ${grantId} allows ${g.usageMode}, not ${mode}`);
  if (!(await ctx.ds.getRepository(ConfidentialityAgreement).existsBy({ grantId }))) {
    const m = '000 §24: sign the data-use and confidentiality agreement (signConfidentialityAgreement) before the first delivery';
    throw await deny(m, new ConflictError(m));
  }
  const held = await suspendedBecause(g.resourceId);
  if (held) throw await deny(held, new ConflictError(held));
  return g;
}

async function resourceOf(ctx: SharingContext, g: ShareGrant): Promise<ExchangeResource> {
  const r = await fetchExchangeResource(g.resourceId, requireUser(ctx).token);
  if (!r) throw new ForbiddenError(`catalog entry ${g.resourceId} is no longer visible to your department`);
  return r;
}

@Resolver(() => ShareGrant)
export class ShareGrantResolver {
  @Authorized(...STAFF)
  @Query(() => ShareGrantConnection, { description: 'grants the caller may read (its department as consumer or provider, or oversight), newest first' })
  async shareGrants(
    @Arg('filter', () => ShareGrantFilter, { nullable: true }) filter: ShareGrantFilter | null,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: SharingContext,
  ) {
    const qb = restrictGrantsToReadable(ctx.ds.getRepository(ShareGrant).createQueryBuilder('g'), requireUser(ctx));
    if (filter?.status) qb.andWhere('g.status = :gStatus', { gStatus: filter.status });
    if (filter?.resourceId) qb.andWhere('g.resourceId = :gRes', { gRes: filter.resourceId });
    return paginate(qb, page);
  }

  @Authorized(...STAFF)
  @Query(() => ShareGrant, { nullable: true })
  async shareGrant(@Arg('id', () => ID) id: string, @Ctx() ctx: SharingContext): Promise<ShareGrant | null> {
    const g = await ctx.ds.getRepository(ShareGrant).findOneBy({ id });
    if (!g) return null;
    if (!canReadGrant(requireUser(ctx), g)) throw new ForbiddenError(`not allowed to read grant ${id}`);
    return g;
  }

  @Authorized(...CONSUMERS)
  @Mutation(() => ShareGrant, { description: 'subscribe to an UNCONDITIONAL resource: the grant exists at once (000 §16); the same idempotencyKey returns the same grant' })
  async subscribeToResource(@Arg('input', () => SubscriptionInput) input: SubscriptionInput, @Ctx() ctx: SharingContext): Promise<ShareGrant> {
    const user = requireUser(ctx);
    if (!user.department || !user.region) throw new ForbiddenError('the token carries no department/region');
    const grants = ctx.ds.getRepository(ShareGrant);
    const key = input.idempotencyKey ?? null;
    const earlier = key ? await grants.findOneBy({ consumerDepartmentId: user.department, idempotencyKey: key }) : null;
    if (earlier) return earlier;
    checkPeriod(input);
    const r = await fetchExchangeResource(input.resourceId, user.token);
    if (!r || r.status !== 'PUBLISHED') throw BadUserInputError.field('resourceId', `no published catalog entry ${input.resourceId} is visible to your department`);
    if (r.shareType !== 'UNCONDITIONAL') throw BadUserInputError.field('resourceId', `this resource is ${r.shareType}: it needs an application (createShareApplication)`);
    if (r.departmentId === user.department) throw BadUserInputError.field('resourceId', 'a department does not subscribe to its own resources');
    checkItems('items', input.items, r);
    const expiresAt = endOfChinaDay(input.periodTo);
    if (expiresAt.getTime() <= Date.now()) throw BadUserInputError.field('periodTo', 'the period has already ended');
    const id = randomUUID();
    try {
      await ctx.ds.transaction(async (m) => {
        await m.getRepository(ShareGrant).insert({
          id, resourceId: r.id, providerDepartmentId: r.departmentId, providerRegionCode: r.regionCode, consumerDepartmentId: user.department!,
          consumerRegionCode: user.region!, items: input.items, scenario: input.scenario, usageMode: input.usageMode, periodFrom: input.periodFrom,
          periodTo: input.periodTo, expiresAt, status: GrantStatus.ACTIVE, clearText: false, applicationId: null, idempotencyKey: key,
          createdBy: user.username,
        });
        try {
          await ctx.temporal.workflow.start('shareGrantWorkflow', {
            workflowId: shareGrantWorkflowId(id), taskQueue: workflowQueue(ctx.taskQueuePrefix), args: [{ grantId: id, expiresAt: expiresAt.toISOString() }],
          });
        } catch (e) {
          if (!(e instanceof WorkflowExecutionAlreadyStartedError)) throw e;
        }
      });
    } catch (e) {
      if (key && isDuplicateKey(e)) return grants.findOneByOrFail({ consumerDepartmentId: user.department, idempotencyKey: key });
      throw e;
    }
    await ctx.audit({ action: 'SHARE', resourceId: r.id, grantId: id, scenario: input.scenario, items: input.items, detail: `subscription ${input.usageMode} until ${input.periodTo}` });
    return grants.findOneByOrFail({ id });
  }

  @Authorized('dept-admin', 'dept-approver', 'authority')
  @Mutation(() => ShareGrant, { description: 'the provider department or the authority revokes a grant: no delivery from now on; revoking twice is harmless' })
  async revokeShareGrant(@Arg('id', () => ID) id: string, @Arg('reason') reason: string, @Ctx() ctx: SharingContext): Promise<ShareGrant> {
    const user = requireUser(ctx);
    const repo = ctx.ds.getRepository(ShareGrant);
    const g = await repo.findOneBy({ id });
    if (!g || !canReadGrant(user, g)) throw new NotFoundError('ShareGrant', id);
    const mayRevoke = user.department === g.providerDepartmentId && hasRole(user, 'dept-admin', 'dept-approver')
      || hasRole(user, 'authority') && !!user.region && regionCovers(user.region, g.providerRegionCode);
    if (!mayRevoke) throw new ForbiddenError('only the provider department or its authority revokes a grant');
    if (!reason.trim() || reason.length > 2000) throw BadUserInputError.field('reason', 'a revocation needs a reason (1-2000 characters)');
    if (g.status === GrantStatus.REVOKED) return g;
    await repo.update({ id, status: GrantStatus.ACTIVE }, { status: GrantStatus.REVOKED, revokedAt: new Date(), revokedBy: user.username, revokeReason: reason.trim() });
    try {
      await ctx.temporal.workflow.getHandle(shareGrantWorkflowId(id)).signal(grantRevokedSignal, { actor: user.username });
    } catch (e) {
      if (!(e instanceof WorkflowNotFoundError)) throw e; // the timer already ended: the row is what counts
    }
    return repo.findOneByOrFail({ id });
  }

  @Authorized(...CONSUMERS)
  @Mutation(() => ConfidentialityAgreement, { description: '000 §24: the consumer signs the data-use and confidentiality agreement before the first delivery; signing twice is harmless' })
  async signConfidentialityAgreement(@Arg('grantId', () => ID) grantId: string, @Ctx() ctx: SharingContext): Promise<ConfidentialityAgreement> {
    const user = requireUser(ctx);
    const g = await ctx.ds.getRepository(ShareGrant).findOneBy({ id: grantId });
    if (!g || g.consumerDepartmentId !== user.department) throw new NotFoundError('ShareGrant', grantId);
    const repo = ctx.ds.getRepository(ConfidentialityAgreement);
    const existing = await repo.findOneBy({ grantId });
    if (existing) return existing;
    // Security keeps the agreement of record (SM4 at rest, audited; idempotent per grant and text): recorded there
    // first, so a delivery is never unlocked here by an agreement security does not hold.
    await callSubgraphAsService('security', RECORD_AGREEMENT, {
      input: { grantId, consumerDepartmentId: user.department!, resourceId: g.resourceId, signedBy: user.username, text: AGREEMENT_TERMS },
    });
    try {
      await repo.insert({ id: randomUUID(), grantId, consumerDepartmentId: user.department!, signedBy: user.username, terms: AGREEMENT_TERMS });
    } catch (e) {
      if (!isDuplicateKey(e)) throw e;
    }
    return repo.findOneByOrFail({ grantId });
  }

  @Authorized(...CONSUMERS)
  @Mutation(() => PushRegistration, { description: 'PUSH: the consumer department names the endpoint that receives each load\'s records of its PUSH grant, signed with HMAC-SM3; the secret is shown once' })
  async registerPushEndpoint(@Arg('grantId', () => ID) grantId: string, @Arg('url') url: string, @Ctx() ctx: DeliveryContext): Promise<PushRegistration> {
    const user = requireUser(ctx);
    const g = await ctx.ds.getRepository(ShareGrant).findOneBy({ id: grantId });
    if (!g || g.consumerDepartmentId !== user.department) throw new NotFoundError('ShareGrant', grantId);
    if (g.usageMode !== ShareUsageMode.PUSH) throw BadUserInputError.field('grantId', `grant ${grantId} is for ${g.usageMode}, not PUSH`);
    if (g.status !== GrantStatus.ACTIVE) throw new ConflictError(`grant ${grantId} is ${g.status}`);
    if (url.length > 500 || !/^https?:\/\/[^\s]+$/.test(url)) throw BadUserInputError.field('url', 'an http(s) URL of at most 500 characters');
    const secret = randomBytes(32).toString('hex');
    const repo = ctx.ds.getRepository(PushEndpoint);
    const existing = await repo.findOneBy({ grantId });
    const id = existing?.id ?? randomUUID();
    await repo.upsert({ id, grantId, resourceId: g.resourceId, url, secret: ctx.policy.cipher.seal(secret), createdBy: user.username }, ['id']);
    return { endpoint: await repo.findOneByOrFail({ id }), secret };
  }

  @FieldResolver(() => DataResourceRef, { nullable: true })
  resource(@Root() g: ShareGrant): DataResourceRef {
    return { id: g.resourceId };
  }

  @FieldResolver(() => Boolean, { description: '000 §24: the agreement is signed' })
  agreementSigned(@Root() g: ShareGrant, @Ctx() ctx: SharingContext): Promise<boolean> {
    return ctx.ds.getRepository(ConfidentialityAgreement).existsBy({ grantId: g.id });
  }
}

@Resolver()
export class DeliveryResolver {
  @Authorized(...CONSUMERS)
  @Query(() => VerifyResult, { description: 'VERIFY (核验, 004 §23): the sent fields against the record with the same key; match / no match and which fields differ — no record data leaves the exchange' })
  async verifyRecord(
    @Arg('grantId', () => ID) grantId: string,
    @Arg('fields', () => [FieldValueInput]) fields: FieldValueInput[],
    @Ctx() ctx: DeliveryContext,
  ): Promise<VerifyResult> {
    const g = await usableGrant(ctx, grantId, ShareUsageMode.VERIFY);
    if (!fields.length || fields.length > 50) throw BadUserInputError.field('fields', 'send 1-50 fields');
    const granted = new Set(g.items);
    fields.forEach((f, i) => { if (!granted.has(f.name)) throw BadUserInputError.field(`fields.${i}.name`, `${f.name} is not an item of this grant`); });
    const names = fields.map((f) => f.name);
    if (new Set(names).size !== names.length) throw BadUserInputError.field('fields', 'each item at most once');
    const keyItem = keyItemOf({ items: g.items.map((name) => ({ name, type: 'STRING', length: null, sensitive: false })) });
    const keyField = fields.find((f) => f.name === keyItem);
    if (!keyField) throw BadUserInputError.field('fields', `the key item ${keyItem} must be sent`);
    const rec = await ctx.ds.getRepository(ExchangeRecord)
      .findOneBy({ resourceId: g.resourceId, recordKey: ctx.policy.cipher.storedKey(g.resourceId, keyField.value.trim()) });
    const differingFields = rec
      ? fields.filter((f) => ctx.policy.cipher.reveal(rec.fields[f.name] ?? '') !== f.value.trim()).map((f) => f.name)
      : [keyItem];
    const result = { match: differingFields.length === 0, differingFields };
    await ctx.audit({ action: 'VERIFY', resourceId: g.resourceId, grantId: g.id, scenario: g.scenario, items: names, outcome: 'SUCCESS', detail: result.match ? 'match' : 'no match' });
    return result;
  }

  @Authorized(...CONSUMERS)
  @Query(() => GrantedRecordConnection, { description: 'QUERY: records of a grant, only its items, masked by the grade policy, cursor-paginated' })
  async grantedRecords(@Arg('grantId', () => ID) grantId: string, @Args(() => PageArgs) page: PageArgs, @Ctx() ctx: DeliveryContext) {
    const g = await usableGrant(ctx, grantId, ShareUsageMode.QUERY);
    const r = await resourceOf(ctx, g);
    const items = g.items.map((name) => r.items.find((i) => i.name === name)).filter((i): i is NonNullable<typeof i> => !!i);
    const conn = await paginate(ctx.ds.getRepository(ExchangeRecord).createQueryBuilder('x').where('x.resourceId = :xr', { xr: g.resourceId }), page);
    const treatments = await ctx.policy.treatments(r, items, 'QUERY', g.clearText);
    const edges = conn.edges.map(({ cursor, node }) => ({
      cursor,
      node: Object.assign(new GrantedRecord(), {
        id: node.id, createdAt: node.createdAt,
        fields: items.map((i) => {
          const treatment = treatments.get(i.name)!;
          const stored = node.fields[i.name];
          const plain = stored === undefined || treatment === 'WITHHELD' ? null : ctx.policy.cipher.reveal(stored);
          const value = plain === null || treatment === 'WITHHELD' ? null : treatment === 'MASKED' ? ctx.policy.mask(i, plain) : plain;
          return { name: i.name, value, treatment };
        }),
      }),
    }));
    // No audit record, no data: written after computing the page, before returning it.
    await ctx.audit({ action: 'QUERY', resourceId: g.resourceId, grantId: g.id, scenario: g.scenario, items: items.map((i) => i.name), outcome: 'SUCCESS', detail: `${edges.length} records` });
    return { ...conn, edges };
  }

  @Authorized(...CONSUMERS)
  @Mutation(() => RecordFlag, { description: 'a consumer flags a doubtful record of a grant back to the provider (001 §24, 004 §24)' })
  async flagRecord(
    @Arg('grantId', () => ID) grantId: string, @Arg('recordKey') recordKey: string, @Arg('reason') reason: string, @Ctx() ctx: DeliveryContext,
  ): Promise<RecordFlag> {
    const user = requireUser(ctx);
    const g = await usableGrant(ctx, grantId, ShareUsageMode.VERIFY);
    if (!reason.trim() || reason.length > 2000) throw BadUserInputError.field('reason', 'a flag needs a reason (1-2000 characters)');
    if (!(await ctx.ds.getRepository(ExchangeRecord).existsBy({ resourceId: g.resourceId, recordKey: ctx.policy.cipher.storedKey(g.resourceId, recordKey.trim()) }))) {
      throw BadUserInputError.field('recordKey', 'no record with this key under this grant');
    }
    const id = randomUUID();
    await ctx.ds.getRepository(RecordFlag).insert({
      id, grantId, resourceId: g.resourceId, recordKey: recordKey.trim(), reason: reason.trim(), consumerDepartmentId: g.consumerDepartmentId,
      providerDepartmentId: g.providerDepartmentId, providerRegionCode: g.providerRegionCode, flaggedBy: user.username, qualityIssueId: null,
    });
    // The provider's quality issue (004 §24), through quality's service-only mutation. If quality cannot be reached the
    // flag stays here, queryable (recordFlags), without an issue id.
    const issueId = await openQualityIssue({
      flagId: id, resourceId: g.resourceId, departmentId: g.providerDepartmentId, regionCode: g.providerRegionCode,
      reporterDepartmentId: g.consumerDepartmentId,
      description: `共享数据疑义（授权 ${g.id}，记录 ${ctx.policy.cipher.storedKey(g.resourceId, recordKey.trim()).slice(0, 16)}）：${reason.trim()}`.slice(0, 2000),
    });
    if (issueId) await ctx.ds.getRepository(RecordFlag).update({ id }, { qualityIssueId: issueId });
    return ctx.ds.getRepository(RecordFlag).findOneByOrFail({ id });
  }

  @Authorized(...STAFF)
  @Query(() => [RecordFlag], { description: 'flags raised on records of the caller department (as provider or consumer), newest 100' })
  async recordFlags(@Ctx() ctx: SharingContext): Promise<RecordFlag[]> {
    const user = requireUser(ctx);
    return ctx.ds.getRepository(RecordFlag).createQueryBuilder('f')
      .where('(f.providerDepartmentId = :fd OR f.consumerDepartmentId = :fd)', { fd: user.department ?? '-' })
      .orderBy('f.createdAt', 'DESC').take(100).getMany();
  }

  @Authorized(...STAFF)
  @Query(() => ExchangeLoad, { nullable: true, description: 'a bulk load and its result (row + reason of each bad row)' })
  async exchangeLoad(@Arg('id', () => ID) id: string, @Ctx() ctx: SharingContext): Promise<ExchangeLoad | null> {
    const user = requireUser(ctx);
    const l = await ctx.ds.getRepository(ExchangeLoad).findOneBy({ id });
    if (!l) return null;
    if (!canAccessDepartment(user, l, 'read')) throw new ForbiddenError(`not allowed to read load ${id}`);
    return l;
  }
}
