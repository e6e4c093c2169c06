// Department webhooks (issue 14 §4): the department's data administrator registers, lists, disables and removes the
// webhooks of its own department; the authority of a region lists those of the departments it covers, and their deliveries.
import {
  assertDepartmentAccess, BadUserInputError, canAccessDepartment, coveredRegionSql, ForbiddenError, hasRole, NotFoundError, regionOfDepartment, requireRegion, requireUser,
} from '@gov/kit';
import { Arg, Args, ArgsType, Authorized, Ctx, Field, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { IsIn, IsInt, IsOptional, IsUUID, Matches, Max, Min } from 'class-validator';
import type { SecurityContext } from '../context';
import { DepartmentWebhook, DepartmentWebhookRegistration, WebhookDelivery, WebhookDeliveryStatus } from '../entities/department-webhook';
import {
  disableWebhook, enableWebhook, MAX_WEBHOOKS_PER_DEPARTMENT, REGION_NOTICE_ROLES, registerWebhook, removeWebhook, webhookSecretProblem, webhookUrlProblem,
} from '../domain/webhooks';
import { RegisterDepartmentWebhookInput } from './webhook.input';

export const MAX_DELIVERIES = 200;
/** Who keeps a department's webhooks: its data administrator; the authority's and the platform operator's own departments' too (issue 14 §4). */
const WEBHOOK_OWNERS = ['dept-admin', 'authority', 'platform-operator'] as const;
/** Who also reads the webhooks of the departments of the regions it covers. */
const OVERSIGHT = ['authority', 'platform-operator'] as const;
const ID_RE = /^[0-9a-f-]{36}$/i;

@ArgsType()
class WebhookDeliveriesArgs {
  @Field(() => ID) @IsUUID() webhookId: string;
  @Field(() => Int, { defaultValue: 20, description: `newest first, at most ${MAX_DELIVERIES}` }) @IsInt() @Min(1) @Max(MAX_DELIVERIES) first: number;
  @Field(() => WebhookDeliveryStatus, { nullable: true }) @IsOptional() @IsIn(Object.values(WebhookDeliveryStatus)) status?: WebhookDeliveryStatus | null;
}

@ArgsType()
class DepartmentWebhooksArgs {
  @Field(() => String, { nullable: true, description: "one department (the data administrator's own; the authority's within its region)" })
  @IsOptional() @Matches(/^\d{6}-[A-Za-z0-9_]{1,33}$/, { message: 'departmentId must look like 420600-gaj' }) departmentId?: string | null;
}

@Resolver(() => DepartmentWebhook)
export class DepartmentWebhookResolver {
  @Authorized(...WEBHOOK_OWNERS)
  @Mutation(() => DepartmentWebhookRegistration, {
    description: "registers a webhook of the caller's department: each notice addressed to the department (or a role in it) is POSTed there as JSON, "
      + 'signed like PUSH (x-gov-signature = hex HMAC-SM3(secret, "<x-gov-timestamp>.<body>")), with an idempotency-key; the secret is shown once. '
      + "An authority or platform operator may also opt in to the notices addressed to its role in its region (includeRegionNotices)",
  })
  async registerDepartmentWebhook(@Arg('input') input: RegisterDepartmentWebhookInput, @Ctx() ctx: SecurityContext): Promise<DepartmentWebhookRegistration> {
    const user = requireRegion(ctx);
    if (!user.department) throw new ForbiddenError('only a department registers a webhook');
    const urlProblem = webhookUrlProblem(input.url);
    if (urlProblem) throw BadUserInputError.field('url', urlProblem);
    const secretProblem = input.secret == null ? null : webhookSecretProblem(input.secret);
    if (secretProblem) throw BadUserInputError.field('secret', secretProblem);
    const regionRoles = REGION_NOTICE_ROLES.filter((r) => hasRole(user, r));
    if (input.includeRegionNotices && !regionRoles.length) {
      throw new ForbiddenError('includeRegionNotices: only an authority or a platform operator receives the notices addressed to its role in its region');
    }
    const department = user.department;
    const regionCode = regionOfDepartment(department) ?? user.region;
    if (input.includeRegionNotices && regionCode !== user.region) throw new ForbiddenError(`includeRegionNotices: the department ${department} is not in the caller's region ${user.region}`);
    return ctx.ds.transaction(async (m) => {
      const count = await m.getRepository(DepartmentWebhook).countBy({ departmentId: department });
      if (count >= MAX_WEBHOOKS_PER_DEPARTMENT) throw BadUserInputError.field('url', `a department has at most ${MAX_WEBHOOKS_PER_DEPARTMENT} webhooks; remove one first`);
      const reg = await registerWebhook(m, ctx.keyring, {
        departmentId: department, regionCode, url: input.url, kinds: [...new Set(input.kinds ?? [])].sort(),
        regionRoles: input.includeRegionNotices ? [...regionRoles] : [],
        description: input.description ?? null, secret: input.secret ?? null, createdBy: user.username,
      });
      await ctx.audit({
        action: 'UPDATE', resourceId: reg.webhook.id, items: ['departmentWebhook'],
        detail: `webhook ${reg.webhook.id} registered for ${department}: host ${new URL(input.url).host}, kinds ${reg.webhook.kinds.join(',') || 'all'}, `
          + `region notices ${reg.webhook.regionRoles.length ? `${reg.webhook.regionRoles.join(',')} of ${regionCode}` : 'none'}, secret ${input.secret ? 'supplied' : 'generated'}`,
      }, m);
      return reg;
    });
  }

  @Authorized(...WEBHOOK_OWNERS)
  @Query(() => [DepartmentWebhook], { description: "the webhooks of the caller's department (data administrator) or of the departments of the regions the authority or platform operator covers" })
  async departmentWebhooks(@Args() { departmentId }: DepartmentWebhooksArgs, @Ctx() ctx: SecurityContext): Promise<DepartmentWebhook[]> {
    const user = requireRegion(ctx);
    const qb = ctx.ds.getRepository(DepartmentWebhook).createQueryBuilder('w').orderBy('w.createdAt', 'DESC').take(2000);
    if (departmentId) {
      const owner = { departmentId, regionCode: regionOfDepartment(departmentId) ?? '' };
      if (!(hasRole(user, ...OVERSIGHT) ? canAccessDepartment(user, owner, 'read') : departmentId === user.department)) {
        throw new ForbiddenError(`department ${user.department ?? '(none)'} may not read the webhooks of ${departmentId}`);
      }
      qb.where('w.departmentId = :d', { d: departmentId });
    } else if (hasRole(user, ...OVERSIGHT)) {
      const covered = coveredRegionSql('w.regionCode', user.region);
      qb.where(covered.sql, covered.params);
    } else {
      qb.where('w.departmentId = :d', { d: user.department ?? '-' });
    }
    const rows = await qb.getMany();
    await ctx.audit({ action: 'QUERY', items: ['departmentWebhooks'], detail: `webhooks rows=${rows.length}${departmentId ? ` of ${departmentId}` : ''}` });
    return rows;
  }

  @Authorized(...WEBHOOK_OWNERS)
  @Mutation(() => DepartmentWebhook, { description: "disables a webhook of the caller's department: nothing more is posted, pending deliveries are cancelled; disabling twice changes nothing" })
  async disableDepartmentWebhook(@Arg('id', () => ID) id: string, @Ctx() ctx: SecurityContext): Promise<DepartmentWebhook> {
    const user = requireUser(ctx);
    return ctx.ds.transaction(async (m) => {
      const w = await ownWebhook(m.getRepository(DepartmentWebhook), id, user.department);
      const { webhook, cancelled } = await disableWebhook(m, w);
      await ctx.audit({ action: 'UPDATE', resourceId: id, items: ['departmentWebhook'], detail: `webhook ${id} of ${w.departmentId} disabled; pending deliveries cancelled=${cancelled}` }, m);
      return webhook;
    });
  }

  @Authorized(...WEBHOOK_OWNERS)
  @Mutation(() => DepartmentWebhook, {
    description: "enables a disabled webhook of the caller's department again: the notices from now on are delivered (those cancelled by the disable are not); enabling twice changes nothing",
  })
  async enableDepartmentWebhook(@Arg('id', () => ID) id: string, @Ctx() ctx: SecurityContext): Promise<DepartmentWebhook> {
    const user = requireUser(ctx);
    return ctx.ds.transaction(async (m) => {
      const w = await ownWebhook(m.getRepository(DepartmentWebhook), id, user.department);
      const { webhook, changed } = await enableWebhook(m, w);
      await ctx.audit({ action: 'UPDATE', resourceId: id, items: ['departmentWebhook'], detail: `webhook ${id} of ${w.departmentId} ${changed ? 'enabled' : 'already enabled'}` }, m);
      return webhook;
    });
  }

  @Authorized(...WEBHOOK_OWNERS)
  @Mutation(() => ID, { description: "removes a webhook of the caller's department and its delivery history; returns its id" })
  async removeDepartmentWebhook(@Arg('id', () => ID) id: string, @Ctx() ctx: SecurityContext): Promise<string> {
    const user = requireUser(ctx);
    return ctx.ds.transaction(async (m) => {
      const w = await ownWebhook(m.getRepository(DepartmentWebhook), id, user.department);
      await removeWebhook(m, w);
      await ctx.audit({ action: 'UPDATE', resourceId: id, items: ['departmentWebhook'], detail: `webhook ${id} of ${w.departmentId} removed (host ${new URL(w.url).host})` }, m);
      return id;
    });
  }

  @Authorized(...WEBHOOK_OWNERS)
  @Query(() => [WebhookDelivery], { description: 'the deliveries of one webhook, newest first: status, attempts, last error, response code (its department; the authority or platform operator of a covering region)' })
  async webhookDeliveries(@Args() { webhookId, first, status }: WebhookDeliveriesArgs, @Ctx() ctx: SecurityContext): Promise<WebhookDelivery[]> {
    const user = requireUser(ctx);
    const w = await ctx.ds.getRepository(DepartmentWebhook).findOneBy({ id: webhookId });
    if (!w) throw new NotFoundError('webhook', webhookId);
    assertDepartmentAccess(user, w, 'read', 'the deliveries of a webhook');
    const rows = await ctx.ds.getRepository(WebhookDelivery).find({
      where: { webhookId, ...(status ? { status } : {}) }, order: { createdAt: 'DESC', id: 'DESC' }, take: first,
    });
    await ctx.audit({ action: 'QUERY', resourceId: webhookId, items: ['webhookDeliveries'], detail: `webhook deliveries rows=${rows.length}` });
    return rows;
  }
}

/** The webhook, if it is the caller's department's: another department's is FORBIDDEN, an unknown id NOT_FOUND. */
async function ownWebhook(repo: import('typeorm').Repository<DepartmentWebhook>, id: string, department: string | null): Promise<DepartmentWebhook> {
  if (!ID_RE.test(id)) throw BadUserInputError.field('id', 'not a webhook id');
  const w = await repo.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  if (!w) throw new NotFoundError('webhook', id);
  if (w.departmentId !== department) throw new ForbiddenError(`department ${department ?? '(none)'} may not change the webhooks of ${w.departmentId}`);
  return w;
}
