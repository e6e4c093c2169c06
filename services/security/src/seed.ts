// Demo data. The audit chain starts empty (its head row is created by the migration). Emergency plans (000 §24) for the
// demo departments of the city and the county, each region's region-wide plan, drills that leave some plans up to date
// and some overdue (003 §32(二)), and one incident that names the plan it used. Idempotent: fixed ids, inserted once.
import { sm3Hex, sm4Encrypt, type Sm4Keyring } from '@gov/gm-crypto';
import { chinaDate } from '@gov/working-days';
import type { DataSource } from 'typeorm';
import { EmergencyDrill, EmergencyPlan, EmergencyPlanVersion } from './entities/emergency-plan';
import { IncidentSeverity, IncidentStatus } from './entities/enums';
import { SecurityIncident } from './entities/security-incident';
import { seededPlanId, type DEMO_PLAN_KINDS } from './domain/demo';

type DemoPlanKind = (typeof DEMO_PLAN_KINDS)[number];

const REGIONS = ['420600', '420683'];
/** Department kind, plan title, days since the latest drill (null: never drilled). */
const PLANS: Array<[DemoPlanKind, string, number | null, boolean]> = [
  ['sjj', '政务数据安全事件总体应急预案', 200, true],
  ['gaj', '人口基础信息数据泄露应急处置预案', 90, false],
  ['scjg', '法人基础信息系统故障应急处置预案', 400, false],
  ['wjw', '卫生健康共享数据安全应急预案', null, false],
  ['zrzy', '自然资源数据安全应急预案', null, false],
];

const text = (title: string) => `${title}\n一、适用范围：本单位政务数据的采集、共享、开放过程中发生的数据泄露、篡改、丢失及系统故障。\n`
  + '二、组织体系：安全管理负责人统一指挥，信息化科室具体处置。\n三、处置流程：发现即报告，一小时内报告市行政审批局，启动隔离、取证、恢复。\n四、演练：每年至少组织一次应急演练。';

export async function seedSecurity(ds: DataSource, keyring: Sm4Keyring): Promise<void> {
  const day = (n: number) => chinaDate(Date.now() - n * 86_400_000);
  for (const region of REGIONS) {
    for (const [kind, title, drilledDaysAgo, regionWide] of PLANS) {
      const id = seededPlanId(region, kind);
      if (await ds.getRepository(EmergencyPlan).existsBy({ id })) continue; // never reset a demo row someone moved on
      const departmentId = `${region}-${kind}`;
      const drilledOn = drilledDaysAgo === null ? null : day(drilledDaysAgo);
      await ds.transaction(async (m) => {
        await m.getRepository(EmergencyPlan).insert({ id, departmentId, regionCode: region, title, regionWide, version: 1, lastDrilledOn: drilledOn, createdBy: 'seed' });
        await m.getRepository(EmergencyPlanVersion).insert({
          id: id.replace(/^00000000/, '00000001'), planId: id, version: 1, textEnc: sm4Encrypt(text(title), keyring), textHash: sm3Hex(text(title)), note: null, createdBy: 'seed',
        });
        if (drilledOn) {
          await m.getRepository(EmergencyDrill).insert({
            id: id.replace(/^00000000/, '00000002'), planId: id, planVersion: 1, departmentId, regionCode: region, drilledOn,
            participantsEnc: sm4Encrypt(JSON.stringify(['安全管理负责人', '信息化科', '市大数据中心运维组']), keyring),
            findingsEnc: sm4Encrypt('桌面推演：报告链路畅通；备份恢复用时超过预案要求（演示数据）', keyring),
            followUpEnc: sm4Encrypt(JSON.stringify(['缩短备份恢复时间至 2 小时内', '更新值班联系人名单']), keyring), recordedBy: 'seed',
          });
        }
      });
    }
  }
  const incidentId = '00000000-0000-4000-8000-e00000000001';
  if (await ds.getRepository(SecurityIncident).existsBy({ id: incidentId })) return;
  await ds.getRepository(SecurityIncident).insert({
    id: incidentId, title: '人口库接口异常访问', descriptionEnc: sm4Encrypt('夜间出现大量异常核验请求，已封禁来源账号（演示数据）', keyring),
    severity: IncidentSeverity.MEDIUM, status: IncidentStatus.OPEN, departmentId: '420600-gaj', regionCode: '420600', resourceId: null,
    emergencyPlan: `${PLANS[1][1]}（第1版）`, emergencyPlanId: seededPlanId('420600', 'gaj'), reportedBy: 'seed',
    authorityNotifiedAt: null, closureSummary: null, closedBy: null, closedAt: null,
  });
}
