import { BadUserInputError } from '@gov/kit';
import { OpenDatasetOpenMode, OpenDatasetOpenType } from '../entities/enums';
import { checkAgainstResource, checkOpenMode, type CatalogResource } from './rules';

function fieldOf(fn: () => unknown): string | null {
  try { fn(); } catch (e) {
    if (e instanceof BadUserInputError) return e.problems[0]?.field ?? '?';
    throw e;
  }
  return null;
}

const resource: CatalogResource = { id: 'r1', departmentId: '420600-scjg', regionCode: '420600', status: 'PUBLISHED', openType: 'UNCONDITIONAL' };

describe('open dataset rules', () => {
  test('conditional data is never a bulk download (003 §22)', () => {
    expect(fieldOf(() => checkOpenMode({ openType: OpenDatasetOpenType.CONDITIONAL, openMode: OpenDatasetOpenMode.DOWNLOAD }))).toBe('openMode');
    expect(fieldOf(() => checkOpenMode({ openType: OpenDatasetOpenType.CONDITIONAL, openMode: OpenDatasetOpenMode.API }))).toBeNull();
    expect(fieldOf(() => checkOpenMode({ openType: OpenDatasetOpenType.UNCONDITIONAL, openMode: OpenDatasetOpenMode.DOWNLOAD }))).toBeNull();
  });

  test('a dataset opens a published entry of its own department', () => {
    const input = { resourceId: 'r1', openType: OpenDatasetOpenType.UNCONDITIONAL };
    expect(fieldOf(() => checkAgainstResource(input, resource, '420600-scjg'))).toBeNull();
    expect(fieldOf(() => checkAgainstResource(input, null, '420600-scjg'))).toBe('resourceId');
    expect(fieldOf(() => checkAgainstResource(input, resource, '420600-wjw'))).toBe('resourceId');
    expect(fieldOf(() => checkAgainstResource(input, { ...resource, status: 'DRAFT' }, '420600-scjg'))).toBe('resourceId');
  });

  test('never more open than its catalog entry', () => {
    const input = { resourceId: 'r1', openType: OpenDatasetOpenType.UNCONDITIONAL };
    expect(fieldOf(() => checkAgainstResource(input, { ...resource, openType: 'NOT_OPEN' }, '420600-scjg'))).toBe('resourceId');
    expect(fieldOf(() => checkAgainstResource(input, { ...resource, openType: 'CONDITIONAL' }, '420600-scjg'))).toBe('openType');
    expect(fieldOf(() => checkAgainstResource({ ...input, openType: OpenDatasetOpenType.CONDITIONAL }, { ...resource, openType: 'CONDITIONAL' }, '420600-scjg'))).toBeNull();
  });

  test('a HIGH-grade entry is never opened unconditionally (003 §23)', () => {
    const input = { resourceId: 'r1', openType: OpenDatasetOpenType.UNCONDITIONAL };
    expect(fieldOf(() => checkAgainstResource(input, { ...resource, sensitivityGrade: 'HIGH' }, '420600-scjg'))).toBe('openType');
    expect(fieldOf(() => checkAgainstResource({ ...input, openType: OpenDatasetOpenType.CONDITIONAL }, { ...resource, sensitivityGrade: 'HIGH' }, '420600-scjg'))).toBeNull();
  });
});
