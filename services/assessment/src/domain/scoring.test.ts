import { DEFAULT_INDICATORS } from './defaults';
import { normalise, scoreLevel } from './scoring';
import { isAvailableSource } from './collect';
import { IndicatorDirection, IndicatorSource, IndicatorUnit } from '../entities/enums';

const rate = { key: 'sharing.answeredOnTime', name: '按期', definition: '', unit: IndicatorUnit.RATE, direction: IndicatorDirection.HIGHER_BETTER, weight: 0.6, source: IndicatorSource.SHARING };
const count = { key: 'sharing.escalations', name: '督办', definition: '', unit: IndicatorUnit.COUNT, direction: IndicatorDirection.LOWER_BETTER, weight: 0.2, source: IndicatorSource.SHARING };
const missing = { key: 'quality.fixedInTime', name: '整改', definition: '', unit: IndicatorUnit.RATE, direction: IndicatorDirection.HIGHER_BETTER, weight: 0.2, source: IndicatorSource.QUALITY };
const f = (value: number | null) => ({ value, numerator: null, denominator: null, evidence: [] });

describe('scoring', () => {
  test('the default weights sum to 1 and every key is unique', () => {
    expect(DEFAULT_INDICATORS.reduce((s, d) => s + d.weight, 0)).toBeCloseTo(1, 10);
    expect(new Set(DEFAULT_INDICATORS.map((d) => d.key)).size).toBe(DEFAULT_INDICATORS.length);
  });

  test('a rate is kept (inverted when lower is better), nothing to count is full marks, a count is min-max over the level', () => {
    expect(normalise(rate, 0.75, [])).toBe(0.75);
    expect(normalise({ ...rate, direction: IndicatorDirection.LOWER_BETTER }, 0.25, [])).toBe(0.75);
    expect(normalise(rate, null, [])).toBe(1);
    expect(normalise(count, 0, [0, 2, 4])).toBe(1);
    expect(normalise(count, 4, [0, 2, 4])).toBe(0);
    expect(normalise(count, 2, [2, 2])).toBe(1);
  });

  test('an unavailable source gives its weight to the others; totals and competition ranks follow', () => {
    const out = scoreLevel([rate, count, missing], [
      { departmentId: 'a', departmentName: 'A', facts: { [rate.key]: f(1), [count.key]: f(0) } },
      { departmentId: 'b', departmentName: 'B', facts: { [rate.key]: f(0.5), [count.key]: f(2) } },
      { departmentId: 'c', departmentName: 'C', facts: { [rate.key]: f(1), [count.key]: f(0) } },
    ]);
    expect(out.map((x) => [x.departmentId, x.total, x.rank])).toEqual([['a', 100, 1], ['c', 100, 1], ['b', 37.5, 3]]);
    const b = out[2].scores;
    expect(b.find((s) => s.key === rate.key)).toMatchObject({ weight: 0.75, normalised: 0.5, score: 37.5 });
    expect(b.find((s) => s.key === missing.key)).toMatchObject({ available: false, weight: 0, score: 0 });
  });
});

describe('default set', () => {
  test('weights sum to 1, every indicator states its basis and every source has a facts query', () => {
    expect(DEFAULT_INDICATORS.reduce((sum, d) => sum + d.weight, 0)).toBeCloseTo(1, 9);
    expect(DEFAULT_INDICATORS.every((d) => d.basis.length > 0 && isAvailableSource(d.source))).toBe(true);
    expect(new Set(DEFAULT_INDICATORS.map((d) => d.key)).size).toBe(DEFAULT_INDICATORS.length);
  });
});
