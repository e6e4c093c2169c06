import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

export enum WebhookStatus { ACTIVE = 'ACTIVE', DISABLED = 'DISABLED' }
registerEnumType(WebhookStatus, { name: 'WebhookStatus', description: 'ACTIVE: notices are delivered; DISABLED: nothing is delivered, pending deliveries are cancelled (enabling again delivers the notices that come after)' });

export enum WebhookDeliveryStatus { PENDING = 'PENDING', DELIVERED = 'DELIVERED', FAILED = 'FAILED', CANCELLED = 'CANCELLED' }
registerEnumType(WebhookDeliveryStatus, {
  name: 'WebhookDeliveryStatus',
  description: 'PENDING: waiting for its (next) attempt; DELIVERED: the receiver answered 2xx; FAILED: given up after the last attempt; CANCELLED: the webhook was disabled first',
});

const kindsColumn = {
  to: (v: string[] | null): string | null => (v && v.length ? v.join(',') : null),
  from: (v: string | null): string[] => (v ? v.split(',') : []),
};

@ObjectType({ description: "Where a department's notices are posted (its own OA system), signed like PUSH: x-gov-signature = hex HMAC-SM3(secret, \"<x-gov-timestamp>.<body>\")" })
@Entity('department_webhook')
export class DepartmentWebhook {
  @Field(() => ID) @PrimaryColumn({ type: 'char', length: 36 }) id: string;
  @Field(() => ID) @Column({ type: 'varchar', length: 40, name: 'department_id' }) departmentId: string;
  @Field() @Column({ type: 'varchar', length: 12, name: 'region_code' }) regionCode: string;
  @Field() @Column({ type: 'varchar', length: 500 }) url: string;
  @Field(() => String, { nullable: true }) @Column({ type: 'varchar', length: 200, nullable: true }) description: string | null;
  @Field(() => [String], { description: 'the notice kinds delivered (TASK, DECISION, ESCALATION); empty = all' })
  @Column({ type: 'varchar', length: 200, nullable: true, transformer: kindsColumn }) kinds: string[];
  /** SM4 envelope of the signing secret. */
  @Column({ type: 'text' }) secret: string;
  @Field(() => [String], {
    description: "the roles (authority, platform-operator) whose notices addressed to the webhook's region it also receives; empty = only the department's own notices",
  })
  @Column({ type: 'varchar', length: 60, nullable: true, name: 'region_roles', transformer: kindsColumn }) regionRoles: string[];
  @Field({ description: 'whether the notices addressed to the registrant\'s role in this region (not to a department) are delivered here too' })
  get includeRegionNotices(): boolean { return this.regionRoles.length > 0; }
  @Field(() => WebhookStatus) @Column({ type: 'varchar', length: 12 }) status: WebhookStatus;
  @Field() @Column({ type: 'varchar', length: 64, name: 'created_by' }) createdBy: string;
  @Field() @CreateDateColumn({ type: 'datetime', precision: 3, name: 'created_at' }) createdAt: Date;
  @Field(() => Date, { nullable: true }) @Column({ type: 'datetime', precision: 3, nullable: true, name: 'disabled_at' }) disabledAt: Date | null;
}

@ObjectType()
export class DepartmentWebhookRegistration {
  @Field(() => DepartmentWebhook) webhook: DepartmentWebhook;
  @Field({ description: 'the HMAC-SM3 signing secret: shown once, here (the one supplied, or a generated one)' }) secret: string;
}

@ObjectType({ description: 'One notice posted to one webhook (at least once; every attempt carries the same idempotency-key / x-gov-delivery-id = id)' })
@Entity('webhook_delivery')
export class WebhookDelivery {
  @Field(() => ID, { description: 'also the idempotency key the receiver sees' }) @PrimaryColumn({ type: 'char', length: 36 }) id: string;
  @Field(() => ID) @Column({ type: 'char', length: 36, name: 'webhook_id' }) webhookId: string;
  @Field(() => ID) @Column({ type: 'char', length: 36, name: 'notification_id' }) notificationId: string;
  @Column({ type: 'longtext' }) body: string;
  @Field(() => WebhookDeliveryStatus) @Column({ type: 'varchar', length: 12 }) status: WebhookDeliveryStatus;
  @Field(() => Int) @Column({ type: 'int', default: 0 }) attempts: number;
  @Field({ description: 'when the next attempt is due (PENDING)' }) @Column({ type: 'datetime', precision: 3, name: 'next_attempt_at' }) nextAttemptAt: Date;
  @Field(() => String, { nullable: true }) @Column({ type: 'varchar', length: 500, nullable: true, name: 'last_error' }) lastError: string | null;
  @Field(() => Int, { nullable: true, description: "the receiver's HTTP status of the last attempt" }) @Column({ type: 'int', nullable: true, name: 'response_code' }) responseCode: number | null;
  @Field() @CreateDateColumn({ type: 'datetime', precision: 3, name: 'created_at' }) createdAt: Date;
  @Field(() => Date, { nullable: true }) @Column({ type: 'datetime', precision: 3, nullable: true, name: 'delivered_at' }) deliveredAt: Date | null;
}
