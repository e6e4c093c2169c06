// The one way a subgraph runs: a ServiceModule (what the service is) + runService (how every service boots and stops).
import type { Client } from '@temporalio/client';
import type { DataSource, EntitySchema, MixedList } from 'typeorm';
import { commonConfig, env, type CommonConfig } from './config';
import { createDataSource } from './datasource';
import type { GraphQLApp } from './http';
import { createLogger, type Logger } from './logger';
import { clientCredentialsToken, forgetToken, graphqlRequest } from './tokens';
import { connectTemporal } from './temporal';
import { keepOfficialCalendarsFresh } from './deadline';
import { httpAuditShipper } from './audit';
import { AuditOutbox, AuditOutbox1764400000000, setProcessOutbox, type AuditShipper } from './outbox';

export const SERVICE_PORTS = {
  catalog: 4001, sharing: 4002, 'open-data': 4003, quality: 4004, security: 4005, assessment: 4006, projects: 4007,
} as const;
export type ServiceName = keyof typeof SERVICE_PORTS;

export interface ServiceDeps<C extends CommonConfig = CommonConfig> {
  ds: DataSource;
  temporal: Client;
  /** The deployable's typed config (its `config.ts`), parsed once at boot. */
  config: C;
  logger: Logger;
  /** Prefix of every Temporal task queue of this deployment (empty in production, unique per test run). */
  taskQueuePrefix: string;
  /** This deployable's audit outbox (ctx.audit, auditAs); absent only in offline composition. */
  outbox?: AuditOutbox;
}

export interface ServiceModule<C extends CommonConfig = CommonConfig> {
  name: ServiceName;
  /** The service's `config.ts`: typed env, parsed once by runService and passed down as `deps.config`. */
  loadConfig?(): C;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: MixedList<Function | string | EntitySchema>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: MixedList<Function | string>;
  createServer(deps: ServiceDeps<C>): Promise<GraphQLApp>;
  /** Activities registered on this service's own task queue. */
  activities?(deps: ServiceDeps<C>): object;
  /** How the relay reaches the chain; default: security's service-only batch append over HTTP. */
  auditShipper?(deps: ServiceDeps<C>): AuditShipper;
  /** Demo data, idempotent. */
  seed?(ds: DataSource): Promise<void>;
}

