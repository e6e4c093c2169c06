// Demo data: the regions and departments of infra/demo/org.json (the same ones the Keycloak realm names), and a few
// published catalog entries. Idempotent: upserts by key.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { DataItem, DataResource } from './entities/data-resource';
import { Department } from './entities/department';
import { ItemType, OpenType, RegionLevel, ResourceCategory, ResourceStatus, SensitivityGrade, ShareType } from './entities/enums';
import { Region } from './entities/region';
import { InformationSystem } from './entities/information-system';
import { reindexResource } from './domain/search';
import { recordVersion } from './domain/versions';

interface Org {
  regions: Array<{ code: string; name: string; level: RegionLevel; parent: string | null }>;
  departmentKinds: Array<{ kind: string; name: string }>;
}

export function loadOrg(): Org {
  return JSON.parse(readFileSync(join(__dirname, '../../../infra/demo/org.json'), 'utf8')) as Org;
}

const DEMO_RESOURCES = [
  { kind: 'gaj', code: 'POP-BASE', name: '人口基础信息', category: ResourceCategory.BASE, shareType: ShareType.CONDITIONAL, shareCondition: '仅限政务服务事项办理中的身份核验与查询', openType: OpenType.NOT_OPEN, notOpenReason: '涉及个人信息', grade: SensitivityGrade.HIGH,
    items: [['姓名', ItemType.STRING, 50, true], ['公民身份号码', ItemType.STRING, 18, true], ['联系电话', ItemType.STRING, 20, true], ['住址', ItemType.STRING, 200, true], ['户号', ItemType.STRING, 20, false]] },
  { kind: 'scjg', code: 'LP-BASE', name: '法人基础信息', category: ResourceCategory.BASE, shareType: ShareType.UNCONDITIONAL, openType: OpenType.UNCONDITIONAL, grade: SensitivityGrade.LOW,
    items: [['统一社会信用代码', ItemType.STRING, 18, false], ['企业名称', ItemType.STRING, 200, false], ['法定代表人', ItemType.STRING, 50, true], ['住所', ItemType.STRING, 200, false]] },
  { kind: 'zrzy', code: 'GEO-PARCEL', name: '不动产宗地信息', category: ResourceCategory.BASE, shareType: ShareType.CONDITIONAL, shareCondition: '用于不动产登记、规划审批', openType: OpenType.CONDITIONAL, grade: SensitivityGrade.MEDIUM,
    items: [['宗地编号', ItemType.STRING, 32, false], ['坐落', ItemType.STRING, 200, false], ['面积', ItemType.DECIMAL, null, false]] },
  { kind: 'wjw', code: 'HEALTH-INST', name: '医疗机构执业信息', category: ResourceCategory.THEME, shareType: ShareType.UNCONDITIONAL, openType: OpenType.UNCONDITIONAL, grade: SensitivityGrade.NONE,
    items: [['机构名称', ItemType.STRING, 200, false], ['执业许可证号', ItemType.STRING, 40, false], ['地址', ItemType.STRING, 200, false]] },
  { kind: 'gaj', code: 'POP-CRIMINAL', name: '违法犯罪记录', category: ResourceCategory.DEPARTMENT, shareType: ShareType.NOT_SHARED, notSharedBasis: '《中华人民共和国治安管理处罚法》及公安机关保密规定', openType: OpenType.NOT_OPEN, notOpenReason: '涉及国家秘密与个人隐私', grade: SensitivityGrade.HIGH,
    items: [['公民身份号码', ItemType.STRING, 18, true], ['案件类别', ItemType.STRING, 40, true]] },
] as const;

export async function seedCatalog(ds: DataSource): Promise<void> {
  const org = loadOrg();
  await ds.transaction(async (m) => {
    await m.getRepository(Region).upsert(org.regions.map((r) => ({ code: r.code, name: r.name, level: r.level, parentCode: r.parent })), ['code']);
    const depts = org.regions.flatMap((r) => org.departmentKinds.map((k) => ({
      id: `${r.code}-${k.kind}`, name: `${r.name}${k.name}`, regionCode: r.code, kind: k.kind,
    })));
    await m.getRepository(Department).upsert(depts, ['id']);
    for (const region of org.regions) {
      for (const d of DEMO_RESOURCES) {
        const code = `${region.code}-${d.code}`;
        if (await m.getRepository(DataResource).existsBy({ code })) continue;
        const id = `00000000-0000-4000-8000-${(region.code + String(DEMO_RESOURCES.indexOf(d))).padStart(12, '0')}`;
        // One inventoried source system per demo entry (002 §2(3)), so coverage has something to count.
        const systemId = `00000000-0000-4000-9000-${(region.code + String(DEMO_RESOURCES.indexOf(d))).padStart(12, '0')}`;
        await m.getRepository(InformationSystem).upsert({ id: systemId, departmentId: `${region.code}-${d.kind}`, regionCode: region.code, name: `${d.name}管理系统`, description: null }, ['id']);
        await m.getRepository(DataResource).insert({
          id, code, name: `${region.name}${d.name}`, description: `${region.name}${d.name}（演示数据）`, departmentId: `${region.code}-${d.kind}`,
          regionCode: region.code, category: d.category, shareType: d.shareType, shareCondition: 'shareCondition' in d ? d.shareCondition : null,
          notSharedBasis: 'notSharedBasis' in d ? d.notSharedBasis : null, openType: d.openType, notOpenReason: 'notOpenReason' in d ? d.notOpenReason : null,
          sensitivityGrade: d.grade, status: ResourceStatus.PUBLISHED, version: 1, submissionCount: 0, reviewOverdue: false,
          publishedAt: new Date(), createdBy: 'seed', sourceSystemId: systemId, theme: d.category === ResourceCategory.THEME ? '卫生健康' : null,
        });
        await m.getRepository(DataItem).insert(d.items.map(([name, type, length, sensitive], position) => ({
          id: randomUUID(),
          resourceId: id, position, name, type, length, sensitive, sensitivity: sensitive ? (d.grade === SensitivityGrade.NONE ? SensitivityGrade.LOW : d.grade) : SensitivityGrade.NONE,
        })));
        await reindexResource(m, id);
        await recordVersion(m, id, 1);
      }
    }
  });
}
