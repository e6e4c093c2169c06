// Demo data: one draft application of the city health commission for the city population base data. Idempotent.
import type { DataSource } from 'typeorm';
import { ShareApplicationStatus, ShareUsageMode } from './entities/enums';
import { ShareApplication } from './entities/share-application';

export async function seedSharing(ds: DataSource): Promise<void> {
  const id = '00000000-0000-4000-8000-00000000a001';
  if (await ds.getRepository(ShareApplication).existsBy({ id })) return; // never reset a demo row someone moved on
  await ds.getRepository(ShareApplication).insert({
    id,
    resourceId: '00000000-0000-4000-8000-000004206000', // 襄阳市人口基础信息, seeded by catalog
    providerDepartmentId: '420600-gaj', providerRegionCode: '420600',
    consumerDepartmentId: '420600-wjw', regionCode: '420600',
    requestedItems: ['姓名', '公民身份号码'],
    scenario: '出生医学证明办理', purpose: '核验新生儿父母身份信息（演示数据）', usageMode: ShareUsageMode.VERIFY,
    periodFrom: '2026-01-01', periodTo: '2026-12-31', status: ShareApplicationStatus.DRAFT,
    idempotencyKey: 'seed-wjw-pop-verify', createdBy: 'seed',
  });
}
