// Demo data: two planned projects (one below, one above the expert-review threshold) and the expert pool (§15), some
// of whose experts work for a department and are never drawn for its projects. Idempotent: fixed ids, insert-if-missing.
import type { DataSource } from 'typeorm';
import { DigitalProject } from './entities/digital-project';
import { DigitalProjectKind, DigitalProjectStatus, ProjectPlanType } from './entities/enums';
import { Expert, ProjectEvent } from './entities/project-records';

const DEMO = [
  { id: '00000000-0000-4000-c000-000000000001', ownerDepartmentId: '420600-wjw', name: '全民健康信息平台数据治理项目', budget: 1_500_000, kind: DigitalProjectKind.SELF_BUILT },
  { id: '00000000-0000-4000-c000-000000000002', ownerDepartmentId: '420600-gaj', name: '人口基础信息库升级改造项目', budget: 3_200_000, kind: DigitalProjectKind.SELF_BUILT },
];

const EXPERTS: Array<[string, string, string]> = [
  ['王建国', '湖北文理学院', '软件工程'], ['李敏', '420600-gaj', '公安信息化'], ['张伟', '420600-wjw', '医疗信息化'], ['刘洋', '武汉大学', '数据治理'],
  ['陈静', '420600-sjj', '电子政务'], ['杨帆', '华中科技大学', '网络安全'], ['赵磊', '襄阳职业技术学院', '系统集成'], ['黄丽', '420600-zrzy', '地理信息'],
  ['周强', '中国信息通信研究院', '云计算'], ['吴芳', '湖北省软件测评中心', '软件测评'], ['孙浩', '420600-gaj', '网络安全'], ['郑晓', '襄阳市工程咨询院', '投资评审'],
];

export async function seedProjects(ds: DataSource): Promise<void> {
  await ds.getRepository(DigitalProject).createQueryBuilder().insert().values(DEMO.map((d) => ({
    ...d, description: `${d.name}（演示数据）`, regionCode: '420600', year: 2027, status: DigitalProjectStatus.PLANNED, createdBy: 'seed',
    fundingSource: '财政专项资金', selfBuiltReason: '行业专网，须与上级部门系统对接（演示数据）', yearlyInvestment: [{ year: 2027, amount: d.budget }],
    participatingDepartmentIds: [], resourceIds: [], overdueSteps: [],
  }))).orIgnore().execute();
  // One project already in operation (accepted and archived in March 2026), so its O&M schedule has something to show.
  const running = '00000000-0000-4000-c000-000000000003';
  await ds.getRepository(DigitalProject).createQueryBuilder().insert().values({
    id: running, ownerDepartmentId: '420600-wjw', name: '医疗机构执业监管系统', description: '医疗机构执业监管系统（演示数据）', regionCode: '420600', year: 2025,
    budget: 1_200_000, approvedBudget: 1_150_000, kind: DigitalProjectKind.SELF_BUILT, status: DigitalProjectStatus.IN_OPERATION, planType: ProjectPlanType.ANNUAL,
    createdBy: 'seed', fundingSource: '财政专项资金', selfBuiltReason: '卫健行业专网（演示数据）', yearlyInvestment: [{ year: 2025, amount: 1_200_000 }],
    participatingDepartmentIds: [], resourceIds: ['00000000-0000-4000-8000-000004206003'], overdueSteps: [], sharingInterfaces: '医疗机构执业信息查询接口',
    constructionPlan: '建设方案（演示数据）', archiveNo: 'DA-2026-007', acceptedAt: new Date('2026-03-10T02:00:00Z'),
    procurement: { procurementDocument: '招标文件（演示数据）', contractNo: 'HT-2025-031', contractor: '演示科技有限公司', contractAmount: 1_150_000, omYears: 3, supervisor: '演示监理有限公司', filedBy: 'seed', filedAt: '2025-06-01T02:00:00.000Z' },
    securityAssessment: { level: 2, agency: '湖北省信息安全测评中心', reportNo: 'DJCP-2026-0042', passed: true, assessedOn: '2026-02-20', recordedBy: 'seed' },
  }).orIgnore().execute();
  await ds.getRepository(ProjectEvent).createQueryBuilder().insert().values([
    ['DECLARED', '2024-10-20'], ['ANNUAL_PLAN_APPROVED', '2024-12-10'], ['BUDGET_APPROVED', '2025-04-01'], ['PROCUREMENT_FILED', '2025-06-01'],
    ['ACCEPTANCE_PASSED', '2026-03-10'], ['ARCHIVE_FILED', '2026-03-16'],
  ].map(([step, day], i) => ({ id: `00000000-0000-4000-c100-${String(i + 1).padStart(12, '0')}`, projectId: running, step, actor: 'seed', detail: '演示数据', createdAt: new Date(`${day}T02:00:00Z`) }))).orIgnore().execute();
  await ds.getRepository(Expert).createQueryBuilder().insert().values(EXPERTS.map(([name, affiliation, field], i) => ({
    id: `00000000-0000-4000-e000-${String(i + 1).padStart(12, '0')}`, name, affiliation, field, active: true,
  }))).orIgnore().execute();
}
