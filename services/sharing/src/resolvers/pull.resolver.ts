import { ScheduleAlreadyRunning, ScheduleOverlapPolicy } from '@temporalio/client';
import { BadUserInputError, ForbiddenError, NotFoundError, requireUser } from '@gov/kit';
import { sharePullScheduleId, workflowQueue } from '@gov/workflows';
import { Max, Min, IsUUID, Length, Matches } from 'class-validator';
import { Arg, Authorized, Ctx, Field, FieldResolver, ID, InputType, Int, Mutation, Resolver, Root } from 'type-graphql';
import type { SharingContext } from '../context';
import { PullSource } from '../entities/pull-source';
import { IDENTIFIER } from '../activities/pull.activities';
import { fetchExchangeResource } from '../exchange/resource';
import type { DeliveryContext } from './grant.resolver';

@InputType({ description: "a provider's MySQL table whose columns are named as the resource's data items" })
export class PullSourceInput {
  @Field(() => ID) @IsUUID() resourceId: string;
  @Field() @Length(1, 255) @Matches(/^[A-Za-z0-9.-]+$/, { message: 'host must be a host name or address' }) host: string;
  @Field(() => Int) @Min(1) @Max(65535) port: number;
  @Field() @Matches(IDENTIFIER, { message: 'database must be 1-64 letters, digits or _' }) database: string;
  @Field() @Matches(IDENTIFIER, { message: 'table must be 1-64 letters, digits or _' }) table: string;
  @Field() @Length(1, 64) username: string;
  @Field() @Length(1, 200) password: string;
  @Field(() => Int, { description: "the resource's update cycle in minutes (1 minute .. 31 days)" }) @Min(1) @Max(44640) everyMinutes: number;
}

@Resolver(() => PullSource)
export class PullSourceResolver {
  @Authorized('dept-admin')
  @Mutation(() => PullSource, { description: 'the providing department schedules the pull of its table into the exchange (a Temporal schedule per resource); again = update' })
  async configureScheduledPull(@Arg('input', () => PullSourceInput) input: PullSourceInput, @Ctx() ctx: DeliveryContext): Promise<PullSource> {
    const user = requireUser(ctx);
    const r = await fetchExchangeResource(input.resourceId, user.token);
    if (!r) throw new NotFoundError('DataResource', input.resourceId);
    if (user.department !== r.departmentId) throw new ForbiddenError('only the providing department loads the records of its resource');
    if (r.status !== 'PUBLISHED') throw BadUserInputError.field('resourceId', 'only a published resource is mounted in the exchange');
    const repo = ctx.ds.getRepository(PullSource);
    await repo.upsert({
      resourceId: r.id, departmentId: r.departmentId, regionCode: r.regionCode, host: input.host, port: input.port, database: input.database,
      table: input.table, username: input.username, password: ctx.policy.cipher.seal(input.password), everyMinutes: input.everyMinutes, updatedBy: user.username,
    }, ['resourceId']);
    const scheduleId = sharePullScheduleId(r.id, ctx.taskQueuePrefix);
    const spec = { intervals: [{ every: input.everyMinutes * 60_000 }] }; // ms
    const action = { type: 'startWorkflow' as const, workflowType: 'sharePullWorkflow', taskQueue: workflowQueue(ctx.taskQueuePrefix), args: [{ resourceId: r.id }] };
    try {
      await ctx.temporal.schedule.create({ scheduleId, spec, action, policies: { overlap: ScheduleOverlapPolicy.SKIP } });
    } catch (e) {
      if (!(e instanceof ScheduleAlreadyRunning)) throw e;
      await ctx.temporal.schedule.getHandle(scheduleId).update((prev) => ({ ...prev, spec, action }));
    }
    return repo.findOneByOrFail({ resourceId: r.id });
  }

  @FieldResolver(() => String, { description: 'the Temporal schedule that runs the pull' })
  scheduleId(@Root() s: PullSource, @Ctx() ctx: SharingContext): string {
    return sharePullScheduleId(s.resourceId, ctx.taskQueuePrefix);
  }
}
