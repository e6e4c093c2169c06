// The scheduled pull of a provider's table into the exchange (a Temporal schedule per resource).
import { BadUserInputError, fetchCatalogEntry, ForbiddenError, NotFoundError, requireUser } from '@gov/kit';
import { sharePullScheduleId } from '@gov/workflows';
import { Arg, Authorized, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import type { SharingContext } from '../context';
import { PullSource } from '../entities/pull-source';
import { savePullSource, schedulePull } from '../domain/pull-source';
import { PullSourceInput } from './pull.input';

@Resolver(() => PullSource)
export class PullSourceResolver {
  @Authorized('dept-admin')
  @Mutation(() => PullSource, { description: 'the providing department schedules the pull of its table into the exchange (a Temporal schedule per resource); again = update' })
  async configureScheduledPull(@Arg('input', () => PullSourceInput) input: PullSourceInput, @Ctx() ctx: SharingContext): Promise<PullSource> {
    const user = requireUser(ctx);
    const r = await fetchCatalogEntry(input.resourceId, user.token);
    if (!r) throw new NotFoundError('DataResource', input.resourceId);
    if (user.department !== r.departmentId) throw new ForbiddenError('only the providing department loads the records of its resource');
    if (r.status !== 'PUBLISHED') throw BadUserInputError.field('resourceId', 'only a published resource is mounted in the exchange');
    return ctx.ds.transaction(async (m) => {
      const source = await savePullSource(m, ctx.policy.cipher, r, input, user.username);
      await ctx.audit({ action: 'UPDATE', resourceId: r.id, detail: `scheduled pull every ${input.everyMinutes} min` }, m);
      // Inside the transaction: if Temporal refuses, the source is not saved either.
      await schedulePull(ctx.temporal, ctx.taskQueuePrefix, r.id, input.everyMinutes);
      return source;
    });
  }

  @FieldResolver(() => String, { description: 'the Temporal schedule that runs the pull' })
  scheduleId(@Root() s: PullSource, @Ctx() ctx: SharingContext): string {
    return sharePullScheduleId(s.resourceId, ctx.taskQueuePrefix);
  }
}
