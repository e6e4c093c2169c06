// The workflow worker's settings: typed env, parsed once at boot. (No kit here: the worker stays small.)
export interface WorkerConfig {
  temporal: { address: string; namespace: string };
  /** Prefix of every task queue of this deployment (empty in production, unique per test run). */
  taskQueuePrefix: string;
  /** Liveness/readiness port for orchestrators; none when unset. */
  healthPort: number | null;
  host: string;
}

function intOrNull(name: string, raw: string | undefined): number | null {
  if (raw === undefined || raw === '') return null;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new Error(`environment variable ${name} must be a port number, got "${raw}"`);
  return n;
}

export function loadWorkerConfig(env: NodeJS.ProcessEnv = process.env): WorkerConfig {
  return {
    temporal: {
      address: env.TEMPORAL_ADDRESS || `127.0.0.1:${env.TEMPORAL_PORT || '7233'}`,
      namespace: env.TEMPORAL_NAMESPACE || 'default',
    },
    taskQueuePrefix: env.TEMPORAL_TASK_QUEUE_PREFIX ?? '',
    healthPort: intOrNull('HEALTH_PORT', env.HEALTH_PORT),
    host: env.HOST || '127.0.0.1',
  };
}
