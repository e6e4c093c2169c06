import { Client, Connection, defaultGrpcRetryOptions, makeGrpcRetryInterceptor } from '@temporalio/client';
import type { CommonConfig } from './config';

export async function connectTemporal(cfg: Pick<CommonConfig['temporal'], 'address' | 'namespace'> & { rpcAttempts?: number }): Promise<Client> {
  // Fewer retries than the SDK's 10 (~17 s): with Temporal unreachable a mutation answers SERVICE_UNAVAILABLE in ~1 s.
  const retry = makeGrpcRetryInterceptor(defaultGrpcRetryOptions({ maxAttempts: cfg.rpcAttempts ?? 5 }));
  const connection = await Connection.connect({ address: cfg.address, connectTimeout: '10s', interceptors: [retry] });
  return new Client({ connection, namespace: cfg.namespace });
}

/** Readiness probe: the frontend answers a cheap RPC. */
export async function pingTemporal(client: Client): Promise<void> {
  await client.connection.workflowService.getSystemInfo({});
}
