// Demo activity (issue 15): closed share applications with their history in both demo regions — the population bureau
// let one pass its 5-working-day limit (escalated, then withdrawn by the consumer) and answered another in time; the
// natural-resources bureau answered in time — so a computed assessment shows different, explainable numbers.
import type { DataSource } from 'typeorm';
import { ShareApplicationStatus, ShareUsageMode } from '../entities/enums';
import { ShareApplication } from '../entities/share-application';

const resourceOf = (region: string, index: number) => `00000000-0000-4000-8000-${(region + String(index)).padStart(12, '0')}`;
const day = (iso: string) => new Date(`${iso}T02:00:00.000Z`); // 10:00 in China

export async function seedSharingActivity(ds: DataSource): Promise<void> {
  for (const r of ['420600', '420683']) {
    const rows = [
      { k: 1, resource: 0, provider: 'gaj', consumer: 'wjw', submitted: '2026-03-02', status: ShareApplicationStatus.WITHDRAWN, overdue: true, escalated: '2026-03-10', decided: null, reason: null },
      { k: 2, resource: 0, provider: 'gaj', consumer: 'zrzy', submitted: '2026-04-07', status: ShareApplicationStatus.REJECTED, overdue: false, escalated: null, decided: '2026-04-09', reason: '申请事项与共享条件不符（演示数据）' },
      { k: 3, resource: 2, provider: 'zrzy', consumer: 'gaj', submitted: '2026-05-11', status: ShareApplicationStatus.REJECTED, overdue: false, escalated: null, decided: '2026-05-12', reason: '所需信息项已无条件共享，请直接订阅（演示数据）' },
    ];
    for (const x of rows) {
      const id = `00000000-0000-4000-8000-${(`b${r}${x.k}`).padStart(12, '0')}`;
      if (await ds.getRepository(ShareApplication).existsBy({ id })) continue; // never reset a demo row someone moved on
      await ds.getRepository(ShareApplication).insert({
        id, resourceId: resourceOf(r, x.resource), providerDepartmentId: `${r}-${x.provider}`, providerRegionCode: r, consumerDepartmentId: `${r}-${x.consumer}`, regionCode: r,
        requestedItems: x.resource === 0 ? ['姓名', '公民身份号码'] : ['宗地编号', '坐落'], scenario: '演示业务场景', purpose: '演示数据：已结束的共享申请', usageMode: ShareUsageMode.VERIFY,
        periodFrom: '2026-01-01', periodTo: '2026-12-31', status: x.status, idempotencyKey: `seed-activity-${x.k}`, stage: null, stageDeadline: null,
        overdue: x.overdue, escalatedAt: x.escalated ? day(x.escalated) : null, decisionReason: x.reason, submittedAt: day(x.submitted), createdBy: 'seed',
        decisions: x.decided ? [{ stage: 'PROVIDER_REVIEW', approve: false, actor: `${r}-${x.provider}-approver`, reason: x.reason, at: day(x.decided).toISOString() }] : null,
      });
    }
  }
}
