import { parse, validate, type OperationDefinitionNode } from 'graphql';
import { Supergraph } from '@apollo/federation-internals';
import { BadUserInputError } from '@gov/kit';
import { readSupergraph } from './compose';
import { operationCost } from './cost';
import { shapeLimitRule } from './limits';

const schema = Supergraph.build(readSupergraph()).apiSchema().toGraphQLJSSchema();

function cost(query: string, variables: Record<string, unknown> = {}) {
  const doc = parse(query);
  return operationCost(schema, doc.definitions[0] as OperationDefinitionNode, doc, variables);
}
function refusal(fn: () => unknown): BadUserInputError {
  try { fn(); } catch (e) { return e as BadUserInputError; }
  throw new Error('not refused');
}

test('a wrong variable type is BAD_USER_INPUT with HTTP 400 naming the variable (not a 500)', () => {
  const e = refusal(() => cost('query Q($first: Int!) { dataResources(first: $first) { totalCount } }', { first: 'abc' }));
  expect(e.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first', http: { status: 400 } });
  const big = refusal(() => cost('query Q($first: Int!) { dataResources(first: $first) { totalCount } }', { first: 2 ** 40 }));
  expect(big.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
  const obj = refusal(() => cost('query Q($id: ID!) { dataResource(id: $id) { id } }', { id: { a: 1 } }));
  expect(obj.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
  const en = refusal(() => cost('query Q($f: SheetFormat!) { catalogTemplate(format: $f) { filename } }', { f: 'NOPE' }));
  expect(en.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'f' });
});

test('negative, zero or oversize first is refused before planning; a negative first never lowers the cost', () => {
  for (const first of [-5, 0, 201, 2 ** 31 - 1]) {
    const e = refusal(() => cost('query Q($first: Int!) { dataResources(first: $first) { totalCount } }', { first }));
    expect(e.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first', http: { status: 400 } });
  }
  expect(cost('query Q($first: Int!) { dataResources(first: $first) { totalCount } }', { first: 200 })).toBeGreaterThan(200);
});

test('unpaged lists count: 11 levels of region -> departments cost far beyond the limit', () => {
  let sel = 'name';
  for (let i = 0; i < 5; i++) sel = `region { departments { ${sel} } }`;
  expect(cost(`query Deep($id: ID!) { department(id: $id) { ${sel} } }`, { id: 'x' })).toBeGreaterThan(20000);
  expect(cost('{ regions { name departments { name } } }')).toBeGreaterThan(200 * 100);
  expect(cost('query D($first: Int!) { dataResources(first: $first) { edges { node { id name } } } }', { first: 20 })).toBeLessThan(200);
  // A full page of entries with their items (the spreadsheet export's list) stays well under the limit.
  expect(cost('query L { dataResources(first: 200) { totalCount edges { node { id code name usageModes items { name type length } } } } }')).toBeLessThan(10000);
});

test('shape limits name the operation, what was counted and the limit', () => {
  const rule = shapeLimitRule({ maxDepth: 3, maxAliases: 2, maxDirectives: 1 });
  const deep = validate(schema, parse('{ department(id: "x") { region { departments { region { name } } } } }'), [rule]);
  expect(deep.map((e) => e.message)).toEqual(['the anonymous operation is 5 levels deep; the limit is 3']);
  const named = validate(schema, parse('query Deep { department(id: "x") { region { departments { region { name } } } } }'), [rule]);
  expect(named[0].message).toBe('operation "Deep" is 5 levels deep; the limit is 3');
  const aliases = validate(schema, parse('{ a: me { username } b: me { username } c: me { username } }'), [rule]);
  expect(aliases.map((e) => e.message)).toEqual(['the document uses 3 aliases; the limit is 2']);
  const dirs = validate(schema, parse('query Q($t: Boolean!) { me @include(if: $t) { username @skip(if: $t) } }'), [rule]);
  expect(dirs.map((e) => e.message)).toEqual(['the document uses 2 directives; the limit is 1']);
  const frag = validate(schema, parse('query F { department(id: "x") { ...D } } fragment D on Department { region { departments { region { name } } } }'), [rule]);
  expect(frag[0].message).toBe('operation "F" is 5 levels deep; the limit is 3');
});
