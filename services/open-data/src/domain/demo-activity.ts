// Demo activity (issue 15): downloads and API calls of the seeded datasets, and answered cases — the market-supervision
// bureau answered a complaint after its 10 working days, the health commission and the county's natural-resources
// bureau answered feedback in time — so a computed assessment shows different, explainable numbers.
import type { DataSource } from 'typeorm';
import { OpenDataCase, OpenDataCaseCategory, OpenDataCaseOutcome, OpenDataCaseStatus, OpenDataCaseType } from '../entities/open-data-case';

const day = (iso: string) => new Date(`${iso}T02:00:00.000Z`); // 10:00 in China
const dataset = (n: number) => `00000000-0000-4000-8000-0000000d000${n}`; // seed.ts

export async function seedOpenDataActivity(ds: DataSource): Promise<void> {
  const usage: Array<[number, string, string, string, number]> = [
    [1, '2026-09', 'DOWNLOAD', 'CSV', 120], [1, '2026-10', 'DOWNLOAD', 'XLSX', 64], [2, '2026-10', 'DOWNLOAD', 'CSV', 18],
    [3, '2026-10', 'DOWNLOAD', 'CSV', 35], [3, '2026-10', 'API', '', 210], [5, '2026-10', 'API', '', 9],
  ];
  // Counters are only ever raised by use: a row already there is kept.
  for (const [n, month, kind, format, count] of usage) {
    await ds.query('INSERT IGNORE INTO open_data_usage (dataset_id, month, kind, format, count) VALUES (?, ?, ?, ?, ?)', [dataset(n), month, kind, format, count]);
  }
  const cases = [
    { k: 1, n: 3, dept: '420600-scjg', region: '420600', type: OpenDataCaseType.COMPLAINT, category: OpenDataCaseCategory.TRADE_SECRET, created: '2026-07-01', deadline: '2026-07-15', answered: '2026-07-24', overdue: true,
      text: '数据集中包含本企业未公开的经营信息（演示数据）', answer: '经核实，相关字段已移除后恢复开放（演示数据）', outcome: OpenDataCaseOutcome.RESTORE_AFTER_PROCESSING },
    { k: 2, n: 1, dept: '420600-wjw', region: '420600', type: OpenDataCaseType.FEEDBACK, category: OpenDataCaseCategory.ERROR_OR_OMISSION, created: '2026-08-03', deadline: '2026-08-14', answered: '2026-08-06', overdue: false,
      text: '部分医疗机构地址有误（演示数据）', answer: '已更正并更新数据集（演示数据）', outcome: null },
    { k: 3, n: 5, dept: '420683-zrzy', region: '420683', type: OpenDataCaseType.FEEDBACK, category: OpenDataCaseCategory.POOR_QUALITY, created: '2026-08-10', deadline: '2026-08-21', answered: '2026-08-12', overdue: false,
      text: '宗地坐落缺少门牌号（演示数据）', answer: '已补充门牌号（演示数据）', outcome: null },
  ];
  for (const x of cases) {
    const id = `00000000-0000-4000-8000-${`e${x.k}`.padStart(12, '0')}`;
    if (await ds.getRepository(OpenDataCase).existsBy({ id })) continue; // never reset a demo row someone moved on
    await ds.getRepository(OpenDataCase).insert({
      id, type: x.type, category: x.category, datasetId: dataset(x.n), publisherDepartmentId: x.dept, regionCode: x.region, submitterSub: 'seed', submitter: '演示用户',
      description: x.text, evidence: [], status: OpenDataCaseStatus.ANSWERED, answerDeadline: new Date(`${x.deadline}T15:59:59.999Z`), overdue: x.overdue, suspendedAt: null,
      outcome: x.outcome, answer: x.answer, answeredBy: 'seed', answeredAt: day(x.answered), qualityIssueId: null, idempotencyKey: `seed-activity-${x.k}`, createdAt: day(x.created),
    });
  }
}
