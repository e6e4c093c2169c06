import { parse, validate } from 'graphql';
import { getVariableValues } from 'graphql/execution/values';
import { renderMatrix, readDocument } from './document';
import { expected, MATRIX } from './matrix';
import { rootOperations, supergraphSchema } from './operations';

const schema = supergraphSchema();
const ops = rootOperations(schema);

test('every query and mutation of the supergraph has an authorization matrix entry', () => {
  const missing = ops.map((o) => o.key).filter((k) => !MATRIX[k]);
  expect(missing).toEqual([]);
});

test('every matrix entry names an operation that exists in the supergraph', () => {
  const known = new Set(ops.map((o) => o.key));
  expect(Object.keys(MATRIX).filter((k) => !known.has(k))).toEqual([]);
});

test.each(ops.map((o) => [o.key, o] as const))('%s: the generated call is valid against the supergraph', (_key, op) => {
  const doc = parse(op.document);
  expect(validate(schema, doc)).toEqual([]);
  const definition = doc.definitions[0];
  if (definition.kind !== 'OperationDefinition') throw new Error('not an operation');
  const coerced = getVariableValues(schema, definition.variableDefinitions ?? [], { ...op.variables, ...MATRIX[op.key]?.vars });
  expect(coerced.errors ?? []).toEqual([]);
});

test('docs/authorization-matrix.md is generated from the current matrix (run `node gateway/dist/authz/document.js` when this fails)', () => {
  expect(readDocument()).toBe(renderMatrix(ops));
});

describe('scope semantics', () => {
  const review = MATRIX['Mutation.reviewDataResource'];
  const read = MATRIX['Query.dataResource'];
  const write = MATRIX['Mutation.updateDataResource'];
  test('000 §17: a city authority covers its counties, a county authority does not cover the city', () => {
    expect(expected(review, 'authority', 'city', 'other-level')).toBe(true);
    expect(expected(review, 'authority', 'county', 'other-level')).toBe(false);
  });
  test('an assessor reads within its region but never writes; a dept-user reads only its own department', () => {
    expect(expected(read, 'assessor', 'city', 'other-dept')).toBe(true);
    expect(expected(read, 'dept-user', 'city', 'other-dept')).toBe(false);
    expect(expected(read, 'dept-user', 'county', 'own-dept')).toBe(true);
    expect(expected(write, 'assessor', 'city', 'own-dept')).toBe(false);
  });
  test('000 §9: only the owning department edits its catalog draft, not even the authority', () => {
    expect(expected(write, 'dept-admin', 'city', 'own-dept')).toBe(true);
    expect(expected(write, 'dept-admin', 'city', 'other-dept')).toBe(false);
    expect(expected(write, 'authority', 'city', 'own-dept')).toBe(false);
  });
});
