import { idNumberCheckChar } from '@gov/masking';
import { defaultRules, evaluator, ruleProblem, scores, type EvalContext, type RuleSpec } from './checks';

const id = (first17: string) => first17 + idNumberCheckChar(first17);
const ctx = (over: Partial<EvalContext> = {}): EvalContext => ({ lookups: new Map(), lastLoadedAt: new Date('2026-11-30T00:00:00Z'), now: new Date('2026-11-30T12:00:00Z'), ...over });

function run(rules: RuleSpec[], rows: Array<Record<string, string | null>>, c = ctx()) {
  const ev = evaluator(rules, c);
  rows.forEach((f, i) => ev.add(`r${i}`, f));
  return ev.finish();
}

describe('000 §14 quality rules, one dimension each', () => {
  const good = id('42060219900101001');
  test('completeness: every named item present and non-empty', () => {
    const [o] = run([{ code: 'required', check: 'REQUIRED', items: ['姓名', '公民身份号码'], params: {} }],
      [{ 姓名: '张三', 公民身份号码: good }, { 姓名: ' ', 公民身份号码: good }, { 姓名: '李四', 公民身份号码: null }]);
    expect(o).toMatchObject({ checked: 3, failed: 2, failingRecordIds: ['r1', 'r2'] });
  });

  test('validity: GB 11643 check digit (via @gov/masking), code list, pattern, range, type; empty values are skipped', () => {
    const bad = good.slice(0, 17) + (good[17] === '1' ? '2' : '1');
    const outs = run([
      { code: 'id', check: 'ID_NUMBER', items: ['公民身份号码'], params: {} },
      { code: 'sex', check: 'CODE_LIST', items: ['性别'], params: { values: ['男', '女'] } },
      { code: 'phone', check: 'PATTERN', items: ['电话'], params: { pattern: '1[3-9]\\d{9}' } },
      { code: 'age', check: 'RANGE', items: ['年龄'], params: { min: 0, max: 150 } },
      { code: 'day', check: 'TYPE', items: ['日期'], params: { type: 'DATE' } },
    ], [
      { 公民身份号码: good, 性别: '男', 电话: '13800000000', 年龄: '30', 日期: '2020-02-29' },
      { 公民身份号码: bad, 性别: '未知', 电话: '1380000', 年龄: '200', 日期: '2021-02-29' },
      { 公民身份号码: '', 性别: '', 电话: '', 年龄: '', 日期: '' },
    ]);
    expect(outs.map((o) => o.failed)).toEqual([1, 1, 1, 1, 1]);
    expect(outs.map((o) => o.checked)).toEqual([3, 3, 3, 3, 3]);
  });

  test('uniqueness: one item or a compound key; the first occurrence passes', () => {
    const [single, compound] = run([
      { code: 'u1', check: 'UNIQUE', items: ['户号'], params: {} },
      { code: 'u2', check: 'UNIQUE', items: ['户号', '姓名'], params: {} },
    ], [{ 户号: 'H1', 姓名: 'a' }, { 户号: 'H1', 姓名: 'b' }, { 户号: 'H1', 姓名: 'a' }, { 户号: 'H2', 姓名: 'a' }]);
    expect(single).toMatchObject({ failed: 2, failingRecordIds: ['r1', 'r2'] });
    expect(compound).toMatchObject({ failed: 1, failingRecordIds: ['r2'] });
  });

  test('consistency: the birth date inside the ID number; a value that must exist in another resource', () => {
    const lookups = new Map([['pop/公民身份号码', new Set([good])]]);
    const [birth, exists] = run([
      { code: 'b', check: 'ID_BIRTH_DATE', items: ['公民身份号码', '出生日期'], params: {} },
      { code: 'e', check: 'EXISTS_IN', items: ['法人身份号码'], params: { otherResourceId: 'pop', otherItem: '公民身份号码' } },
    ], [
      { 公民身份号码: good, 出生日期: '1990-01-01', 法人身份号码: good },
      { 公民身份号码: good, 出生日期: '1990-01-02', 法人身份号码: id('42060219800101001') },
    ], ctx({ lookups }));
    expect(birth.failed).toBe(1);
    expect(exists.failed).toBe(1);
  });

  test('timeliness: the last load against the declared update cycle (one check per run)', () => {
    const rule: RuleSpec = { code: 'f', check: 'FRESHNESS', items: [], params: { updateCycle: 'DAILY' } };
    expect(run([rule], [{}])[0]).toMatchObject({ checked: 1, failed: 0 });
    expect(run([rule], [{}], ctx({ lastLoadedAt: new Date('2026-11-20T00:00:00Z') }))[0]).toMatchObject({ checked: 1, failed: 1 });
    expect(run([rule], [], ctx({ lastLoadedAt: null }))[0]).toMatchObject({ failed: 1 });
  });
});

test('a default rule set follows from the catalog items, so a new resource is inspected without anyone writing rules', () => {
  const rules = defaultRules([{ name: '公民身份号码', type: 'STRING', length: 18 }, { name: '出生日期', type: 'DATE', length: null }], 'MONTHLY');
  expect(rules.map((r) => r.code)).toEqual(['required', 'length:公民身份号码', 'id-number:公民身份号码', 'type:出生日期', 'unique:公民身份号码', 'id-birth-date', 'freshness']);
  expect(rules.every((r) => ruleProblem(r) === null)).toBe(true);
});

test('scores: share passed per dimension, overall = mean of the dimensions checked', () => {
  const rules: RuleSpec[] = [{ code: 'r', check: 'REQUIRED', items: ['a'], params: {} }, { code: 'u', check: 'UNIQUE', items: ['a'], params: {} }];
  const s = scores(rules, [{ code: 'r', checked: 4, failed: 1, failingRecordIds: [] }, { code: 'u', checked: 4, failed: 0, failingRecordIds: [] }]);
  expect(s).toMatchObject({ COMPLETENESS: 75, UNIQUENESS: 100, VALIDITY: null, OVERALL: 87.5 });
});

test('bad rule parameters are named', () => {
  expect(ruleProblem({ code: 'p', check: 'PATTERN', items: ['a'], params: { pattern: '(' } })?.field).toBe('pattern');
  expect(ruleProblem({ code: 'c', check: 'CODE_LIST', items: ['a'], params: {} })?.field).toBe('values');
  expect(ruleProblem({ code: 'b', check: 'ID_BIRTH_DATE', items: ['a'], params: {} })?.field).toBe('items');
});
