// The per-user inbox (issue 14 §4): notices addressed to the caller by name, or to a role the caller holds in the
// caller's own department or region — so a county user never sees a city notice.
import { BadUserInputError, requireUser } from '@gov/kit';
import { Arg, Authorized, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { SecurityContext } from '../context';
import { inboxOf, markRead } from '../domain/notifications';
import { Notification, NotificationConnection } from './notification.types';

export const MAX_NOTIFICATIONS = 200;
const ID_RE = /^[0-9a-f-]{36}$/i;

@Resolver(() => Notification)
export class NotificationResolver {
  @Authorized() // anyone logged in: a public applicant is told of the decision on its open-data application
  @Query(() => NotificationConnection, { description: `the caller's notifications, newest first (at most ${MAX_NOTIFICATIONS}); unreadOnly leaves the read ones out` })
  async myNotifications(
    @Arg('first', () => Int, { defaultValue: 20 }) first: number,
    @Arg('unreadOnly', { defaultValue: false }) unreadOnly: boolean,
    @Ctx() ctx: SecurityContext,
  ): Promise<NotificationConnection> {
    const user = requireUser(ctx);
    if (!Number.isInteger(first) || first < 1 || first > MAX_NOTIFICATIONS) throw BadUserInputError.field('first', `between 1 and ${MAX_NOTIFICATIONS}`);
    const inbox = await inboxOf(ctx.ds.manager, user, first, unreadOnly);
    await ctx.audit({ action: 'QUERY', items: ['myNotifications'], detail: `notifications rows=${inbox.rows.length} unread=${inbox.unreadCount}` });
    return {
      totalCount: inbox.totalCount, unreadCount: inbox.unreadCount,
      edges: inbox.rows.map((r) => ({ node: {
        id: r.id, kind: r.kind, title: r.title, resourceType: r.subjectType, resourceId: r.subjectId, link: r.link,
        createdAt: new Date(r.createdAt), readAt: r.readAt ? new Date(r.readAt) : null,
      } })),
    };
  }

  @Authorized()
  @Mutation(() => Int, { description: "marks the caller's own notices among ids read; others' ids are ignored, marking twice changes nothing. Returns how many of ids are the caller's" })
  async markNotificationsRead(@Arg('ids', () => [ID]) ids: string[], @Ctx() ctx: SecurityContext): Promise<number> {
    const user = requireUser(ctx);
    if (ids.length > MAX_NOTIFICATIONS) throw BadUserInputError.field('ids', `at most ${MAX_NOTIFICATIONS} per call`);
    ids.forEach((id, i) => { if (!ID_RE.test(id)) throw BadUserInputError.field(`ids[${i}]`, 'not a notification id'); });
    return ctx.ds.transaction(async (m) => {
      const n = await markRead(m, user, [...new Set(ids)]);
      await ctx.audit({ action: 'UPDATE', items: ['notifications'], detail: `marked read ${n} of ${ids.length}` }, m);
      return n;
    });
  }
}
