import { Client, Connection } from '@temporalio/client';
import type { CommonConfig } from './config';

export async function connectTemporal(cfg: CommonConfig['temporal']): Promise<Client> {
  const connection = await Connection.connect({ address: cfg.address, connectTimeout: '10s' });
  return new Client({ connection, namespace: cfg.namespace });
}

/** Readiness probe: the frontend answers a cheap RPC. */
export async function pingTemporal(client: Client): Promise<void> {
  await client.connection.workflowService.getSystemInfo({});
}
