import { indexTokens, queryTokens } from './search';

describe('Chinese search tokens (MariaDB has no ngram parser: 002 §2(1) search over names, descriptions, items)', () => {
  test('a CJK run is indexed as unigrams and bigrams; Latin words as lower-case words', () => {
    expect([...indexTokens('人口基础信息 POP-Base')].sort()).toEqual(
      ['人', '口', '基', '础', '信', '息', '人口', '口基', '基础', '础信', '信息', 'pop', 'base'].sort(),
    );
  });
  test('a query term of 2+ CJK characters needs all its bigrams; one character needs its unigram; terms are ANDed', () => {
    expect(queryTokens('人口')).toEqual(['人口']);
    expect(queryTokens('企业 登记')).toEqual(['企业', '登记']);
    expect(queryTokens('人口基础')).toEqual(['人口', '口基', '基础']);
    expect(queryTokens('户')).toEqual(['户']);
    expect(queryTokens('  ')).toEqual([]);
  });
  test('every query token of a contained phrase is in the index of the text that contains it', () => {
    const idx = indexTokens('襄阳市人口基础信息（演示数据）');
    for (const q of ['人口', '基础信息', '襄阳 人口', '演示']) expect(queryTokens(q).every((t) => idx.has(t))).toBe(true);
    expect(queryTokens('法人').every((t) => idx.has(t))).toBe(false);
  });
});
