// The gateway: verifies the token (401 + UNAUTHENTICATED for a bad one), limits depth and cost, plans over the
// supergraph and forwards `authorization` and `x-request-id` to each subgraph, which verifies the token again.
import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import {
  BadUserInputError, createGraphQLApp, createLogger, SERVICE_PORTS, createTokenVerifier, subgraphUrl, type GraphQLApp, type ServiceName, type User,
} from '@gov/kit';
import depthLimit from 'graphql-depth-limit';
import { getComplexity, simpleEstimator, type ComplexityEstimator } from 'graphql-query-complexity';
import type { ApolloServerPlugin } from '@apollo/server';
import type { GatewayConfig } from './config';
import { readSupergraph } from './compose';
import { mountWeb } from './web';

export interface GatewayContext { user: User | null; requestId: string; authorization?: string }

/** Lists cost their page size times their children; everything else 1. */
const pageSizeEstimator: ComplexityEstimator = ({ args, childComplexity }) => {
  const n = typeof args.first === 'number' ? args.first : undefined;
  return n === undefined ? undefined as unknown as number : 1 + n * Math.max(1, childComplexity);
};

/** Cost is computed once the operation and its variables are known (a validation rule never sees the variables). */
function costLimit(max: number): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, schema }) {
          const cost = getComplexity({
            schema, query: document, variables: request.variables ?? {}, operationName: request.operationName ?? undefined,
            estimators: [pageSizeEstimator, simpleEstimator({ defaultComplexity: 1 })],
          });
          if (cost > max) throw new BadUserInputError({ field: 'query', reason: `query cost ${cost} exceeds the limit ${max}` });
        },
      };
    },
  };
}

export async function createGateway(config: GatewayConfig, supergraphSdl = readSupergraph()): Promise<GraphQLApp> {
  const logger = createLogger('gateway');
  const verify = createTokenVerifier({ issuer: config.keycloak.issuer, jwksUrl: config.keycloak.jwksUrl, audience: config.keycloak.audience });
  const gateway = new ApolloGateway({
    supergraphSdl,
    buildService: ({ name }) => new RemoteGraphQLDataSource<GatewayContext>({
      url: subgraphUrl(name as ServiceName),
      willSendRequest({ request, context }) {
        if (context.authorization) request.http?.headers.set('authorization', context.authorization);
        if (context.requestId) request.http?.headers.set('x-request-id', context.requestId);
      },
    }),
  });
  const development = config.nodeEnv === 'development';
  const app = await createGraphQLApp<GatewayContext>({
    name: 'gateway',
    logger,
    landingPage: development,
    apollo: {
      gateway,
      introspection: development,
      validationRules: [depthLimit(config.maxDepth)],
      plugins: [costLimit(config.maxCost)],
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
