// The data API through the graph (cursor pages, item filter) and the public users' personal API keys (issue 10 §3).
import { BadUserInputError, requireUser } from '@gov/kit';
import { IsOptional, Length, Max, Min } from 'class-validator';
import { Arg, Args, ArgsType, Authorized, Ctx, Field, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { OpenDataContext } from '../context';
import { createApiKey, revokeApiKey } from '../domain/api-keys';
import { MAX_PAGE, readRecordPage } from '../domain/records';
import { countUse } from '../domain/usage';
import { OpenDataApiKey } from '../entities/open-data-api-key';
import { CreatedOpenDataApiKey, OpenDataRecordPage } from './api.types';

@ArgsType()
class RecordPageArgs {
  @Field(() => Int, { defaultValue: 100 }) @Min(1) @Max(MAX_PAGE) first: number;
  @Field(() => String, { nullable: true, description: 'endCursor of the previous page' }) @IsOptional() @Length(1, 64) after?: string | null;
  @Field(() => [String], { nullable: true, description: 'only these items' }) @IsOptional() items?: string[] | null;
}

@Resolver()
export class OpenDataApiResolver {
  // No @Authorized: UNCONDITIONAL data is for anyone; CONDITIONAL data checks the caller's approved application.
  @Query(() => OpenDataRecordPage, { description: 'a page of records (de-identified for the open use); conditional data only to an approved applicant (000 §21)' })
  async openDatasetRecords(@Arg('id', () => ID) id: string, @Args(() => RecordPageArgs) args: RecordPageArgs, @Ctx() ctx: OpenDataContext): Promise<OpenDataRecordPage> {
    const page = await readRecordPage(ctx.ds, id, ctx.user?.sub ?? null, args, ctx.rules, ctx.config);
    await ctx.audit({ action: 'QUERY', resourceId: page.resourceId, items: page.columns, detail: `open dataset ${id} api rows=${page.records.length}` });
    await countUse(ctx.ds, id, 'API');
    return {
      columns: page.columns, endCursor: page.endCursor, hasNextPage: page.hasNextPage,
      records: page.records.map((r) => ({ id: r.id, fields: page.columns.map((name) => ({ name, value: r.fields[name] ?? null })) })),
    };
  }

  @Authorized('public')
  @Mutation(() => CreatedOpenDataApiKey, { description: 'a public user creates a personal API key (the secret is shown once)' })
  async createOpenDataApiKey(
    @Arg('name', () => String) name: string,
    @Arg('expiresInDays', () => Int, { defaultValue: 365 }) expiresInDays: number,
    @Ctx() ctx: OpenDataContext,
  ): Promise<CreatedOpenDataApiKey> {
    if (!name.trim() || name.length > 100) throw BadUserInputError.field('name', 'between 1 and 100 characters');
    if (!Number.isInteger(expiresInDays) || expiresInDays < 1 || expiresInDays > 730) throw BadUserInputError.field('expiresInDays', 'between 1 and 730');
    return createApiKey(ctx.ds, requireUser(ctx), name.trim(), expiresInDays, (e, m) => ctx.audit(e, m));
  }

  @Authorized('public')
  @Mutation(() => OpenDataApiKey, { description: 'the owner revokes a key: refused from the next call on' })
  revokeOpenDataApiKey(@Arg('id', () => ID) id: string, @Ctx() ctx: OpenDataContext): Promise<OpenDataApiKey> {
    return revokeApiKey(ctx.ds, requireUser(ctx), id, (e, m) => ctx.audit(e, m));
  }

  @Authorized('public')
  @Query(() => [OpenDataApiKey], { description: "the caller's own API keys, newest first (never their secrets)" })
  async myOpenDataApiKeys(@Ctx() ctx: OpenDataContext): Promise<OpenDataApiKey[]> {
    const user = requireUser(ctx);
    const keys = await ctx.ds.getRepository(OpenDataApiKey).find({ where: { ownerSub: user.sub }, order: { createdAt: 'DESC' }, take: 100 });
    await ctx.audit({ action: 'QUERY', items: ['openDataApiKey'], detail: `rows=${keys.length}` });
    return keys;
  }
}
