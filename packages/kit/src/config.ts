// One typed reader of the environment, used by every deployable's config.ts: parse once at boot, fail with the name.
import { ConfigError } from './errors';

export function env(name: string, fallback?: string): string {
  const v = process.env[name];
  if (v !== undefined && v !== '') return v;
  if (fallback !== undefined) return fallback;
  throw new ConfigError(`environment variable ${name} is required`);
}

export function envInt(name: string, fallback?: number): number {
  const raw = env(name, fallback === undefined ? undefined : String(fallback));
  const n = Number(raw);
  if (!Number.isInteger(n)) throw new ConfigError(`environment variable ${name} must be an integer, got "${raw}"`);
  return n;
}

export interface CommonConfig {
  nodeEnv: string;
  mysql: { host: string; port: number; user: string; password: string };
  /** revocationTtlMs: how long a token's "still active" answer from Keycloak is reused (0 = offline verification only). */
  keycloak: { url: string; realm: string; issuer: string; jwksUrl: string; audience: string; introspectionUrl: string; revocationTtlMs: number };
  /** rpcAttempts: tries of one client call while the frontend is unreachable before the request answers SERVICE_UNAVAILABLE. */
  temporal: { address: string; namespace: string; rpcAttempts: number };
  serviceAccount: { clientId: string; clientSecret: string };
  /** Where this process listens: PORT (default: the deployable's own) and HOST. */
  http: { host: string; port: number | null };
  /** Database names are `<dbPrefix><service>`; tests use throwaway prefixes. */
  dbPrefix: string;
  /** Prefix of every Temporal task queue of this deployment (empty in production, unique per test run). */
  taskQueuePrefix: string;
  /** The audit outbox relay: who reports (default: the service name) and its per-batch timeout towards security. */
  audit: { source: string | null; timeoutMs: number };
}

/** Settings every deployable shares; defaults match infra/local and .env.example. */
export function commonConfig(): CommonConfig {
  const kcUrl = env('KEYCLOAK_URL', `http://127.0.0.1:${env('KEYCLOAK_PORT', '8080')}`);
  const realm = env('KEYCLOAK_REALM', 'gov');
  const issuer = env('KEYCLOAK_ISSUER', `${kcUrl}/realms/${realm}`);
  return {
    nodeEnv: env('NODE_ENV', 'development'),
    mysql: {
      host: env('MYSQL_HOST', '127.0.0.1'),
      port: envInt('MYSQL_PORT', 3306),
      user: env('MYSQL_USER', 'gov'),
      password: env('MYSQL_PASSWORD', 'gov-dev-pw'),
    },
    keycloak: {
      url: kcUrl, realm, issuer,
      jwksUrl: env('KEYCLOAK_JWKS_URL', `${issuer}/protocol/openid-connect/certs`),
      audience: env('KEYCLOAK_AUDIENCE', 'gov-graph'),
      introspectionUrl: env('KEYCLOAK_INTROSPECTION_URL', `${kcUrl}/realms/${realm}/protocol/openid-connect/token/introspect`),
      revocationTtlMs: envInt('AUTH_REVOCATION_TTL_MS', 15_000),
    },
    temporal: {
      address: env('TEMPORAL_ADDRESS', `127.0.0.1:${env('TEMPORAL_PORT', '7233')}`),
      namespace: env('TEMPORAL_NAMESPACE', 'default'),
      rpcAttempts: envInt('TEMPORAL_RPC_ATTEMPTS', 8),
    },
    serviceAccount: {
      clientId: env('SERVICE_CLIENT_ID', 'svc-platform'),
      clientSecret: env('SERVICE_CLIENT_SECRET', 'svc-platform-dev-secret'),
    },
    http: { host: env('HOST', '127.0.0.1'), port: process.env.PORT ? envInt('PORT') : null },
    dbPrefix: env('GOV_DB_PREFIX', 'gov_'),
    taskQueuePrefix: env('TEMPORAL_TASK_QUEUE_PREFIX', ''),
    audit: { source: process.env.AUDIT_SOURCE || null, timeoutMs: envInt('AUDIT_TIMEOUT_MS', 5000) },
  };
}
