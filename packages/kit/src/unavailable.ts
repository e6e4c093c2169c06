// A dependency down is not a bug: a request that failed because the database or Temporal could not be reached answers
// SERVICE_UNAVAILABLE (retry later) instead of INTERNAL_SERVER_ERROR. One way to recognise each.
export type Dependency = 'database' | 'temporal';

// Server-side refusals that mean "the database is not there for you now" (not a bad query).
const DB_CODES = new Set(['ER_CON_COUNT_ERROR', 'ER_SERVER_SHUTDOWN', 'ER_CONNECTION_KILLED', 'ER_NET_READ_ERROR', 'ER_NET_READ_INTERRUPTED',
  'ER_NET_WRITE_INTERRUPTED', 'ER_TOO_MANY_USER_CONNECTIONS', 'PROTOCOL_CONNECTION_LOST', 'PROTOCOL_SEQUENCE_TIMEOUT']);
// gRPC statuses of a Temporal frontend that cannot be reached or did not answer in time.
const GRPC_UNAVAILABLE = 14;
const GRPC_DEADLINE_EXCEEDED = 4;

interface Shaped { name?: string; code?: unknown; fatal?: unknown; metadata?: unknown; cause?: unknown; driverError?: unknown; originalError?: unknown }

/** The dependency whose unavailability caused `e` (walking causes), or null when `e` is something else. */
export function unavailableDependency(e: unknown): Dependency | null {
  let x = e as Shaped | null | undefined;
  for (let depth = 0; x && typeof x === 'object' && depth < 6; depth++) {
    // mysql2 marks every error that ends a connection fatal (refused, reset, lost, timed out); TypeORM copies it over.
    if (x.fatal === true || (typeof x.code === 'string' && DB_CODES.has(x.code))) return 'database';
    // A gRPC error (it carries metadata) from the Temporal client, bare or inside its ServiceError.
    if (x.metadata !== undefined && (x.code === GRPC_UNAVAILABLE || x.code === GRPC_DEADLINE_EXCEEDED)) return 'temporal';
    x = (x.cause ?? x.driverError ?? x.originalError) as Shaped | undefined;
  }
  return null;
}
