import { subgraphServer, type GraphQLApp, type ServiceDeps, type ServiceModule } from '@gov/kit';
import type { SecurityDeps } from './context';
import { AuditChainHead, AuditRecord } from './entities/audit-record';
import { migrations } from './migrations';
import { AuditRecordResolver, DepartmentAuditResolver } from './resolvers/audit-record.resolver';
import { references } from './resolvers/references';
import { seedSecurity } from './seed';

export function createServer(deps: ServiceDeps): Promise<GraphQLApp> {
  return subgraphServer<SecurityDeps>(deps, { name: 'security', resolvers: [AuditRecordResolver, DepartmentAuditResolver], references, context: { ds: deps.ds } });
}

export const service: ServiceModule = {
  name: 'security',
  entities: [AuditRecord, AuditChainHead],
  migrations,
  createServer,
  seed: seedSecurity,
};
