import { subgraphServer, type GraphQLApp, type ServiceDeps, type ServiceModule } from '@gov/kit';
import type { SecurityDeps } from './context';
import { keyringFromEnv } from '@gov/gm-crypto';
import { securityActivities } from './activities';
import { ChainAppender } from './appender';
import { ensureAuditAnchorSchedule } from './schedule';
import { signingKeyFromEnv } from './anchor';
import { AuditChainHead, AuditRecord } from './entities/audit-record';
import { AuditAnchor, AuditArchive, DataUseAgreement, GradePolicyRule, SecurityIncident } from './entities/governance';
import { AgreementResolver, AnchorResolver, GradePolicyResolver } from './resolvers/governance.resolver';
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
  return subgraphServer<SecurityDeps>(deps, {
    name: 'security',
    resolvers: [AuditRecordResolver, DepartmentAuditResolver, GradePolicyResolver, AgreementResolver, AnchorResolver, IncidentResolver, RetentionResolver, KeysResolver],
    references,
    context: { ds: deps.ds, keyring: keyringFromEnv(), signer: signingKeyFromEnv(), appender: new ChainAppender(deps.ds) },
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
