// createSubgraphApp: what every subgraph's createServer() calls. Zero trust: each subgraph verifies the token itself.
import type { DataSource, EntityManager } from 'typeorm';
import type { Client } from '@temporalio/client';
import type { GraphQLSchema } from 'graphql';
import { auditActorOf, deniedAccessAuditPlugin, type AuditEntry } from './audit';
import { AuditUnavailableError } from './errors';
import type { AuditOutbox } from './outbox';
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
   * Writes one audit record for this request's user (004 §33) into the service's outbox, shipped to security's SM3
   * chain by the relay. A write passes its transaction's `manager` (the record commits or rolls back with it); a read
   * calls it after computing the data and BEFORE returning it: it throws AuditUnavailableError when the record cannot
   * be written (no audit, no data).
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
  /** Where ctx.audit writes: the deployable's outbox (absent only for offline composition, which serves nothing). */
  outbox?: AuditOutbox;
}

export type SubgraphContext<D> = BaseContext & D;

/** The deployment's verifier: offline (JWKS) plus Keycloak's "still active?" per token, reused AUTH_REVOCATION_TTL_MS. */
export function verifierFor(config: Pick<CommonConfig, 'keycloak' | 'serviceAccount'>): TokenVerifier {
  const kc = config.keycloak;
  return createTokenVerifier({
    issuer: kc.issuer, jwksUrl: kc.jwksUrl, audience: kc.audience,
    revocation: { url: kc.introspectionUrl, clientId: config.serviceAccount.clientId, clientSecret: config.serviceAccount.clientSecret, ttlMs: kc.revocationTtlMs },
  });
}

export async function createSubgraphApp<D extends object>(opts: SubgraphAppOptions<D>): Promise<GraphQLApp> {
  const verify = opts.verifier ?? verifierFor(opts.config);
  const temporal = opts.temporal;
  const outbox = opts.outbox;
  const app = await createGraphQLApp<SubgraphContext<D>>({
    name: opts.name,
    logger: opts.logger,
    apollo: { schema: opts.schema, plugins: [deniedAccessAuditPlugin(opts.logger)] },
    context: async (req, requestId) => {
      const user = await verify(req.headers.authorization);
      const audit = async (entry: AuditEntry, manager?: EntityManager) => {
        if (!outbox) throw new AuditUnavailableError('this server has no audit outbox');
        await outbox.record(auditActorOf(user), requestId, entry, manager);
      };
      return { ...opts.deps, ...opts.perRequest?.(), user, requestId, audit } as SubgraphContext<D>;
    },
    readiness: {
      database: () => opts.ds.query('SELECT 1'),
      ...(temporal ? { temporal: () => pingTemporal(temporal) } : {}),
    },
  });
  // Operators (and tests) see the relay's state: records written here and not yet in security's chain.
  app.app.get('/audit-outbox', async (_req, res) => {
    if (!outbox) { res.status(404).json({ error: 'no audit outbox' }); return; }
    try {
      res.json({ source: outbox.source, ...(await outbox.pending()), shipped: outbox.stats.shipped, lastError: outbox.stats.lastError });
    } catch (e) {
      res.status(503).json({ error: (e as Error).message });
    }
  });
  return app;
}

/**
 * What every subgraph's createServer() is: its resolvers and references built into a subgraph schema, served with the
 * deployable's database, Temporal client, config and logger. `context` is placed on every request's context.
 */
export async function subgraphServer<D extends object>(
  deps: ServiceDeps,
  opts: SubgraphOptions & { name: ServiceName; context: D; perRequest?: () => object },
): Promise<GraphQLApp> {
  const schema = await buildSubgraph(opts);
  return createSubgraphApp<D>({
    name: opts.name, schema, config: deps.config, logger: deps.logger, ds: deps.ds, temporal: deps.temporal,
    deps: opts.context, perRequest: opts.perRequest, outbox: deps.outbox,
  });
}
