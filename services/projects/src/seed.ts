// Demo data: two planned projects (one below, one above the expert-review threshold) and the expert pool (§15), some
// of whose experts work for a department and are never drawn for its projects. Idempotent: fixed ids, insert-if-missing.
import type { DataSource } from 'typeorm';
import { DigitalProject } from './entities/digital-project';
import { DigitalProjectKind, DigitalProjectStatus } from './entities/enums';
import { Expert } from './entities/project-records';

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
  await ds.getRepository(Expert).createQueryBuilder().insert().values(EXPERTS.map(([name, affiliation, field], i) => ({
    id: `00000000-0000-4000-e000-${String(i + 1).padStart(12, '0')}`, name, affiliation, field, active: true,
  }))).orIgnore().execute();
}
