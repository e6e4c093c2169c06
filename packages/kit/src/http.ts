// One HTTP shape for every deployable: POST /graphql, GET /healthz (liveness = the process), GET /readyz (dependencies).
import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import { ApolloServer, type ApolloServerOptions, type BaseContext } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import { unwrapResolverError } from '@apollo/server/errors';
import { expressMiddleware } from '@as-integrations/express5';
import express, { type Request } from 'express';
import type { GraphQLFormattedError } from 'graphql';
import { GraphQLError } from 'graphql';
import { AppError } from './errors';
import type { Logger } from './logger';

export type ReadinessChecks = Record<string, () => Promise<unknown>>;

export interface GraphQLAppOptions<C extends BaseContext> {
  name: string;
  apollo: ApolloServerOptions<C>;
  context: (req: Request, requestId: string) => Promise<C>;
  readiness: ReadinessChecks;
  logger: Logger;
  /** Sandbox landing page: development only. */
  landingPage?: boolean;
}

export interface GraphQLApp {
  app: express.Express;
  /** The schema served (for subgraphs: the subgraph schema that `npm run compose` composes). */
  schema?: import('graphql').GraphQLSchema;
  apollo: ApolloServer<BaseContext>;
  listen(port: number, host?: string): Promise<{ url: string; close(): Promise<void> }>;
  stop(): Promise<void>;
}

const PASS_THROUGH = new Set([
  'UNAUTHENTICATED', 'FORBIDDEN', 'BAD_USER_INPUT', 'NOT_FOUND', 'CONFLICT', 'DEADLINE_PASSED',
  'GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'PERSISTED_QUERY_NOT_FOUND', 'OPERATION_RESOLUTION_FAILURE',
  'BAD_REQUEST', 'AUDIT_UNAVAILABLE',
]);

/** Errors the client may see as they are; anything else (SQL, bugs) becomes INTERNAL_SERVER_ERROR, logged not leaked. */
export function makeFormatError(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    const code = formatted.extensions?.code as string | undefined;
    if (original instanceof AppError || (code && PASS_THROUGH.has(code))) {
      const { stacktrace: _s, http: _h, ...ext } = (formatted.extensions ?? {}) as Record<string, unknown>;
      return { ...formatted, extensions: ext };
    }
    if (original instanceof GraphQLError && !original.originalError && code === undefined) {
      return { ...formatted, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }; // schema-level errors without a code
    }
    logger.error({ err: original, path: formatted.path }, 'internal error');
    return { message: 'internal error', path: formatted.path, locations: formatted.locations, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
  };
}

export async function createGraphQLApp<C extends BaseContext>(opts: GraphQLAppOptions<C>): Promise<GraphQLApp> {
  const apollo = new ApolloServer<C>({
    ...opts.apollo,
    includeStacktraceInErrorResponses: false,
    formatError: makeFormatError(opts.logger),
    plugins: [
      ...(opts.apollo.plugins ?? []),
      // No usage reporting anywhere (APOLLO_TELEMETRY_DISABLED), so subgraphs need not build traces for the gateway.
      ...('schema' in opts.apollo ? [ApolloServerPluginInlineTraceDisabled()] : []),
      opts.landingPage ? ApolloServerPluginLandingPageLocalDefault({ embed: true }) : ApolloServerPluginLandingPageDisabled(),
    ],
  } as ApolloServerOptions<C>);
  await apollo.start();

  const app = express();
  app.disable('x-powered-by');
  app.get('/healthz', (_req, res) => { res.json({ status: 'ok', service: opts.name }); });
  app.get('/readyz', async (_req, res) => {
    const checks: Record<string, string> = {};
    let ok = true;
    await Promise.all(Object.entries(opts.readiness).map(async ([k, check]) => {
      try { await check(); checks[k] = 'ok'; } catch (e) { ok = false; checks[k] = (e as Error).message || 'failed'; }
    }));
    res.status(ok ? 200 : 503).json({ status: ok ? 'ok' : 'unavailable', service: opts.name, checks });
  });
  app.use('/graphql', express.json({ limit: '2mb' }), expressMiddleware(apollo, {
    context: async ({ req }) => {
      const requestId = (req.headers['x-request-id'] as string | undefined) ?? randomUUID();
      return opts.context(req, requestId);
    },
  }));

  return {
    app,
    schema: 'schema' in opts.apollo ? (opts.apollo.schema as import('graphql').GraphQLSchema) : undefined,
    apollo: apollo as unknown as ApolloServer<BaseContext>,
    async listen(port, host = '127.0.0.1') {
      const server: Server = await new Promise((resolve, reject) => {
        const s = app.listen(port, host, () => resolve(s));
        s.on('error', reject);
      });
      const addr = server.address();
      const actual = typeof addr === 'object' && addr ? addr.port : port;
      opts.logger.info({ port: actual }, `${opts.name} listening`);
      return {
        url: `http://${host}:${actual}/graphql`,
        close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
      };
    },
    stop: () => apollo.stop(),
  };
}
