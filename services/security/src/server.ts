import { loadConfig, type SecurityConfig } from './config';
import { keyringFromEnv } from '@gov/gm-crypto';
import { isLeadWorker, subgraphServer, type AuditShipper, type GraphQLApp, type ServiceDeps, type ServiceModule } from '@gov/kit';
import type { SecurityDeps } from './context';
import { AuditAction, AuditOutcome } from './entities/enums';
import { securityActivities } from './activities/anchor.activities';
import { ChainAppender, writeBatch } from './domain/appender';
import { ensureAuditAnchorSchedule } from './domain/anchor-schedule';
import { AuditChainHead, AuditRecord } from './entities/audit-record';
import { AuditAnchor } from './entities/audit-anchor';
import { AuditArchive } from './entities/audit-archive';
import { DataUseAgreement } from './entities/data-use-agreement';
import { GradePolicyRule } from './entities/grade-policy-rule';
import { SecurityIncident } from './entities/security-incident';
import { EmergencyDrill, EmergencyPlan, EmergencyPlanVersion } from './entities/emergency-plan';
import { EmergencyDrillResolver, EmergencyPlanResolver, EmergencyPlanVersionResolver } from './resolvers/emergency-plan.resolver';
import { AgreementResolver } from './resolvers/agreement.resolver';
import { NotificationResolver } from './resolvers/notification.resolver';
import { DoneTaskResolver } from './resolvers/done-task.resolver';
import { DepartmentWebhookResolver } from './resolvers/webhook.resolver';
import { DepartmentWebhook, WebhookDelivery } from './entities/department-webhook';
import { WebhookRelay } from './domain/webhooks';
import { Notification, NotificationRead, NotificationRecipient } from './entities/notification';
import { AnchorResolver } from './resolvers/anchor.resolver';
import { GradePolicyResolver } from './resolvers/grade-policy.resolver';
import { IncidentResolver } from './resolvers/incident.resolver';
import { KeysResolver } from './resolvers/keys.resolver';
import { RetentionResolver } from './resolvers/retention.resolver';
import { migrations } from './migrations';
import { AuditRecordResolver, DepartmentAuditResolver } from './resolvers/audit-record.resolver';
import { references } from './resolvers/references';
import { seedSecurity } from './seed';
import { publicAnchorHandler } from './routes/anchor.route';
import { SecurityFactResolver } from './resolvers/facts.resolver';
import { SecurityTaskResolver } from './resolvers/task.resolver';

export async function createServer(deps: ServiceDeps<SecurityConfig>): Promise<GraphQLApp> {
  // Test runs start the workflow themselves (a schedule per throwaway run would pile up on the shared Temporal server);
  // offline composition has no Temporal client.
  if (deps.temporal && deps.config.nodeEnv !== 'test') await ensureAuditAnchorSchedule(deps.temporal, deps.taskQueuePrefix, deps.logger);
  const appender = new ChainAppender(deps.ds);
  const app = await subgraphServer<SecurityDeps>(deps, {
    name: 'security',
    resolvers: [AuditRecordResolver, DepartmentAuditResolver, GradePolicyResolver, AgreementResolver, AnchorResolver, IncidentResolver, RetentionResolver, KeysResolver,
      EmergencyPlanResolver, EmergencyDrillResolver, EmergencyPlanVersionResolver, SecurityFactResolver, NotificationResolver, DoneTaskResolver, SecurityTaskResolver, DepartmentWebhookResolver],
    references,
    context: { ds: deps.ds, keyring: deps.config.keyring, signer: deps.config.signer, appender },
  });
  app.app.get('/public/audit-anchors/:day', publicAnchorHandler({ ds: deps.ds, logger: deps.logger }));
  // Department webhooks: one relay per database, like the audit outbox's (offline composition has no outbox, serves nothing).
  if (deps.outbox && isLeadWorker()) {
    const relay = new WebhookRelay({
      ds: deps.ds, keyring: deps.config.keyring, logger: deps.logger,
      baseDelayMs: deps.config.webhooks.retryBaseMs, maxAttempts: deps.config.webhooks.maxAttempts, timeoutMs: deps.config.webhooks.timeoutMs,
      retentionDays: deps.config.webhooks.retentionDays, pruneEveryMs: deps.config.webhooks.pruneEveryMs,
    });
    relay.start();
    const stop = app.stop;
    app.stop = async () => { await relay.stop(); await stop(); };
  }
  return app;
}

export const service: ServiceModule<SecurityConfig> = {
  name: 'security',
  loadConfig,
  entities: [AuditRecord, AuditChainHead, GradePolicyRule, AuditAnchor, AuditArchive, SecurityIncident, DataUseAgreement, EmergencyPlan, EmergencyPlanVersion, EmergencyDrill, Notification, NotificationRecipient, NotificationRead, DepartmentWebhook, WebhookDelivery],
  // Security's own outbox is shipped in process into the chain it keeps — not over HTTP back to itself.
  auditShipper: (deps): AuditShipper => async (records) => {
    // kit's string unions and security's GraphQL enums carry the same values
    await writeBatch(deps.ds, records.map((r) => ({ ...r, action: r.action as AuditAction, outcome: r.outcome as AuditOutcome, occurredAt: new Date(r.occurredAt) })));
  },
  activities: (deps) => securityActivities({ ds: deps.ds, signer: deps.config.signer }),
  migrations,
  createServer,
  seed: (ds) => seedSecurity(ds, keyringFromEnv()),
};
