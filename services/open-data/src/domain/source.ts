// Where open data comes from: the catalog entry (items, grade) and sharing's exchange records, both read as the
// platform through the owners' service-only interfaces — never another service's database.
import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import { clientCredentialsToken, commonConfig, fetchCatalogEntry, subgraphUrl, type CommonConfig } from '@gov/kit';
import type { OpenResource } from './open-policy';

export interface SourceResource extends OpenResource { status: string; openType: string }

/** The entry as the platform sees it (kit's one catalog client, with the service account's token). */
export async function fetchSourceResource(id: string, config: CommonConfig = commonConfig()): Promise<SourceResource | null> {
  const token = await clientCredentialsToken(config.keycloak, config.serviceAccount.clientId, config.serviceAccount.clientSecret);
  return fetchCatalogEntry(id, token);
}

export interface SourceRecord { id: string; fields: Record<string, string | null> }

/** Sharing's record stream (JSON lines, backpressured): one record at a time, never the whole dataset in memory. */
export async function* streamSourceRecords(
  resourceId: string, items: string[], config: CommonConfig = commonConfig(), signal?: AbortSignal, window?: { after?: string | null; limit: number },
): AsyncGenerator<SourceRecord> {
  const token = await clientCredentialsToken(config.keycloak, config.serviceAccount.clientId, config.serviceAccount.clientSecret);
  const url = `${subgraphUrl('sharing').replace(/\/graphql$/, '')}/internal/exchange/resources/${encodeURIComponent(resourceId)}/records?${new URLSearchParams({
    items: items.join(','), ...(window?.after ? { after: window.after } : {}), ...(window ? { limit: String(window.limit) } : {}),
  })}`;
  const res = await fetch(url, { headers: { authorization: `Bearer ${token}` }, signal });
  if (!res.ok || !res.body) throw new Error(`sharing record stream answered ${res.status}: ${(await res.text()).slice(0, 200)}`);
  const lines = createInterface({ input: Readable.fromWeb(res.body as import('node:stream/web').ReadableStream), crlfDelay: Infinity });
  for await (const line of lines) if (line) yield JSON.parse(line) as SourceRecord;
}

export interface SourceVersion { version: string; lastLoadedAt: string | null; recordCount: number }

/** Sharing's data version of a resource (changes with every load): the basis of a download's ETag and Last-Modified. */
export async function fetchSourceVersion(resourceId: string, config: CommonConfig = commonConfig(), signal?: AbortSignal): Promise<SourceVersion> {
  const token = await clientCredentialsToken(config.keycloak, config.serviceAccount.clientId, config.serviceAccount.clientSecret);
  const url = `${subgraphUrl('sharing').replace(/\/graphql$/, '')}/internal/exchange/resources/${encodeURIComponent(resourceId)}/version`;
  const res = await fetch(url, { headers: { authorization: `Bearer ${token}` }, signal });
  if (!res.ok) throw new Error(`sharing data version answered ${res.status}: ${(await res.text()).slice(0, 200)}`);
  return await res.json() as SourceVersion;
}
