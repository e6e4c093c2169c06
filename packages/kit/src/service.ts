// createSubgraphApp: what every subgraph's createServer() calls. Zero trust: each subgraph verifies the token itself.
import type { DataSource, EntityManager } from 'typeorm';
import type { Client } from '@temporalio/client';
import type { GraphQLSchema } from 'graphql';
import { auditActorOf, createAuditClient, deniedAccessAuditPlugin, type AuditClient, type AuditEntry } from './audit';
import { buildSubgraph, type SubgraphOptions } from './subgraph';
import type { ServiceDeps, ServiceName } from './run';
import { createTokenVerifier, type TokenVerifier } from './auth';
import type { CommonConfig } from './config';
import { createGraphQLApp, type GraphQLApp } from './http';
import type { Logger } from './logger';
import type { User } from './roles';
import { pingTemporal } from './temporal';

export interface BaseContext {
  user: User | null;
  requestId: string;
  /**
   * Appends one audit record for this request's user to security's SM3 chain (004 §33). Call it after computing the
   * data and BEFORE returning it: it throws AuditUnavailableError when the record cannot be written (no audit, no data).
   */
  audit(entry: AuditEntry, manager?: EntityManager): Promise<void>;
}

export interface SubgraphAppOptions<D> {
  name: string;
  schema: GraphQLSchema;
  config: CommonConfig;
  logger: Logger;
  ds: DataSource;
  temporal?: Client;
  /** Service-specific dependencies placed on every request's context. */
  deps: D;
  /** Per-request dependencies (DataLoaders): built fresh for each request. */
  perRequest?: () => object;
  verifier?: TokenVerifier;
  /** Where ctx.audit appends; default: security's service-only mutation with the platform's service account. */
  auditClient?: AuditClient;
}

export type SubgraphContext<D> = BaseContext & D;

export function verifierFor(config: CommonConfig): TokenVerifier {
  return createTokenVerifier({ issuer: config.keycloak.issuer, jwksUrl: config.keycloak.jwksUrl, audience: config.keycloak.audience });
}

export async function createSubgraphApp<D extends object>(opts: SubgraphAppOptions<D>): Promise<GraphQLApp> {
  const verify = opts.verifier ?? verifierFor(opts.config);
  const temporal = opts.temporal;
  const auditor = opts.auditClient ?? createAuditClient({ config: opts.config, source: opts.name });
  return createGraphQLApp<SubgraphContext<D>>({
    name: opts.name,
    logger: opts.logger,
    apollo: { schema: opts.schema, plugins: [deniedAccessAuditPlugin(opts.logger)] },
    context: async (req, requestId) => {
      const user = await verify(req.headers.authorization);
      const audit = (entry: AuditEntry) => auditor.append(auditActorOf(user), requestId, entry);
      return { ...opts.deps, ...opts.perRequest?.(), user, requestId, audit } as SubgraphContext<D>;
    },
    readiness: {
      database: () => opts.ds.query('SELECT 1'),
      ...(temporal ? { temporal: () => pingTemporal(temporal) } : {}),
    },
  });
}

/**
 * What every subgraph's createServer() is: its resolvers and references built into a subgraph schema, served with the
 * deployable's database, Temporal client, config and logger. `context` is placed on every request's context.
 */
export async function subgraphServer<D extends object>(
  deps: ServiceDeps,
  opts: SubgraphOptions & { name: ServiceName; context: D; perRequest?: () => object; auditClient?: AuditClient },
): Promise<GraphQLApp> {
  const schema = await buildSubgraph(opts);
  return createSubgraphApp<D>({
    name: opts.name, schema, config: deps.config, logger: deps.logger, ds: deps.ds, temporal: deps.temporal,
    deps: opts.context, perRequest: opts.perRequest, auditClient: opts.auditClient,
  });
}
