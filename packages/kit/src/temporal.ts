import { Client, Connection, defaultGrpcRetryOptions, makeGrpcRetryInterceptor } from '@temporalio/client';
import type { CommonConfig } from './config';

export async function connectTemporal(cfg: Pick<CommonConfig['temporal'], 'address' | 'namespace'> & { rpcAttempts?: number }): Promise<Client> {
  // Fewer tries than the SDK's 10 (~19 s): with Temporal unreachable a mutation answers SERVICE_UNAVAILABLE in ~10 s,
  // and the channel re-dials every ≤ 2 s (not gRPC's backoff of up to 120 s) so those tries ride out a restart.
  const retry = makeGrpcRetryInterceptor(defaultGrpcRetryOptions({ maxAttempts: cfg.rpcAttempts ?? 8 }));
  const connection = await Connection.connect({
    address: cfg.address, connectTimeout: '10s', interceptors: [retry],
    channelArgs: { 'grpc.initial_reconnect_backoff_ms': 250, 'grpc.max_reconnect_backoff_ms': 2000 },
  });
  return new Client({ connection, namespace: cfg.namespace });
}

/** Readiness probe: the frontend answers a cheap RPC. */
export async function pingTemporal(client: Client): Promise<void> {
  await client.connection.workflowService.getSystemInfo({});
}
