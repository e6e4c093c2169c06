// The one way a subgraph runs: a ServiceModule (what the service is) + runService (how every service boots and stops).
import type { Client } from '@temporalio/client';
import type { DataSource, EntitySchema, MixedList } from 'typeorm';
import { commonConfig, env, envInt, type CommonConfig } from './config';
import { createDataSource } from './datasource';
import type { GraphQLApp } from './http';
import { createLogger, type Logger } from './logger';
import { clientCredentialsToken, graphqlRequest } from './tokens';
import { connectTemporal } from './temporal';

export const SERVICE_PORTS = {
  catalog: 4001, sharing: 4002, 'open-data': 4003, quality: 4004, security: 4005, assessment: 4006, projects: 4007,
} as const;
export type ServiceName = keyof typeof SERVICE_PORTS;

export interface ServiceDeps {
  ds: DataSource;
  temporal: Client;
  config: CommonConfig;
  logger: Logger;
  /** Prefix of every Temporal task queue of this deployment (empty in production, unique per test run). */
  taskQueuePrefix: string;
}

export interface ServiceModule {
  name: ServiceName;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: MixedList<Function | string | EntitySchema>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: MixedList<Function | string>;
  createServer(deps: ServiceDeps): Promise<GraphQLApp>;
  /** Activities registered on this service's own task queue. */
  activities?(deps: ServiceDeps): object;
  /** Demo data, idempotent. */
  seed?(ds: DataSource): Promise<void>;
}

/** `gov_catalog`, `gov_open_data`, ...; GOV_DB_PREFIX lets a test run use throwaway databases (gov_test_<run>_...). */
export function databaseName(service: ServiceName): string {
  return `${env('GOV_DB_PREFIX', 'gov_')}${service.replace(/-/g, '_')}`;
}

export function dataSourceFor(mod: ServiceModule, config: CommonConfig = commonConfig()): DataSource {
  return createDataSource({ database: databaseName(mod.name), entities: mod.entities, migrations: mod.migrations, mysql: config.mysql });
}

export function taskQueuePrefix(): string {
  return env('TEMPORAL_TASK_QUEUE_PREFIX', '');
}

/** Boots a subgraph: database, Temporal client, GraphQL over HTTP, activity worker; stops cleanly on SIGTERM/SIGINT. */
export async function runService(mod: ServiceModule): Promise<void> {
  const config = commonConfig();
  const logger = createLogger(mod.name);
  const port = envInt('PORT', SERVICE_PORTS[mod.name]);
  const host = env('HOST', '127.0.0.1');
  const ds = dataSourceFor(mod, config);
  await ds.initialize();
  const pending = await ds.showMigrations();
  if (pending) throw new Error(`${mod.name}: database ${databaseName(mod.name)} has pending migrations; run \`npm run migrate\``);
  const temporal = await connectTemporal(config.temporal);
  const deps: ServiceDeps = { ds, temporal, config, logger, taskQueuePrefix: taskQueuePrefix() };
  const app = await mod.createServer(deps);
  const http = await app.listen(port, host);

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
  const token = await clientCredentialsToken(config.keycloak, config.serviceAccount.clientId, config.serviceAccount.clientSecret);
  const res = await graphqlRequest<T>(subgraphUrl(name), query, variables, token);
  if (res.errors?.length || !res.data) {
    throw new Error(`${name} subgraph answered ${res.status}: ${(res.errors ?? []).map((e) => e.message).join('; ') || 'no data'}`);
  }
  return res.data;
}
