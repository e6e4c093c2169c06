// 待办 lists: a source returns its earliest-due `first` items and the counts of all; myTasks adds the counts up.
import { BadUserInputError } from './errors';
import { mergePendingTaskLists, pendingTaskFirst, pendingTaskList, type PendingTask } from './tasks';

const task = (id: string, type: string, due: string | null, overdue = false, provisional = false): PendingTask => ({
  type, id, stage: null, title: id, departmentId: '420600-gaj', regionCode: '420600',
  deadline: due ? { dueAt: new Date(due), workingDays: 5, provisional, overdue, calendarVersion: provisional ? 'statutory:2027' : 'official:2026#1' } : null,
});

test('first limits the items, the counts are of all, earliest due first and undated last', () => {
  const list = pendingTaskList([
    task('c', 'A', '2026-03-03T16:00:00Z'), task('n', 'B', null), task('a', 'A', '2026-03-01T16:00:00Z', true), task('b', 'B', '2026-03-02T16:00:00Z', false, true),
  ], 2);
  expect(list.items.map((t) => t.id)).toEqual(['a', 'b']);
  expect(list).toMatchObject({ total: 4, overdue: 1, provisional: 1, counts: [{ type: 'A', count: 2 }, { type: 'B', count: 2 }] });
});

test('merging keeps every source count and the earliest `first` across sources', () => {
  const one = pendingTaskList([task('a', 'A', '2026-03-05T16:00:00Z'), task('b', 'A', '2026-03-06T16:00:00Z')], 1);
  const two = pendingTaskList([task('c', 'C', '2026-03-01T16:00:00Z', true)], 1);
  const merged = mergePendingTaskLists([one, two], 2);
  expect(merged.items.map((t) => t.id)).toEqual(['c', 'a']);
  expect(merged).toMatchObject({ total: 3, overdue: 1, provisional: 0, counts: [{ type: 'A', count: 2 }, { type: 'C', count: 1 }] });
});

test('first out of range is a 4xx naming the field', () => {
  expect(() => pendingTaskFirst(0)).toThrow(BadUserInputError);
  expect(() => pendingTaskFirst(10_000)).toThrow(BadUserInputError);
  expect(pendingTaskFirst(undefined)).toBe(50);
});
