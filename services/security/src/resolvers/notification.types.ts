import { Field, ID, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'one notice in the caller\'s inbox: a task assigned, an escalation, a decision on the caller\'s own request' })
export class Notification {
  @Field(() => ID) id: string;
  @Field({ description: 'TASK | DECISION | ESCALATION | REMINDER (a deadline one working day away)' }) kind: string;
  @Field() title: string;
  @Field({ description: 'the type of the thing to act on, e.g. ShareApplication' }) resourceType: string;
  @Field(() => ID, { description: 'the id of the thing to act on' }) resourceId: string;
  @Field(() => String, { nullable: true, description: 'where the portal shows it' }) link: string | null;
  @Field() createdAt: Date;
  @Field(() => Date, { nullable: true, description: 'when the caller marked it read; null = unread' }) readAt: Date | null;
}

@ObjectType()
export class NotificationEdge {
  @Field(() => Notification) node: Notification;
}

@ObjectType({ description: "the caller's inbox, newest first" })
export class NotificationConnection {
  @Field(() => Int, { description: 'all notices addressed to the caller' }) totalCount: number;
  @Field(() => Int, { description: 'of which unread (for a badge)' }) unreadCount: number;
  @Field(() => [NotificationEdge]) edges: NotificationEdge[];
}
