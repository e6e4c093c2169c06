// Demo data: a few published open datasets of the city health commission, the city market regulator and the county
// natural-resources bureau (departments seeded by catalog). Idempotent: inserts only what is missing.
import type { DataSource } from 'typeorm';
import { OpenDataFormat as F, OpenDatasetOpenMode, OpenDatasetOpenType, OpenDatasetStatus, OpenDatasetUpdateFrequency } from './entities/enums';
import { OpenDataset } from './entities/open-dataset';
import { seedOpenDataActivity } from './domain/demo-activity';

const ALL = [F.CSV, F.JSON, F.XML, F.XLSX];

const DEMO: Array<Omit<OpenDataset, 'status' | 'publishedAt' | 'createdBy' | 'createdAt' | 'updatedAt'>> = [
  { id: '00000000-0000-4000-8000-0000000d0001', resourceId: '00000000-0000-4000-8000-000004206003', publisherDepartmentId: '420600-wjw', regionCode: '420600',
    name: '襄阳市医疗机构名录', description: '全市医疗机构名称、执业许可证号与地址（演示数据）', openType: OpenDatasetOpenType.UNCONDITIONAL, formats: ALL,
    dataType: '结构化数据', openMode: OpenDatasetOpenMode.DOWNLOAD, updateFrequency: OpenDatasetUpdateFrequency.MONTHLY, theme: '医疗卫生' },
  { id: '00000000-0000-4000-8000-0000000d0002', resourceId: null, publisherDepartmentId: '420600-wjw', regionCode: '420600',
    name: '襄阳市预防接种门诊信息', description: '预防接种门诊的名称、地址、服务时间（演示数据）', openType: OpenDatasetOpenType.UNCONDITIONAL, formats: [F.CSV, F.JSON],
    dataType: '结构化数据', openMode: OpenDatasetOpenMode.API, updateFrequency: OpenDatasetUpdateFrequency.WEEKLY, theme: '医疗卫生' },
  { id: '00000000-0000-4000-8000-0000000d0003', resourceId: '00000000-0000-4000-8000-000004206001', publisherDepartmentId: '420600-scjg', regionCode: '420600',
    name: '襄阳市企业登记基本信息', description: '企业名称、统一社会信用代码、住所（演示数据）', openType: OpenDatasetOpenType.UNCONDITIONAL, formats: ALL,
    dataType: '结构化数据', openMode: OpenDatasetOpenMode.DOWNLOAD, updateFrequency: OpenDatasetUpdateFrequency.DAILY, theme: '市场监管' },
  { id: '00000000-0000-4000-8000-0000000d0004', resourceId: null, publisherDepartmentId: '420600-scjg', regionCode: '420600',
    name: '襄阳市食品经营许可信息', description: '食品经营许可证号、经营者名称、经营项目（演示数据）', openType: OpenDatasetOpenType.CONDITIONAL, formats: [F.JSON, F.XML],
    dataType: '结构化数据', openMode: OpenDatasetOpenMode.API, updateFrequency: OpenDatasetUpdateFrequency.DAILY, theme: '市场监管' },
  { id: '00000000-0000-4000-8000-0000000d0005', resourceId: '00000000-0000-4000-8000-000004206832', publisherDepartmentId: '420683-zrzy', regionCode: '420683',
    name: '枣阳市不动产宗地信息', description: '宗地编号、坐落与面积，经接口按条件提供（演示数据）', openType: OpenDatasetOpenType.CONDITIONAL, formats: [F.JSON],
    dataType: '空间数据', openMode: OpenDatasetOpenMode.API, updateFrequency: OpenDatasetUpdateFrequency.QUARTERLY, theme: '资源环境' },
];

export async function seedOpenData(ds: DataSource): Promise<void> {
  await ds.transaction(async (m) => {
    for (const d of DEMO) {
      if (await m.getRepository(OpenDataset).existsBy({ id: d.id })) continue; // never reset a demo row someone moved on
      await m.getRepository(OpenDataset).insert({ ...d, status: OpenDatasetStatus.PUBLISHED, publishedAt: new Date(), createdBy: 'seed' });
    }
  });
  await seedOpenDataActivity(ds); // downloads, API calls and answered cases, for the assessment demo
}
