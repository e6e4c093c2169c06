// PUSH delivery activities: the records of one load, limited to the grant's items and treated by the grade policy
// (usage mode PUSH), sent in signed chunks. Checked again on every attempt: a revoked or expired grant gets nothing.
import { Context } from '@temporalio/activity';
import { auditAs, clientCredentialsToken, fetchCatalogEntry, signedDeliveryHeaders, type CommonConfig } from '@gov/kit';
import type { SharePushActivities } from '@gov/workflows';
import type { GradePolicyRule } from '@gov/masking';
import type { DataSource } from 'typeorm';
import { GrantStatus, ShareUsageMode } from '../entities/enums';
import { ExchangeRecord } from '../entities/exchange';
import { ConfidentialityAgreement } from '../entities/confidentiality-agreement';
import { capabilityPassed } from '../domain/capability';
import { ShareGrant } from '../entities/grant';
import { suspensionOf } from '../domain/suspension';
import { PushEndpoint } from '../entities/push';
import type { ExchangeCipher } from '../domain/protect';
import { gradePolicy } from '../domain/delivery-policy';

const CHUNK = 500;

export function pushActivities(ds: DataSource, config: CommonConfig, cipher: ExchangeCipher, rules: () => Promise<GradePolicyRule[]>): SharePushActivities {
  const policy = gradePolicy(rules, cipher);
  return {
    async deliverPush({ endpointId, loadId, deliveryId }) {
      const attempt = Context.current().info.attempt;
      await ds.query(
        `INSERT INTO push_delivery (id, endpoint_id, load_id, status, attempts) VALUES (?, ?, ?, 'SENDING', ?)
         ON DUPLICATE KEY UPDATE attempts = VALUES(attempts), status = 'SENDING'`, [deliveryId, endpointId, loadId, attempt]);
      const ep = await ds.getRepository(PushEndpoint).findOneBy({ id: endpointId });
      const g = ep ? await ds.getRepository(ShareGrant).findOneBy({ id: ep.grantId }) : null;
      if (!ep || !g || g.status !== GrantStatus.ACTIVE || g.expiresAt.getTime() <= Date.now() || g.usageMode !== ShareUsageMode.PUSH
        || !(await ds.getRepository(ConfidentialityAgreement).existsBy({ grantId: g.id })) || !(await capabilityPassed(ds.manager, g.id)) || (await suspensionOf(g.resourceId)).suspended) {
        return { records: 0, skipped: true };
      }
      const token = await clientCredentialsToken(config.keycloak, config.serviceAccount.clientId, config.serviceAccount.clientSecret);
      const resource = await fetchCatalogEntry(g.resourceId, token);
      if (!resource) throw new Error(`catalog entry ${g.resourceId} not readable`);
      const items = g.items.map((n) => resource.items.find((i) => i.name === n)).filter((i): i is NonNullable<typeof i> => !!i);
      const treatments = await policy.treatments(resource, items, 'PUSH', g.clearText);
      const total = await ds.getRepository(ExchangeRecord).countBy({ resourceId: g.resourceId, loadId });
      // No audit record, no data: one SHARE record per delivery attempt, before anything leaves.
      await auditAs({ username: 'share-push', sub: 'share-push', department: g.providerDepartmentId, region: g.providerRegionCode }, {
        action: 'SHARE', resourceId: g.resourceId, grantId: g.id, scenario: g.scenario, items: items.map((i) => i.name),
        detail: `push ${deliveryId} attempt ${attempt} records=${total}`,
      }, { requestId: deliveryId, source: 'sharing' });
      const secret = cipher.reveal(ep.secret);
      let after = '';
      let chunk = 0;
      let sent = 0;
      for (;;) {
        const rows = await ds.getRepository(ExchangeRecord).createQueryBuilder('x')
          .where('x.resourceId = :r AND x.loadId = :l AND x.id > :after', { r: g.resourceId, l: loadId, after })
          .orderBy('x.id', 'ASC').take(CHUNK).getMany();
        if (!rows.length && chunk > 0) break;
        const records = rows.map((x) => Object.fromEntries(items.map((i) => {
          const t = treatments.get(i.name)!;
          const stored = x.fields[i.name];
          if (stored === undefined || t === 'WITHHELD') return [i.name, null];
          const plain = cipher.reveal(stored);
          return [i.name, t === 'MASKED' ? policy.mask(i, plain) : plain];
        })));
        sent += records.length;
        const last = rows.length < CHUNK;
        const body = JSON.stringify({ deliveryId, chunk, last, resourceId: g.resourceId, grantId: g.id, loadId, records });
        // Signed as every platform delivery is (kit webhook.ts): HMAC-SM3 over `<x-gov-timestamp>.<body>`.
        const res = await fetch(ep.url, {
          method: 'POST', body, signal: AbortSignal.timeout(30_000),
          headers: { ...signedDeliveryHeaders(secret, body, deliveryId), 'x-gov-chunk': String(chunk) },
        });
        if (!res.ok) throw new Error(`receiver answered ${res.status} to chunk ${chunk}`);
        if (last) break;
        after = rows[rows.length - 1].id;
        chunk++;
      }
      return { records: sent, skipped: false };
    },
    async recordPushOutcome({ deliveryId, endpointId, loadId, status, records, detail }) {
      await ds.query(
        `INSERT INTO push_delivery (id, endpoint_id, load_id, status, records, detail) VALUES (?, ?, ?, ?, ?, ?)
         ON DUPLICATE KEY UPDATE status = VALUES(status), records = VALUES(records), detail = VALUES(detail)`,
        [deliveryId, endpointId, loadId, status, records, detail ?? null]);
    },
  };
}
