// totalCount is a LazyCount: the COUNT over the whole filter runs only when GraphQL awaits the field, and once.
import { LazyCount } from './pagination';

test('a LazyCount counts only when awaited, and only once', async () => {
  let runs = 0;
  const c = new LazyCount(async () => { runs += 1; return 42; });
  const copied = { ...{ totalCount: c } }; // a connection spread into a new object keeps it lazy
  expect(runs).toBe(0);
  expect(await copied.totalCount).toBe(42);
  expect(await c).toBe(42);
  expect(runs).toBe(1);
});

test('a failing count rejects where it is awaited', async () => {
  await expect(new LazyCount(async () => { throw new Error('db down'); })).rejects.toThrow('db down');
});
