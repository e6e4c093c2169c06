// Demo data: one open inspection finding on the city population base data (resource and departments seeded by
// catalog). Idempotent: inserts only what is missing.
import type { DataSource } from 'typeorm';
import { QualityIssueSource, QualityIssueStatus } from './entities/enums';
import { QualityIssue } from './entities/quality-issue';

export async function seedQuality(ds: DataSource): Promise<void> {
  const id = '00000000-0000-4000-8000-00000000c001';
  if (await ds.getRepository(QualityIssue).existsBy({ id })) return; // never reset a demo row someone moved on
  await ds.getRepository(QualityIssue).insert({
    id, resourceId: '00000000-0000-4000-8000-000004206000', departmentId: '420600-gaj', regionCode: '420600',
    source: QualityIssueSource.INSPECTION, reporterDepartmentId: '420600-dsjzx',
    description: '例行质检发现12条记录的公民身份号码校验位错误（演示数据）', status: QualityIssueStatus.OPEN,
    explanation: null, openedAt: new Date(), fixedAt: null, createdBy: 'seed',
  });
}
