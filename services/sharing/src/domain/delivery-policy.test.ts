import { DEFAULT_GRADE_POLICY } from '@gov/masking';
import { exchangeCipher } from './protect';
import { gradePolicy, itemSensitivity, maskKindOf } from './delivery-policy';

const cipher = exchangeCipher(undefined, 'unit-test-secret');
const policy = gradePolicy(async () => DEFAULT_GRADE_POLICY, cipher);
const item = (name: string, sensitive: boolean) => ({ name, type: 'STRING', length: null, sensitive });

describe('delivery through the grade policy (000 §23-25)', () => {
  test('masks by item kind: ID number keeps region and tail, names keep the surname', () => {
    expect(maskKindOf('公民身份号码')).toBe('ID_NUMBER');
    expect(maskKindOf('法定代表人')).toBe('NAME');
    expect(policy.mask(item('公民身份号码', true), '420602199001011234')).toBe('420602********1234');
    expect(policy.mask(item('联系电话', true), '13812345678')).toBe('138****5678');
  });

  test('a sensitive item carries its resource grade; QUERY masks it, a clear-text grant lifts the mask, PUSH of a HIGH item withholds it', async () => {
    expect(itemSensitivity({ sensitivityGrade: 'MEDIUM' }, { sensitive: true })).toBe('MEDIUM');
    expect(itemSensitivity({ sensitivityGrade: 'HIGH' }, { sensitive: false })).toBe('NONE');
    const items = [item('公民身份号码', true), item('户号', false)];
    const medium = await policy.treatments({ id: 'r', departmentId: 'd', regionCode: '420600', status: 'PUBLISHED', shareType: 'CONDITIONAL', sensitivityGrade: 'MEDIUM', items }, items, 'QUERY', false);
    expect(Object.fromEntries(medium)).toEqual({ 公民身份号码: 'MASKED', 户号: 'CLEAR' });
    const cleared = await policy.treatments({ id: 'r', departmentId: 'd', regionCode: '420600', status: 'PUBLISHED', shareType: 'CONDITIONAL', sensitivityGrade: 'MEDIUM', items }, items, 'QUERY', true);
    expect(cleared.get('公民身份号码')).toBe('CLEAR'); // a grant with clear text lifts MASKED
    const high = await policy.treatments({ id: 'r', departmentId: 'd', regionCode: '420600', status: 'PUBLISHED', shareType: 'CONDITIONAL', sensitivityGrade: 'HIGH', items }, items, 'QUERY', false);
    expect(high.get('公民身份号码')).toBe('MASKED');
    const pushed = await policy.treatments({ id: 'r', departmentId: 'd', regionCode: '420600', status: 'PUBLISHED', shareType: 'CONDITIONAL', sensitivityGrade: 'HIGH', items }, items, 'PUSH', true);
    expect(pushed.get('公民身份号码')).toBe('WITHHELD'); // ...never WITHHELD
  });

  test('no policy reachable: everything is withheld (fail closed)', async () => {
    const closed = gradePolicy(async () => [], cipher);
    const items = [item('户号', false)];
    const t = await closed.treatments({ id: 'r', departmentId: 'd', regionCode: '420600', status: 'PUBLISHED', shareType: 'CONDITIONAL', sensitivityGrade: 'LOW', items }, items, 'QUERY', false);
    expect(t.get('户号')).toBe('WITHHELD');
  });

  test('HIGH-sensitivity values are stored as SM4 envelopes and read back; record keys are HMAC-SM3 digests', () => {
    const resource = { sensitivityGrade: 'HIGH' as const, items: [item('姓名', true), item('户号', false)] };
    const stored = cipher.protect(resource, { 姓名: '张三', 户号: 'H1' });
    expect(stored.姓名).toMatch(/^sm4:/);
    expect(stored.户号).toBe('H1');
    expect(cipher.reveal(stored.姓名)).toBe('张三');
    expect(cipher.storedKey('r', '11010519491231002X')).toMatch(/^[0-9a-f]{64}$/);
    expect(cipher.storedKey('r', '11010519491231002X')).not.toBe(cipher.storedKey('r2', '11010519491231002X'));
  });

  test('000 §24 (issue 13 item 7): MEDIUM items are encrypted at rest too, whatever the resource grade; LOW and NONE stay clear', () => {
    const graded = (name: string, sensitivity: 'NONE' | 'LOW' | 'MEDIUM') => ({ ...item(name, sensitivity !== 'NONE'), sensitivity });
    const medium = { sensitivityGrade: 'MEDIUM' as const, items: [graded('姓名', 'MEDIUM'), graded('学校', 'LOW'), graded('户号', 'NONE')] };
    const stored = cipher.protect(medium, { 姓名: '张三', 学校: '襄阳四中', 户号: 'H1' });
    expect(stored.姓名).toMatch(/^sm4:/);
    expect(cipher.reveal(stored.姓名)).toBe('张三');
    expect(stored.学校).toBe('襄阳四中');
    expect(stored.户号).toBe('H1');
    // an older catalog answer without item grades: a sensitive item of a MEDIUM resource is MEDIUM
    expect(cipher.protect({ sensitivityGrade: 'MEDIUM', items: [item('姓名', true)] }, { 姓名: '李四' }).姓名).toMatch(/^sm4:/);
    expect(cipher.protect({ sensitivityGrade: 'LOW', items: [item('姓名', true)] }, { 姓名: '李四' }).姓名).toBe('李四');
  });
});
