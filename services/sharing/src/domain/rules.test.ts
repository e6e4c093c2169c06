import { BadUserInputError, ConflictError } from '@gov/kit';
import { checkAgainstResource, checkClearText, checkPeriod, isCalendarDay, type CatalogResource } from './rules';

const resource: CatalogResource = {
  id: 'r1', departmentId: '420600-gaj', regionCode: '420600', status: 'PUBLISHED', shareType: 'CONDITIONAL',
  items: [{ name: '姓名' }, { name: '公民身份号码' }],
};

function problemOf(fn: () => unknown): { code: string; field?: string } {
  try { fn(); } catch (e) {
    if (e instanceof BadUserInputError) return { code: e.code, field: e.problems[0]?.field };
    if (e instanceof ConflictError) return { code: e.code };
    throw e;
  }
  return { code: 'NONE' };
}

describe('share application period', () => {
  test('a period must end after it starts', () => {
    expect(problemOf(() => checkPeriod({ periodFrom: '2026-01-01', periodTo: '2026-12-31' }))).toEqual({ code: 'NONE' });
    expect(problemOf(() => checkPeriod({ periodFrom: '2026-01-01', periodTo: '2026-01-01' }))).toEqual({ code: 'BAD_USER_INPUT', field: 'periodTo' });
    expect(problemOf(() => checkPeriod({ periodFrom: '2026-03-01', periodTo: '2026-02-01' }))).toEqual({ code: 'BAD_USER_INPUT', field: 'periodTo' });
  });

  test('days that do not exist are refused, naming the field', () => {
    expect(isCalendarDay('2028-02-29')).toBe(true);
    expect(isCalendarDay('2026-02-29')).toBe(false);
    expect(problemOf(() => checkPeriod({ periodFrom: '2026-02-30', periodTo: '2026-12-31' }))).toEqual({ code: 'BAD_USER_INPUT', field: 'periodFrom' });
  });
});

describe('share application against its catalog entry', () => {
  const input = { resourceId: 'r1', requestedItems: ['姓名'] };

  test('a published, shareable entry with known items is accepted', () => {
    expect(checkAgainstResource(input, resource, '420600-wjw')).toBe(resource);
  });

  test('an entry the catalog does not show, or an unpublished one, is bad input on resourceId', () => {
    expect(problemOf(() => checkAgainstResource(input, null, '420600-wjw'))).toEqual({ code: 'BAD_USER_INPUT', field: 'resourceId' });
    expect(problemOf(() => checkAgainstResource(input, { ...resource, status: 'DRAFT' }, '420600-wjw'))).toEqual({ code: 'BAD_USER_INPUT', field: 'resourceId' });
  });

  test('NOT_SHARED needs a reclassification request first (001 §21)', () => {
    expect(problemOf(() => checkAgainstResource(input, { ...resource, shareType: 'NOT_SHARED' }, '420600-wjw'))).toEqual({ code: 'CONFLICT' });
  });

  test('000 §16: an UNCONDITIONAL resource is subscribed to, not applied for', () => {
    expect(problemOf(() => checkAgainstResource(input, { ...resource, shareType: 'UNCONDITIONAL' }, '420600-wjw'))).toEqual({ code: 'BAD_USER_INPUT', field: 'resourceId' });
  });

  test('requested items must be items of the entry', () => {
    expect(problemOf(() => checkAgainstResource({ ...input, requestedItems: ['姓名', '血型'] }, resource, '420600-wjw')))
      .toEqual({ code: 'BAD_USER_INPUT', field: 'requestedItems' });
  });

  test('a department does not apply for its own data', () => {
    expect(problemOf(() => checkAgainstResource(input, resource, '420600-gaj'))).toEqual({ code: 'BAD_USER_INPUT', field: 'resourceId' });
  });
});

test('000 §18: clear text of masked items is asked for with a reason', () => {
  expect(problemOf(() => checkClearText({ clearText: true, clearTextReason: '  ' }))).toEqual({ code: 'BAD_USER_INPUT', field: 'clearTextReason' });
  expect(problemOf(() => checkClearText({ clearText: true, clearTextReason: '户籍迁移需核对完整身份号码' }))).toEqual({ code: 'NONE' });
  expect(problemOf(() => checkClearText({ clearText: false }))).toEqual({ code: 'NONE' });
});
