import { auditInput, AuditUnavailableError, subgraphServer, type AuditClient, type GraphQLApp, type ServiceDeps, type ServiceModule } from '@gov/kit';
import type { SecurityDeps } from './context';
import { AuditAction, AuditOutcome } from './entities/enums';
import { keyringFromEnv } from '@gov/gm-crypto';
import { securityActivities } from './activities/anchor.activities';
import { ChainAppender } from './domain/appender';
import { ensureAuditAnchorSchedule } from './domain/anchor-schedule';
import { signingKeyFromEnv } from './domain/anchor';
import { AuditChainHead, AuditRecord } from './entities/audit-record';
import { AuditAnchor, AuditArchive, DataUseAgreement, GradePolicyRule, SecurityIncident } from './entities/governance';
import { AgreementResolver } from './resolvers/agreement.resolver';
import { AnchorResolver } from './resolvers/anchor.resolver';
import { GradePolicyResolver } from './resolvers/grade-policy.resolver';
import { IncidentResolver } from './resolvers/incident.resolver';
import { KeysResolver } from './resolvers/keys.resolver';
import { RetentionResolver } from './resolvers/retention.resolver';
import { migrations } from './migrations';
import { AuditRecordResolver, DepartmentAuditResolver } from './resolvers/audit-record.resolver';
import { references } from './resolvers/references';
import { seedSecurity } from './seed';

export async function createServer(deps: ServiceDeps): Promise<GraphQLApp> {
  // Test runs start the workflow themselves (a schedule per throwaway run would pile up on the shared Temporal server);
  // offline composition has no Temporal client.
  if (deps.temporal && deps.config.nodeEnv !== 'test') await ensureAuditAnchorSchedule(deps.temporal, deps.taskQueuePrefix, deps.logger);
  const appender = new ChainAppender(deps.ds);
  // Security audits its own reads straight into the chain it keeps — not over HTTP back to itself.
  const auditClient: AuditClient = {
    async append(actor, requestId, entry) {
      try {
        const input = auditInput(actor, requestId, entry, 'security');
        // kit's string unions and security's GraphQL enums carry the same values
        await appender.append({ ...input, action: input.action as AuditAction, outcome: input.outcome as AuditOutcome });
      } catch (e) {
        throw new AuditUnavailableError((e as Error).message);
      }
    },
  };
  return subgraphServer<SecurityDeps>(deps, {
    name: 'security',
    auditClient,
    resolvers: [AuditRecordResolver, DepartmentAuditResolver, GradePolicyResolver, AgreementResolver, AnchorResolver, IncidentResolver, RetentionResolver, KeysResolver],
    references,
    context: { ds: deps.ds, keyring: keyringFromEnv(), signer: signingKeyFromEnv(), appender },
  });
}

export const service: ServiceModule = {
  name: 'security',
  entities: [AuditRecord, AuditChainHead, GradePolicyRule, AuditAnchor, AuditArchive, SecurityIncident, DataUseAgreement],
  activities: (deps) => securityActivities({ ds: deps.ds, signer: signingKeyFromEnv() }),
  migrations,
  createServer,
  seed: seedSecurity,
};
