// One HTTP shape for every deployable: POST /graphql, GET /healthz (liveness = the process), GET /readyz (dependencies).
import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import { ApolloServer, type ApolloServerOptions, type BaseContext } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginInlineTraceDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import { unwrapResolverError } from '@apollo/server/errors';
import { expressMiddleware } from '@as-integrations/express5';
import express, { type Request } from 'express';
import type { GraphQLFormattedError } from 'graphql';
import { GraphQLError } from 'graphql';
import { corsAllowlist, jsonErrors, notFound, rateLimitPerAddress, securityHeaders, type EdgeOptions } from './edge';
import { AppError } from './errors';
import { unavailableDependency } from './unavailable';
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
  /** CORS allowlist, rate limit, body limit (the gateway's public surface sets them; subgraphs keep the defaults). */
  edge?: EdgeOptions;
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
  'BAD_REQUEST', 'AUDIT_UNAVAILABLE', 'SERVICE_UNAVAILABLE',
]);

// Internals a subgraph's error may carry to the gateway (its URL, its raw body) that the client never sees.
const STRIPPED = new Set(['stacktrace', 'http', 'response', 'exception']);

/**
 * Errors the client may see as they are; the database or Temporal out of reach becomes SERVICE_UNAVAILABLE naming the
 * service and the dependency (retry later; 503 semantics, HTTP 200 so the rest of a partial answer stands); anything
 * else (SQL, bugs) becomes INTERNAL_SERVER_ERROR, logged not leaked.
 */
export function makeFormatError(logger: Logger, service = 'this') {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    const code = formatted.extensions?.code as string | undefined;
    if (original instanceof AppError || (code && PASS_THROUGH.has(code))) {
      const ext = Object.fromEntries(Object.entries(formatted.extensions ?? {}).filter(([k]) => !STRIPPED.has(k)));
      return { ...formatted, extensions: ext };
    }
    if (original instanceof GraphQLError && !original.originalError && code === undefined) {
      return { ...formatted, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }; // schema-level errors without a code
    }
    const dependency = unavailableDependency(original);
    if (dependency) {
      logger.warn({ err: original, path: formatted.path, dependency }, 'dependency unavailable');
      return {
        message: `the ${service} service cannot reach its ${dependency} right now; retry later (a retried write applies once)`,
        path: formatted.path, locations: formatted.locations, extensions: { code: 'SERVICE_UNAVAILABLE', service, dependency },
      };
    }
    logger.error({ err: original, path: formatted.path }, 'internal error');
    return { message: 'internal error', path: formatted.path, locations: formatted.locations, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
  };
}

export async function createGraphQLApp<C extends BaseContext>(opts: GraphQLAppOptions<C>): Promise<GraphQLApp> {
  const apollo = new ApolloServer<C>({
    ...opts.apollo,
    includeStacktraceInErrorResponses: false,
    // Apollo's CSRF prevention stays on (a simple cross-site POST/GET needs a preflight header); batches stay refused.
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    // Compact JSON (Apollo's default indents every answer: more bytes and CPU on every hop, for nobody to read).
    stringifyResult: (value) => JSON.stringify(value),
    formatError: makeFormatError(opts.logger, opts.name),
    plugins: [
      ...(opts.apollo.plugins ?? []),
      // No usage reporting anywhere (APOLLO_TELEMETRY_DISABLED), so subgraphs need not build traces for the gateway.
      ...('schema' in opts.apollo ? [ApolloServerPluginInlineTraceDisabled()] : []),
      // No type declares cache hints (responses are per user, `no-store`): the plugin's per-field hook is pure cost.
      ApolloServerPluginCacheControlDisabled(),
      opts.landingPage ? ApolloServerPluginLandingPageLocalDefault({ embed: true }) : ApolloServerPluginLandingPageDisabled(),
    ],
  } as ApolloServerOptions<C>);
  await apollo.start();

  const app = express();
  app.disable('x-powered-by');
  if (opts.edge?.trustProxy) app.set('trust proxy', opts.edge.trustProxy);
  app.use(securityHeaders(!!opts.landingPage));
  if (opts.edge?.corsOrigins) app.use(corsAllowlist(opts.edge.corsOrigins));
  app.get('/healthz', (_req, res) => { res.json({ status: 'ok', service: opts.name }); });
  app.get('/readyz', async (_req, res) => {
    const checks: Record<string, string> = {};
    let ok = true;
    await Promise.all(Object.entries(opts.readiness).map(async ([k, check]) => {
      try { await check(); checks[k] = 'ok'; } catch (e) { ok = false; checks[k] = (e as Error).message || 'failed'; }
    }));
    res.status(ok ? 200 : 503).json({ status: ok ? 'ok' : 'unavailable', service: opts.name, checks });
  });
  const limiter = opts.edge?.rateLimit ? [rateLimitPerAddress(opts.edge.rateLimit)] : [];
  app.use('/graphql', ...limiter, express.json({ limit: opts.edge?.bodyLimit ?? '2mb' }), expressMiddleware(apollo, {
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
      // Last in the chain, after any route a service added to `app`: unknown routes and unreadable bodies answer JSON.
      app.use(notFound);
      app.use(jsonErrors((err) => opts.logger.error({ err }, 'request failed before GraphQL')));
      const server: Server = await new Promise((resolve, reject) => {
        const s = app.listen(port, host, () => resolve(s));
        s.on('error', reject);
      });
      // Idle keep-alive sockets outlive the callers' pools (undici drops its own after the hint minus 1 s): a caller never
      // sends on a socket this server is closing at that moment ("socket hang up" under load).
      server.keepAliveTimeout = 65_000;
      server.headersTimeout = 66_000;
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
