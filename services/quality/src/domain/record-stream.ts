// Sharing's service-only record stream (GET /internal/exchange/resources/:id/records, JSON lines): the one way quality
// reads a resource's records. Sharing audits the read (EXPORT) and says when the resource was last loaded.
import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import { clientCredentialsToken, commonConfig, subgraphUrl, type CommonConfig } from '@gov/kit';

export interface StreamedRecord { id: string; fields: Record<string, string | null> }
export interface RecordStream { lastLoadedAt: Date | null; records: AsyncIterable<StreamedRecord> }

export async function openRecordStream(resourceId: string, items: string[] | null, config: CommonConfig = commonConfig()): Promise<RecordStream> {
  const token = await clientCredentialsToken(config.keycloak, config.serviceAccount.clientId, config.serviceAccount.clientSecret);
  const base = subgraphUrl('sharing').replace(/\/graphql$/, '');
  const query = items?.length ? `?items=${encodeURIComponent(items.join(','))}` : '';
  const res = await fetch(`${base}/internal/exchange/resources/${encodeURIComponent(resourceId)}/records${query}`, {
    headers: { authorization: `Bearer ${token}`, 'x-request-id': `quality-${resourceId}` },
  });
  if (!res.ok || !res.body) throw new Error(`sharing record stream answered ${res.status}: ${(await res.text()).slice(0, 300)}`);
  const at = res.headers.get('x-last-loaded-at');
  const lines = createInterface({ input: Readable.fromWeb(res.body as import('node:stream/web').ReadableStream), crlfDelay: Infinity });
  async function* records(): AsyncIterable<StreamedRecord> {
    for await (const line of lines) if (line) yield JSON.parse(line) as StreamedRecord;
  }
  return { lastLoadedAt: at ? new Date(at) : null, records: records() };
}

/** Which of `keys` are record keys of the resource (sharing's keyed lookup); with no keys, just the resource's key item. */
export async function existsIn(resourceId: string, keys: string[], config: CommonConfig = commonConfig()): Promise<{ keyItem: string; found: boolean[] }> {
  const token = await clientCredentialsToken(config.keycloak, config.serviceAccount.clientId, config.serviceAccount.clientSecret);
  const base = subgraphUrl('sharing').replace(/\/graphql$/, '');
  const res = await fetch(`${base}/internal/exchange/resources/${encodeURIComponent(resourceId)}/exists`, {
    method: 'POST', body: JSON.stringify({ keys }),
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'x-request-id': `quality-exists-${resourceId}` },
  });
  if (!res.ok) throw new Error(`sharing existence check answered ${res.status}: ${(await res.text()).slice(0, 300)}`);
  return (await res.json()) as { keyItem: string; found: boolean[] };
}