/** `gov_catalog`, `gov_open_data`, ...; GOV_DB_PREFIX lets a test run use throwaway databases (gov_test_<run>_...). */
export function databaseName(service: ServiceName, prefix = env('GOV_DB_PREFIX', 'gov_')): string {
  return `${prefix}${service.replace(/-/g, '_')}`;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any service's module
export function dataSourceFor(mod: ServiceModule<any>, config: CommonConfig = commonConfig()): DataSource {
  // Every service's database holds its audit outbox: kit adds the table, no service can forget it.
  const migrations = [...(mod.migrations as unknown[]), AuditOutbox1764400000000] as ServiceModule['migrations'];
  return createDataSource({ database: databaseName(mod.name, config.dbPrefix), entities: mod.entities, migrations, mysql: config.mysql });
}

export function taskQueuePrefix(): string {
  return env('TEMPORAL_TASK_QUEUE_PREFIX', '');
}

/** Boots a subgraph: database, Temporal client, GraphQL over HTTP, activity worker; stops cleanly on SIGTERM/SIGINT. */
export async function runService<C extends CommonConfig>(mod: ServiceModule<C>): Promise<void> {
  const config = mod.loadConfig?.() ?? (commonConfig() as C); // env is read here, once
  const logger = createLogger(mod.name);
  const port = config.http.port ?? SERVICE_PORTS[mod.name];
  const host = config.http.host;
  const ds = dataSourceFor(mod, config);
  await ds.initialize();
  const pending = await ds.showMigrations();
  if (pending) throw new Error(`${mod.name}: database ${databaseName(mod.name, config.dbPrefix)} has pending migrations; run \`npm run migrate\``);
  const temporal = await connectTemporal(config.temporal);
  const deps: ServiceDeps<C> = { ds, temporal, config, logger, taskQueuePrefix: config.taskQueuePrefix };
  const ship = mod.auditShipper?.(deps) ?? httpAuditShipper({ config, timeoutMs: config.audit.timeoutMs });
  deps.outbox = new AuditOutbox({ ds, source: config.audit.source ?? mod.name, ship, logger });
  setProcessOutbox(deps.outbox);
  deps.outbox.start();
  const app = await mod.createServer(deps);
  const http = await app.listen(port, host);
  keepOfficialCalendarsFresh(config, logger); // deadlines here count on the authority's loaded calendar

  let worker: { run(): Promise<void>; shutdown(): void } | undefined;
  let running: Promise<void> | undefined;
  if (mod.activities) {
    const { NativeConnection, Worker } = await import('@temporalio/worker');
    const connection = await NativeConnection.connect({ address: config.temporal.address });
    const taskQueue = `${deps.taskQueuePrefix}${mod.name}`;
    worker = await Worker.create({ connection, namespace: config.temporal.namespace, taskQueue, activities: mod.activities(deps) });
    running = worker.run();
    logger.info({ taskQueue }, `${mod.name} activity worker polling`);
  }
  logger.info({ url: http.url }, `${mod.name} subgraph ready`);

  const stop = async (signal: string) => {
    logger.info({ signal }, `${mod.name} stopping`);
    worker?.shutdown();
    await running?.catch(() => undefined);
    await http.close();
    await app.stop();
    await deps.outbox?.stop();
    await temporal.connection.close();
    await ds.destroy();
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop('SIGTERM'));
  process.once('SIGINT', () => void stop('SIGINT'));
}

/** Where a subgraph answers: SUBGRAPH_URL_<NAME> (e.g. SUBGRAPH_URL_OPEN_DATA) or its default local port. */
export function subgraphUrl(name: ServiceName): string {
  return env(`SUBGRAPH_URL_${name.replace(/-/g, '_').toUpperCase()}`, `http://127.0.0.1:${SERVICE_PORTS[name]}/graphql`);
}

/**
 * Reads another subgraph's data through its GraphQL API with the caller's own token, so the owner applies its own
 * access rules. Returns null when the owner answers FORBIDDEN or NOT_FOUND; any other failure is a platform fault.
 */
export async function querySubgraph<T>(name: ServiceName, query: string, variables: Record<string, unknown>, token: string): Promise<T | null> {
  let res: Awaited<ReturnType<typeof graphqlRequest<T>>>;
  try {
    res = await graphqlRequest<T>(subgraphUrl(name), query, variables, token);
  } catch (e) {
    throw new Error(`${name} subgraph unreachable: ${(e as Error).message}`);
  }
  const codes = (res.errors ?? []).map((e) => e.extensions?.code);
  if (codes.some((c) => c === 'FORBIDDEN' || c === 'NOT_FOUND')) return null;
  if (res.errors?.length) throw new Error(`${name} subgraph answered ${res.status}: ${res.errors.map((e) => e.message).join('; ')}`);
  return res.data ?? null;
}

/**
 * Calls another subgraph as the platform itself (client credentials of the service account, role `service`) — for
 * service-only operations such as recording an agreement in security or opening a quality issue. Any error answer
 * throws, so the caller's own step fails rather than carrying on half done.
 */
export async function callSubgraphAsService<T>(name: ServiceName, query: string, variables: Record<string, unknown>, config: CommonConfig = commonConfig()): Promise<T> {
  const sa = config.serviceAccount;
  let token = await clientCredentialsToken(config.keycloak, sa.clientId, sa.clientSecret);
  let res = await graphqlRequest<T>(subgraphUrl(name), query, variables, token);
  if (res.status === 401 || res.errors?.some((e) => e.extensions?.code === 'UNAUTHENTICATED')) {
    forgetToken(token); // Keycloak rotated its keys since the token was cached: one retry with a fresh one
    token = await clientCredentialsToken(config.keycloak, sa.clientId, sa.clientSecret);
    res = await graphqlRequest<T>(subgraphUrl(name), query, variables, token);
  }
  if (res.errors?.length || !res.data) {
    throw new Error(`${name} subgraph answered ${res.status}: ${(res.errors ?? []).map((e) => e.message).join('; ') || 'no data'}`);
  }
  return res.data;
}
