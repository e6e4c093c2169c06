// Demo data: one open inspection finding on the city population base data and one objection received on paper about
// the city legal-person base (resources and departments seeded by catalog). Idempotent: inserts only what is missing.
import { createHash } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { ObjectionGround, ObjectionStatus, QualityIssueSource, QualityIssueStatus } from './entities/enums';
import { Objection } from './entities/objection';
import { QualityIssue } from './entities/quality-issue';

/**
 * The demo finding's id, fixed per database: its fix workflow's id is the issue id, and deployments that share one
 * Temporal namespace (`npm start` and a test run) must not share that workflow.
 */
export function seededIssueId(database: string): string {
  const h = createHash('sha256').update(`${database}/quality-demo-issue`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export async function seedQuality(ds: DataSource): Promise<void> {
  const id = seededIssueId(String(ds.options.database));
  // Never reset a demo row someone moved on.
  if (!(await ds.getRepository(QualityIssue).existsBy({ id }))) {
    await ds.getRepository(QualityIssue).insert({
      id, resourceId: '00000000-0000-4000-8000-000004206000', departmentId: '420600-gaj', regionCode: '420600',
      source: QualityIssueSource.INSPECTION, reporterDepartmentId: '420600-dsjzx',
      description: '例行质检发现12条记录的公民身份号码校验位错误（演示数据）', status: QualityIssueStatus.OPEN,
      explanation: null, openedAt: new Date(), fixedAt: null, workingDays: 3, round: 0, createdBy: 'seed',
    });
  }
  const objection = '00000000-0000-4000-8000-00000000c101';
  // RECEIVED, not suspended: the demo authority decides whether to suspend (a seeded suspension would stop deliveries).
  if (!(await ds.getRepository(Objection).existsBy({ id: objection }))) {
    await ds.getRepository(Objection).insert({
      id: objection, resourceId: '00000000-0000-4000-8000-000004206001', departmentId: '420600-scjg', regionCode: '420600',
      objectorName: '襄阳市某商贸有限公司', ground: ObjectionGround.WRONG, description: '本公司住所已变更，共享数据仍为旧址（演示数据，纸质来函）', onPaper: true,
      status: ObjectionStatus.RECEIVED, suspended: false, suspendedAt: null, verifyDeadline: null, verifyDeadlineDay: null, verifyDeadlineOfficial: null,
      decision: null, finding: null, decidedAt: null, answer: null, answeredAt: null, filedBySub: 'seed', createdBy: 'seed',
    });
  }
}
