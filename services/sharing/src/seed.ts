// Demo data: the exchange records of the city's population and legal-person resources (catalog seeds both entries),
// generated deterministically — 100k rows each for `npm start`, a few hundred under NODE_ENV=test so test runs stay
// quick (SHARING_DEMO_ROWS overrides) — and one draft application. Idempotent.
import type { DataSource } from 'typeorm';
import { ShareApplicationStatus, ShareUsageMode } from './entities/enums';
import { ShareApplication } from './entities/share-application';
import { legalPersonRow, populationRow } from './domain/demo';
import { insertRecords, type RecordRow } from './domain/load';
import type { ExchangeCipher } from './domain/protect';
import type { ExchangeResource } from './domain/resource';
import { seedSharingActivity } from './domain/demo-activity';

export const POPULATION_RESOURCE_ID = '00000000-0000-4000-8000-000004206000'; // 襄阳市人口基础信息 (CONDITIONAL, HIGH)
export const LEGAL_PERSON_RESOURCE_ID = '00000000-0000-4000-8000-000004206001'; // 襄阳市法人基础信息 (UNCONDITIONAL, LOW)

export function demoRowCount(): number {
  const explicit = Number(process.env.SHARING_DEMO_ROWS);
  if (Number.isInteger(explicit) && explicit > 0) return explicit;
  return process.env.NODE_ENV === 'test' ? 300 : 100_000;
}

/** What catalog's seed says about the two resources (grade, sensitive items): what encryption at rest needs. */
const POPULATION = { sensitivityGrade: 'HIGH' as const, items: ['姓名', '公民身份号码', '联系电话', '住址'].map((name) => ({ name, type: 'STRING', length: null, sensitive: true })) };
const LEGAL_PERSON = { sensitivityGrade: 'LOW' as const, items: [{ name: '法定代表人', type: 'STRING', length: null, sensitive: true }] };

async function seedRecords(
  ds: DataSource, resourceId: string, count: number, row: (i: number) => Record<string, string>, key: string,
  cipher: ExchangeCipher, resource: Pick<ExchangeResource, 'sensitivityGrade' | 'items'>,
): Promise<void> {
  const [{ n }] = await ds.query('SELECT COUNT(*) AS n FROM exchange_record WHERE resource_id = ?', [resourceId]) as Array<{ n: string | number }>;
  if (Number(n) >= count) return;
  await ds.transaction(async (m) => {
    for (let start = 0; start < count; start += 2000) {
      const rows: RecordRow[] = [];
      for (let i = start; i < Math.min(count, start + 2000); i++) {
        const fields = row(i);
        rows.push({ key: cipher.storedKey(resourceId, fields[key]), fields: cipher.protect(resource, fields) });
      }
      await insertRecords(m, resourceId, null, rows);
    }
  });
}

export async function seedSharing(ds: DataSource, cipher: ExchangeCipher): Promise<void> {
  const count = demoRowCount();
  await seedRecords(ds, POPULATION_RESOURCE_ID, count, (i) => ({ ...populationRow(i) }), '公民身份号码', cipher, POPULATION);
  await seedRecords(ds, LEGAL_PERSON_RESOURCE_ID, count, (i) => ({ ...legalPersonRow(i) }), '统一社会信用代码', cipher, LEGAL_PERSON);
  await seedSharingActivity(ds); // closed applications with their history, for the assessment demo

  const id = '00000000-0000-4000-8000-00000000a001';
  if (await ds.getRepository(ShareApplication).existsBy({ id })) return; // never reset a demo row someone moved on
  await ds.getRepository(ShareApplication).insert({
    id,
    resourceId: POPULATION_RESOURCE_ID,
    providerDepartmentId: '420600-gaj', providerRegionCode: '420600',
    consumerDepartmentId: '420600-wjw', regionCode: '420600',
    requestedItems: ['姓名', '公民身份号码'],
    scenario: '出生医学证明办理', purpose: '核验新生儿父母身份信息（演示数据）', usageMode: ShareUsageMode.VERIFY,
    periodFrom: '2026-01-01', periodTo: '2027-12-31', status: ShareApplicationStatus.DRAFT,
    idempotencyKey: 'seed-wjw-pop-verify', createdBy: 'seed',
  });
}
