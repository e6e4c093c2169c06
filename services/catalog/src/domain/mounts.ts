// Mounting a published entry on the exchange platform (000 §13), declared outages (000 §18) and probing a mount.
import { BadUserInputError, ConflictError } from '@gov/kit';
import type { DataSource, EntityManager } from 'typeorm';
import { DataResource } from '../entities/data-resource';
import { DataFormat, MountHealth, ResourceStatus } from '../entities/enums';

export async function mount(m: EntityManager, r: DataResource, kind: DataFormat, endpoint: string): Promise<DataResource> {
  if (r.status !== ResourceStatus.PUBLISHED) throw new ConflictError(`only a published entry can be mounted; this entry is ${r.status}`);
  if (kind === DataFormat.API && !/^https?:\/\/\S+$/.test(endpoint)) throw BadUserInputError.field('input.endpoint', 'an API mount needs an http(s) URL');
  if (kind === DataFormat.TABLE && !/^[A-Za-z0-9_]+\.[A-Za-z0-9_]+$/.test(endpoint)) throw BadUserInputError.field('input.endpoint', 'a TABLE mount names schema.table');
  await m.getRepository(DataResource).update({ id: r.id }, { mountKind: kind, mountEndpoint: endpoint, mountHealth: MountHealth.UNKNOWN, mountedAt: new Date() });
  return m.getRepository(DataResource).findOneByOrFail({ id: r.id });
}

export async function recordHealth(m: EntityManager, r: DataResource, up: boolean): Promise<DataResource> {
  if (!r.mountKind) throw new ConflictError('this entry is not mounted');
  if (r.mountHealth === MountHealth.OUTAGE) throw new ConflictError('the provider declared an outage; it ends it');
  await m.getRepository(DataResource).update({ id: r.id }, { mountHealth: up ? MountHealth.UP : MountHealth.DOWN });
  return m.getRepository(DataResource).findOneByOrFail({ id: r.id });
}

export async function declareOutage(
  m: EntityManager, r: DataResource, outage: { reason: string; alternative?: string | null; until?: Date | null },
): Promise<DataResource> {
  if (!outage.alternative?.trim()) throw BadUserInputError.field('input.alternative', 'an outage must offer consumers an alternative (000 §18)');
  if (!r.mountKind) throw new ConflictError('this entry is not mounted');
  await m.getRepository(DataResource).update({ id: r.id }, {
    mountHealth: MountHealth.OUTAGE, outageReason: outage.reason.trim(), outageAlternative: outage.alternative.trim(), outageUntil: outage.until ?? null,
  });
  return m.getRepository(DataResource).findOneByOrFail({ id: r.id });
}

/** Ending an outage that is not declared changes nothing. */
export async function endOutage(m: EntityManager, r: DataResource): Promise<DataResource> {
  await m.getRepository(DataResource).update({ id: r.id, mountHealth: MountHealth.OUTAGE },
    { mountHealth: MountHealth.UNKNOWN, outageReason: null, outageAlternative: null, outageUntil: null, mountProbeFailures: 0 });
  return m.getRepository(DataResource).findOneByOrFail({ id: r.id });
}

const TABLE_NAME = /^([A-Za-z0-9_]+)\.([A-Za-z0-9_]+)$/;

/** One probe of a mount: null when it answers, else why not (API: HTTP below 500 within 5 s; TABLE: it can be selected from). */
export async function probeMount(ds: DataSource, kind: DataFormat, endpoint: string): Promise<string | null> {
  try {
    if (kind === DataFormat.API) {
      const res = await fetch(endpoint, { method: 'GET', signal: AbortSignal.timeout(5000), redirect: 'manual' });
      await res.body?.cancel();
      return res.status < 500 ? null : `HTTP ${res.status}`;
    }
    if (kind === DataFormat.TABLE) {
      const t = TABLE_NAME.exec(endpoint);
      if (!t) return 'not schema.table';
      // The exchange's front tables (前置库) are reachable on the platform's connection; names were validated at mount.
      await ds.query(`SELECT 1 FROM \`${t[1]}\`.\`${t[2]}\` LIMIT 0`);
      return null;
    }
    return null; // FILE mounts have nothing to probe
  } catch (e) {
    return (e instanceof Error ? e.message : String(e)).slice(0, 400);
  }
}
