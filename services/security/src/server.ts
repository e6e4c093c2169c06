import { buildSubgraph, createSubgraphApp, type GraphQLApp, type ServiceDeps, type ServiceModule } from '@gov/kit';
import type { SecurityDeps } from './context';
import { AuditChainHead, AuditRecord } from './entities/audit-record';
import { migrations } from './migrations';
import { AuditRecordResolver, DepartmentAuditResolver } from './resolvers/audit-record.resolver';
import { references } from './resolvers/references';
import { seedSecurity } from './seed';

export async function createServer(deps: ServiceDeps): Promise<GraphQLApp> {
  const schema = await buildSubgraph({ resolvers: [AuditRecordResolver, DepartmentAuditResolver], references });
  return createSubgraphApp<SecurityDeps>({
    name: 'security', schema, config: deps.config, logger: deps.logger, ds: deps.ds, temporal: deps.temporal,
    deps: { ds: deps.ds },
  });
}

export const service: ServiceModule = {
  name: 'security',
  entities: [AuditRecord, AuditChainHead],
  migrations,
  createServer,
  seed: seedSecurity,
};
