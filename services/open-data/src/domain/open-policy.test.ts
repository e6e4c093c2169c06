import { DEFAULT_GRADE_POLICY } from '@gov/masking';
import { openProjection, openTreatment } from './open-policy';
import { downloadFormats, downloadRefusal } from './download';
import { OpenDataFormat, OpenDatasetOpenType, OpenDatasetStatus } from '../entities/enums';

describe('de-identification for the open use (003 §23)', () => {
  test('a sensitive item is never clear; an insensitive one follows the policy', () => {
    expect(openTreatment(DEFAULT_GRADE_POLICY, 'LOW', 'LOW')).toBe('MASKED');
    expect(openTreatment(DEFAULT_GRADE_POLICY, 'LOW', 'NONE')).toBe('CLEAR');
    expect(openTreatment(DEFAULT_GRADE_POLICY, 'HIGH', 'HIGH')).toBe('WITHHELD');
  });

  test('security unreachable: the empty policy withholds everything (fail closed)', () => {
    expect(openProjection([], { id: 'r', sensitivityGrade: 'NONE', items: [{ name: '企业名称', sensitive: false }] }).columns).toEqual([]);
  });

  test('masked names, withheld columns dropped', () => {
    const p = openProjection(DEFAULT_GRADE_POLICY, {
      id: 'r', sensitivityGrade: 'MEDIUM',
      items: [{ name: '企业名称', sensitive: false, sensitivity: 'NONE' }, { name: '法定代表人', sensitive: true, sensitivity: 'LOW' }],
    });
    expect(p.columns).toEqual(['企业名称', '法定代表人']);
    const row = p.apply({ 企业名称: '襄阳汉江商贸有限公司', 法定代表人: '王小明' });
    expect(row.企业名称).toBe('襄阳汉江商贸有限公司');
    expect(row.法定代表人).not.toBe('王小明');
    expect(row.法定代表人).toMatch(/^王\*/);
  });
});

describe('what is bulk-downloadable (000 §20, 003 §17, 003 §22)', () => {
  const d = { status: OpenDatasetStatus.PUBLISHED, openType: OpenDatasetOpenType.UNCONDITIONAL, resourceId: 'r' };
  test('conditional data never; suspended data not while suspended', () => {
    expect(downloadRefusal(d)).toBeNull();
    expect(downloadRefusal({ ...d, openType: OpenDatasetOpenType.CONDITIONAL })?.message).toMatch(/003 §22/);
    expect(downloadRefusal({ ...d, status: OpenDatasetStatus.SUSPENDED })?.message).toMatch(/003 §17/);
  });
  test('JSON lines come with JSON', () => {
    expect(downloadFormats({ formats: [OpenDataFormat.CSV, OpenDataFormat.JSON] })).toEqual(['CSV', 'JSON', 'JSONL']);
  });
});
