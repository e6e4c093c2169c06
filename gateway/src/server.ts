// The gateway: verifies the token (401 + UNAUTHENTICATED for a bad one), guards the edge (CORS, rate, size, shape, cost), plans over the
// supergraph and forwards `authorization` and `x-request-id` to each subgraph, which verifies the token again.
import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import {
  createGraphQLApp, createLogger, fetchLike, SERVICE_PORTS, verifierFor, ServiceUnavailableError, subgraphUrl, type GraphQLApp, type ServiceName, type User,
} from '@gov/kit';
import { GraphQLError } from 'graphql';
import type { GatewayConfig } from './config';
import { readSupergraph } from './compose';
import { costLimit } from './cost';
import { shapeLimitRule } from './limits';
import { mountWeb } from './web';

export interface GatewayContext { user: User | null; requestId: string; authorization?: string }

/** A subgraph that cannot be reached (or answers 5xx) costs only its own fields: SERVICE_UNAVAILABLE names it. */
class SubgraphSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(private readonly service: string, timeoutMs: number) {
    // A subgraph that hangs is as unavailable as one that is down: the answer does not wait on it past the timeout.
    // The fetcher is passed here, with kit's keep-alive client: the data source ignores agents given any other way
    // (apollographql/federation#1861).
    super({ url: subgraphUrl(service as ServiceName), fetcher: fetchLike(timeoutMs) as never, honorSubgraphCacheControlHeader: false });
  }
  override willSendRequest({ request, context }: Parameters<NonNullable<RemoteGraphQLDataSource<GatewayContext>['willSendRequest']>>[0]) {
    if (context.authorization) request.http?.headers.set('authorization', context.authorization);
    if (context.requestId) request.http?.headers.set('x-request-id', context.requestId);
  }
  override didEncounterError(error: Error, _req: unknown, response?: { status: number }): void {
    if (!response || response.status >= 500) throw new ServiceUnavailableError(this.service);
    // A subgraph's own 4xx refusal (e.g. a custom scalar the supergraph cannot check: a date that is not one) reaches
    // the client as the subgraph phrased it, with its code, not as an anonymous fetch failure.
    const body = (error as GraphQLError).extensions?.response as { body?: { errors?: Array<{ message: string; extensions?: Record<string, unknown> }> } } | undefined;
    const first = body?.body?.errors?.[0];
    if (first?.extensions?.code) {
      const { code, field } = first.extensions;
      throw new GraphQLError(first.message, { extensions: { code, ...(field ? { field } : {}), service: this.service } });
    }
    throw error;
  }
}

export async function createGateway(config: GatewayConfig, supergraphSdl = readSupergraph()): Promise<GraphQLApp> {
  const logger = createLogger('gateway');
  const verify = verifierFor(config);
  const gateway = new ApolloGateway({
    supergraphSdl,
    buildService: ({ name }) => new SubgraphSource(name, config.subgraphTimeoutMs),
  });
  const development = config.nodeEnv === 'development';
  const app = await createGraphQLApp<GatewayContext>({
    name: 'gateway',
    logger,
    landingPage: development,
    edge: { corsOrigins: config.corsOrigins, rateLimit: config.rateLimit, bodyLimit: config.bodyLimit, trustProxy: config.trustProxy },
    apollo: {
      gateway,
      introspection: development,
      // A document of more tokens than this is refused while parsing (400), before validation even starts.
      parseOptions: { maxTokens: config.maxTokens },
      validationRules: [shapeLimitRule({ maxDepth: config.maxDepth, maxAliases: config.maxAliases, maxDirectives: config.maxDirectives })],
      plugins: [costLimit<GatewayContext>(config.maxCost)],
    },
    context: async (req, requestId) => {
      const authorization = req.headers.authorization;
      return { user: await verify(authorization), requestId, authorization };
    },
    readiness: {
      keycloak: async () => { const r = await fetch(config.keycloak.jwksUrl); if (!r.ok) throw new Error(`JWKS ${r.status}`); },
      subgraphs: async () => {
        const names = Object.keys(SERVICE_PORTS) as ServiceName[];
        const down: string[] = [];
        await Promise.all(names.map(async (n) => {
          const r = await fetch(subgraphUrl(n).replace(/\/graphql$/, '/healthz')).catch(() => null);
          if (!r?.ok) down.push(n);
        }));
        if (down.length) throw new Error(`down: ${down.join(', ')}`);
      },
    },
  });
  mountWeb(app.app, config);
  return app;
}
