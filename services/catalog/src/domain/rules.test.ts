import type { User } from '@gov/kit';
import type { DataResource } from '../entities/data-resource';
import type { Demand } from '../entities/demand';
import {
  ChangeBasis, DataFormat, DemandStatus, EscalationLevel, ItemType, OpenType, ProvisionMode, ResourceCategory, SensitivityGrade, ShareType, UpdateCycle,
  UsageMode,
} from '../entities/enums';
import { changeProblems } from './changes';
import { sideOf } from './demands';
import { catalogProblems, itemSensitivity, type EntryInput } from './rules';

const entry: EntryInput = {
  code: 'GAJ-001', name: '户籍人口', category: ResourceCategory.BASE, format: DataFormat.TABLE, updateCycle: UpdateCycle.DAILY,
  shareType: ShareType.CONDITIONAL, shareCondition: '仅用于政务服务', openType: OpenType.NOT_OPEN, notOpenReason: '个人信息',
  sensitivityGrade: SensitivityGrade.MEDIUM, provisionMode: ProvisionMode.DISTRIBUTION_API, usageModes: [UsageMode.QUERY],
  items: [{ name: '姓名', type: ItemType.STRING, length: 50, sensitive: true }, { name: '出生日期', type: ItemType.DATE, sensitive: false }],
};
const fields = (ps: Array<{ field: string }>) => ps.map((p) => p.field);

describe('catalog entry rules (000 §8-9)', () => {
  test('a complete entry has no problem; an item flagged sensitive carries the resource grade', () => {
    expect(catalogProblems(entry)).toEqual([]);
    expect(itemSensitivity(entry.items[0], entry.sensitivityGrade)).toBe(SensitivityGrade.MEDIUM);
    expect(itemSensitivity(entry.items[1], entry.sensitivityGrade)).toBe(SensitivityGrade.NONE);
  });

  test('each missing reason is named by its field', () => {
    const bad: EntryInput = { ...entry, sensitivityGrade: null, shareType: ShareType.NOT_SHARED, shareCondition: null, notSharedBasis: ' ' };
    expect(fields(catalogProblems(bad))).toEqual(['sensitivityGrade', 'notSharedBasis']);
  });

  test('a change request keeps the code, has no future effective date, and reports entry problems under entry.*', () => {
    const published = { code: 'GAJ-001' } as DataResource;
    expect(changeProblems(published, { basis: ChangeBasis.LAW_REVISED, reason: 'r', entry }, '2026-11-30')).toEqual([]);
    const problems = changeProblems(published, {
      basis: ChangeBasis.LAW_REVISED, reason: 'r', effectiveDate: '2026-12-01', entry: { ...entry, code: 'OTHER', theme: null, category: ResourceCategory.THEME },
    }, '2026-11-30');
    expect(fields(problems)).toEqual(['entry.theme', 'entry.code', 'effectiveDate']);
  });
});

describe('who is party to a demand (000 §17)', () => {
  const user = (roles: User['roles'], department: string | null, region: string | null): User =>
    ({ sub: 's', username: 'u', roles, department, region, isService: false, token: 't' });
  const d = {
    requesterDepartmentId: '420683-wjw', requesterRegionCode: '420683', holderDepartmentId: '420600-gaj', holderRegionCode: '420600',
    status: DemandStatus.OPEN, escalationLevel: EscalationLevel.NONE,
  } as Demand;

  test('the two departments, the authority over the holder, oversight of either region; nobody else', () => {
    expect(sideOf(user(['dept-user'], '420683-wjw', '420683'), d)).toBe('REQUESTER');
    expect(sideOf(user(['dept-admin'], '420600-gaj', '420600'), d)).toBe('HOLDER');
    expect(sideOf(user(['authority'], '420600-zwfw', '420600'), d)).toBe('AUTHORITY');
    expect(sideOf(user(['authority'], '420683-zwfw', '420683'), d)).toBe('OVERSIGHT');
    expect(sideOf(user(['dept-admin'], '420600-mzj', '420600'), d)).toBeNull();
  });
});
