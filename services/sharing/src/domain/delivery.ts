// Delivery of granted data (004 §23-24): a page of records limited to the grant's items and treated by the grade
// policy, a VERIFY comparison that returns no record data, flags on doubtful records (→ the provider's quality issue),
// and the PUSH endpoint of a grant.
import { randomBytes, randomUUID } from 'node:crypto';
import { callSubgraphAsService } from '@gov/kit';
import type { EntityManager } from 'typeorm';
import { ExchangeRecord } from '../entities/exchange';
import type { ShareGrant } from '../entities/grant';
import { RecordFlag } from '../entities/record-flag';
import { PushEndpoint } from '../entities/push';
import type { DeliveryPolicy, Treatment } from './delivery-policy';
import { keyItemOf, type ExchangeItem, type ExchangeResource } from './resource';

/** One record's granted items: clear, masked or withheld (null) by the grade policy. */
export function treatRecord(
  policy: DeliveryPolicy, items: ExchangeItem[], treatments: Map<string, Treatment>, stored: Record<string, string>,
): Array<{ name: string; value: string | null; treatment: Treatment }> {
  return items.map((i) => {
    const treatment = treatments.get(i.name)!;
    const raw = stored[i.name];
    const plain = raw === undefined || treatment === 'WITHHELD' ? null : policy.cipher.reveal(raw);
    const value = plain === null || treatment === 'WITHHELD' ? null : treatment === 'MASKED' ? policy.mask(i, plain) : plain;
    return { name: i.name, value, treatment };
  });
}

/** The granted items of the resource, in the grant's order (items the catalog no longer lists are dropped). */
export function grantedItems(g: ShareGrant, r: ExchangeResource): ExchangeItem[] {
  return g.items.map((name) => r.items.find((i) => i.name === name)).filter((i): i is ExchangeItem => !!i);
}

/** VERIFY: which sent fields differ from the record with the same key (the key item when there is no such record). */
export async function differingFields(m: EntityManager, policy: DeliveryPolicy, g: ShareGrant, fields: Array<{ name: string; value: string }>, keyItem: string): Promise<string[]> {
  const keyField = fields.find((f) => f.name === keyItem)!;
  const rec = await m.getRepository(ExchangeRecord).findOneBy({ resourceId: g.resourceId, recordKey: policy.cipher.storedKey(g.resourceId, keyField.value.trim()) });
  return rec ? fields.filter((f) => policy.cipher.reveal(rec.fields[f.name] ?? '') !== f.value.trim()).map((f) => f.name) : [keyItem];
}

/** The key item of a grant's records (the grant's items in catalog order). */
export function grantKeyItem(g: ShareGrant): string {
  return keyItemOf({ items: g.items.map((name) => ({ name, type: 'STRING', length: null, sensitive: false })) });
}

export async function hasRecord(m: EntityManager, policy: DeliveryPolicy, resourceId: string, recordKey: string): Promise<boolean> {
  return m.getRepository(ExchangeRecord).existsBy({ resourceId, recordKey: policy.cipher.storedKey(resourceId, recordKey.trim()) });
}

export async function insertFlag(m: EntityManager, g: ShareGrant, recordKey: string, reason: string, flaggedBy: string): Promise<RecordFlag> {
  const id = randomUUID();
  await m.getRepository(RecordFlag).insert({
    id, grantId: g.id, resourceId: g.resourceId, recordKey: recordKey.trim(), reason: reason.trim(), consumerDepartmentId: g.consumerDepartmentId,
    providerDepartmentId: g.providerDepartmentId, providerRegionCode: g.providerRegionCode, flaggedBy, qualityIssueId: null,
  });
  return m.getRepository(RecordFlag).findOneByOrFail({ id });
}

const REPORT_FLAG = 'mutation($input: FlaggedRecordInput!) { reportFlaggedRecord(input: $input) { id } }';

/**
 * The provider's quality issue for a flag (004 §24), through quality's service-only mutation. If quality cannot be
 * reached the flag stays, queryable (recordFlags), without an issue id.
 */
export async function openQualityIssue(m: EntityManager, policy: DeliveryPolicy, g: ShareGrant, flag: RecordFlag): Promise<RecordFlag> {
  let issueId: string | null = null;
  try {
    issueId = (await callSubgraphAsService<{ reportFlaggedRecord: { id: string } }>('quality', REPORT_FLAG, {
      input: {
        flagId: flag.id, resourceId: g.resourceId, departmentId: g.providerDepartmentId, regionCode: g.providerRegionCode, reporterDepartmentId: g.consumerDepartmentId,
        description: `共享数据疑义（授权 ${g.id}，记录 ${policy.cipher.storedKey(g.resourceId, flag.recordKey).slice(0, 16)}）：${flag.reason}`.slice(0, 2000),
      },
    })).reportFlaggedRecord.id;
  } catch {
    return flag;
  }
  await m.getRepository(RecordFlag).update({ id: flag.id }, { qualityIssueId: issueId });
  return m.getRepository(RecordFlag).findOneByOrFail({ id: flag.id });
}

/** PUSH: the grant's endpoint (one per grant; registering again replaces it) with a new HMAC-SM3 secret, shown once. */
export async function registerPush(m: EntityManager, policy: DeliveryPolicy, g: ShareGrant, url: string, createdBy: string): Promise<{ endpoint: PushEndpoint; secret: string }> {
  const secret = randomBytes(32).toString('hex');
  const repo = m.getRepository(PushEndpoint);
  const existing = await repo.findOneBy({ grantId: g.id });
  const id = existing?.id ?? randomUUID();
  await repo.upsert({ id, grantId: g.id, resourceId: g.resourceId, url, secret: policy.cipher.seal(secret), createdBy }, ['id']);
  return { endpoint: await repo.findOneByOrFail({ id }), secret };
}
