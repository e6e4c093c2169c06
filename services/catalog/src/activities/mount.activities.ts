// The scheduled probe of mounted endpoints (000 §13, §18): API mounts answer HTTP below 500, TABLE mounts can be
// selected from; MOUNT_OUTAGE_AFTER_FAILURES failures in a row open an outage whose alternative the provider still names.
// Idempotent per probe: each update is conditional on the failure count it read (a retried run does not count twice).
import { auditAs } from '@gov/kit';
import { afterProbe, type MountHealthActivities } from '@gov/workflows';
import { Not, type DataSource } from 'typeorm';
import { DataResource } from '../entities/data-resource';
import { MountHealth, ResourceStatus } from '../entities/enums';
import { probeMount } from '../domain/mounts';

export function mountActivities(ds: DataSource): MountHealthActivities {
  return {
    async probeMounts() {
      const mounted = await ds.getRepository(DataResource).createQueryBuilder('r')
        .where('r.mountKind IS NOT NULL AND r.status = :p AND r.mountHealth <> :o', { p: ResourceStatus.PUBLISHED, o: MountHealth.OUTAGE }).getMany();
      let down = 0; let outagesOpened = 0;
      for (const r of mounted) {
        const error = await probeMount(ds, r.mountKind!, r.mountEndpoint ?? '');
        const next = afterProbe(r.mountProbeFailures, error === null);
        if (next.health !== 'UP') down += 1;
        await ds.transaction(async (m) => {
          const changed = await m.getRepository(DataResource).update(
            { id: r.id, mountProbeFailures: r.mountProbeFailures, mountHealth: Not(MountHealth.OUTAGE) },
            {
              mountHealth: MountHealth[next.health], mountProbeFailures: next.failures, lastProbedAt: new Date(), lastProbeError: error,
              ...(next.health === 'OUTAGE' ? { outageReason: `automatic: ${next.failures} consecutive failed probes (last: ${error})`, outageAlternative: null, outageUntil: null } : {}),
            },
          );
          if (!changed.affected || next.health === r.mountHealth) return; // one audit record per change of state, not per probe
          if (next.health === 'OUTAGE') outagesOpened += 1;
          await auditAs({ username: 'mount-probe', sub: 'mount-probe', department: r.departmentId, region: r.regionCode }, {
            action: 'UPDATE', resourceId: r.id, detail: `mount health ${r.mountHealth} -> ${next.health} after ${next.failures} failed probe(s)${error ? `: ${error}` : ''}`,
          }, { requestId: `mount-probe-${r.id}-${Date.now()}`, manager: m });
        });
      }
      return { probed: mounted.length, down, outagesOpened };
    },
  };
}
