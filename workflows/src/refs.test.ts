import * as workflows from './workflows';
import { refs } from './refs';

test('every workflow ref names a workflow of the worker bundle, and every workflow has a ref', () => {
  const names = Object.values(refs).map((r) => r.name).sort();
  expect(names).toEqual(Object.keys(workflows).sort());
  for (const n of names) expect(typeof (workflows as Record<string, unknown>)[n]).toBe('function');
});
