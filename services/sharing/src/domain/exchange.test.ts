import { idCheckChar, legalPersonRow, populationRow, usccCheckChar } from './demo';
import { keyItemOf } from './resource';
import { rowValidator } from './validate';

const items = [
  { name: '姓名', type: 'STRING', length: 50, sensitive: true },
  { name: '公民身份号码', type: 'STRING', length: 18, sensitive: true },
  { name: '出生日期', type: 'DATE', length: null, sensitive: false },
  { name: '人数', type: 'INTEGER', length: null, sensitive: false },
];

describe('exchange upload validation (001 §16: records match the catalog data items)', () => {
  test('the key of a population resource is the ID number', () => {
    expect(keyItemOf({ items })).toBe('公民身份号码');
    expect(keyItemOf({ items: [{ name: '宗地编号', type: 'STRING', length: 32, sensitive: false }] })).toBe('宗地编号');
  });

  test('unknown columns and a missing key column are header problems (row 0)', () => {
    const v = rowValidator(items, '公民身份号码');
    expect(v.header(['姓名', '血型'])).toEqual([
      { row: 0, field: '血型', reason: 'not a data item of this resource' },
      { row: 0, field: '公民身份号码', reason: 'the key item is missing' },
    ]);
  });

  test('each bad field is reported with its row and reason', () => {
    const v = rowValidator(items, '公民身份号码', { 公民身份号码: (s) => s.endsWith(idCheckChar(s.slice(0, 17))) });
    expect(v.row(1, { 姓名: '张三', 公民身份号码: '11010519491231002X', 出生日期: '1949-12-31', 人数: '3' }).problems).toEqual([]);
    const bad = v.row(2, { 姓名: 'x'.repeat(51), 公民身份号码: '110105194912310021', 出生日期: '1949-02-30', 人数: '3.5' }).problems;
    expect(bad).toEqual(expect.arrayContaining([
      { row: 2, field: '姓名', reason: 'longer than 50 characters' },
      { row: 2, field: '公民身份号码', reason: 'fails its check digit' },
      { row: 2, field: '出生日期', reason: 'not a date YYYY-MM-DD' },
      { row: 2, field: '人数', reason: 'not an integer' },
    ]));
  });

  test('an empty or repeated key is refused', () => {
    const v = rowValidator(items, '公民身份号码');
    expect(v.row(1, { 姓名: '张三' }).problems).toEqual([{ row: 1, field: '公民身份号码', reason: 'the key item is empty' }]);
    expect(v.row(2, { 公民身份号码: '11010519491231002X' }).problems).toEqual([]);
    expect(v.row(3, { 公民身份号码: '11010519491231002X' }).problems[0].reason).toMatch(/duplicate key/);
  });
});

describe('deterministic demo records', () => {
  test('GB 11643 / GB 32100 check characters of published examples', () => {
    expect(idCheckChar('11010519491231002')).toBe('X');
    expect(usccCheckChar('91350100M000100Y4')).toBe('3');
  });

  test('the same index gives the same row; ID numbers and credit codes carry valid check characters and are unique', () => {
    expect(populationRow(42)).toEqual(populationRow(42));
    const ids = new Set<string>();
    const codes = new Set<string>();
    for (let i = 0; i < 5000; i++) {
      const p = populationRow(i);
      expect(p.公民身份号码.slice(17)).toBe(idCheckChar(p.公民身份号码.slice(0, 17)));
      expect(p.联系电话).toMatch(/^1[3-9]\d{9}$/);
      ids.add(p.公民身份号码);
      const l = legalPersonRow(i);
      expect(l.统一社会信用代码.slice(17)).toBe(usccCheckChar(l.统一社会信用代码.slice(0, 17)));
      codes.add(l.统一社会信用代码);
    }
    expect(ids.size).toBe(5000);
    expect(codes.size).toBe(5000);
  });
});
