// Demo data: one project below and one above the expert-review threshold, planned for next year by two city
// departments. Idempotent: fixed ids, inserted only when missing.
import type { DataSource } from 'typeorm';
import { DigitalProject } from './entities/digital-project';
import { DigitalProjectKind, DigitalProjectStatus } from './entities/enums';

const DEMO = [
  { id: '00000000-0000-4000-c000-000000000001', ownerDepartmentId: '420600-wjw', name: '全民健康信息平台数据治理项目', budget: 1_500_000, kind: DigitalProjectKind.SELF_BUILT },
  { id: '00000000-0000-4000-c000-000000000002', ownerDepartmentId: '420600-gaj', name: '人口基础信息库升级改造项目', budget: 3_200_000, kind: DigitalProjectKind.SELF_BUILT },
];

export async function seedProjects(ds: DataSource): Promise<void> {
  await ds.getRepository(DigitalProject).createQueryBuilder().insert().values(DEMO.map((d) => ({
    ...d, description: `${d.name}（演示数据）`, regionCode: '420600', year: 2027, status: DigitalProjectStatus.PLANNED, createdBy: 'seed',
  }))).orIgnore().execute();
}
