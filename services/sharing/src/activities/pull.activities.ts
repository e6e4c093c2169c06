// The scheduled pull: stream the provider's table (columns named as the resource's data items) through the same
// validation and all-or-nothing load as an upload, audited as an IMPORT before commit, then start the PUSH deliveries.
import type { Client } from '@temporalio/client';
import { auditAs, clientCredentialsToken, fetchCatalogEntry, type CommonConfig } from '@gov/kit';
import type { SharePullActivities } from '@gov/workflows';
import type { DataSource } from 'typeorm';
import { PullSource } from '../entities/pull-source';
import { loadRecords, type LoadRequest } from '../domain/load';
import type { ParsedRow } from '../domain/parse';
import type { ExchangeCipher } from '../domain/protect';
import { startPushes } from '../domain/push-trigger';
import { startInspectionAfterLoad } from '../domain/inspection-trigger';

import { IDENTIFIER } from '../domain/pull-source';

export function pullActivities(
  ds: DataSource, config: CommonConfig, cipher: ExchangeCipher, temporal: Client, taskQueuePrefix: string, identifiers: LoadRequest['identifiers'],
): SharePullActivities {
  return {
    async pullRecords({ resourceId }) {
      const src = await ds.getRepository(PullSource).findOneBy({ resourceId });
      if (!src) return { loadId: null, status: 'NO_SOURCE', rowCount: 0 };
      if (!IDENTIFIER.test(src.database) || !IDENTIFIER.test(src.table)) throw new Error('pull source names are not plain identifiers');
      const token = await clientCredentialsToken(config.keycloak, config.serviceAccount.clientId, config.serviceAccount.clientSecret);
      const resource = await fetchCatalogEntry(resourceId, token);
      if (!resource) throw new Error(`catalog entry ${resourceId} not readable`);
      const mysql = await import('mysql2');
      const conn = mysql.createConnection({
        host: src.host, port: src.port, user: src.username, password: cipher.reveal(src.password), database: src.database, charset: 'utf8mb4',
      });
      try {
        const rows = conn.query(`SELECT * FROM \`${src.table}\``).stream({ highWaterMark: 1000 });
        const source = async function* (): AsyncGenerator<ParsedRow> {
          let n = 0;
          for await (const r of rows as AsyncIterable<Record<string, unknown>>) {
            if (n === 0) yield { kind: 'header', columns: Object.keys(r) };
            n++;
            yield { kind: 'row', row: n, values: Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v instanceof Date ? v.toISOString().slice(0, 10) : v])) };
          }
        };
        const load = await loadRecords(ds, null, {
          resource, format: 'mysql', source: source(), createdBy: 'share-pull', identifiers, cipher,
          beforeCommit: (n, manager) => auditAs({ username: 'share-pull', sub: 'share-pull', department: src.departmentId, region: src.regionCode }, {
            action: 'IMPORT', resourceId, items: resource.items.map((i) => i.name), detail: `scheduled pull rows=${n} from ${src.database}.${src.table}`,
          }, { requestId: `share-pull-${resourceId}`, source: 'sharing', manager }),
        });
        if (load.status === 'LOADED') {
          await startInspectionAfterLoad(temporal, taskQueuePrefix, resourceId, load.id);
          await startPushes(ds, temporal, taskQueuePrefix, resourceId, load.id);
        }
        return { loadId: load.id, status: load.status, rowCount: load.rowCount };
      } finally {
        conn.destroy();
      }
    },
  };
}
