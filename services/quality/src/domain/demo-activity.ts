// Demo activity (issue 15): verified quality issues with their history in both demo regions — the population bureau
// fixed one after its 3-working-day limit (escalated), the natural-resources bureau fixed one in time — so a computed
// assessment shows different, explainable numbers.
import type { DataSource } from 'typeorm';
import { QualityIssueSource, QualityIssueStatus } from '../entities/enums';
import { QualityIssue } from '../entities/quality-issue';

const resourceOf = (region: string, index: number) => `00000000-0000-4000-8000-${(region + String(index)).padStart(12, '0')}`;
const day = (iso: string) => new Date(`${iso}T02:00:00.000Z`); // 10:00 in China

export async function seedQualityActivity(ds: DataSource): Promise<void> {
  for (const r of ['420600', '420683']) {
    const rows = [
      { k: 1, resource: 0, dept: 'gaj', opened: '2026-06-01', deadline: '2026-06-04', escalated: '2026-06-05', fixed: '2026-06-11', verified: '2026-06-12', overdue: true, text: '住址字段缺失率超过5%（演示数据）' },
      { k: 2, resource: 2, dept: 'zrzy', opened: '2026-05-06', deadline: '2026-05-11', escalated: null, fixed: '2026-05-07', verified: '2026-05-08', overdue: false, text: '宗地面积出现负值（演示数据）' },
    ];
    for (const x of rows) {
      const id = `00000000-0000-4000-8000-${(`c${r}${x.k}`).padStart(12, '0')}`;
      if (await ds.getRepository(QualityIssue).existsBy({ id })) continue; // never reset a demo row someone moved on
      await ds.getRepository(QualityIssue).insert({
        id, resourceId: resourceOf(r, x.resource), departmentId: `${r}-${x.dept}`, regionCode: r, source: QualityIssueSource.INSPECTION, reporterDepartmentId: `${r}-dsjzx`,
        description: x.text, status: QualityIssueStatus.VERIFIED, explanation: '已整改（演示数据）', openedAt: day(x.opened), fixedAt: day(x.fixed), workingDays: 3, round: 0,
        deadline: new Date(`${x.deadline}T15:59:59.999Z`), deadlineDay: x.deadline, deadlineOfficial: true, overdue: x.overdue, escalatedAt: x.escalated ? day(x.escalated) : null,
        reopenCount: 0, verifiedAt: day(x.verified), outcomeNote: '平台复核通过（演示数据）', createdBy: 'seed', createdAt: day(x.opened),
      });
    }
  }
}
