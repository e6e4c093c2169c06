import { parse, validate } from 'graphql';
import { apiSchema, rng, targets, variablesFor } from './generate';

const schema = apiSchema();

test('one valid operation per Query and Mutation root field of the supergraph', () => {
  const all = targets(schema);
  const roots = Object.keys(schema.getQueryType()!.getFields()).length + Object.keys(schema.getMutationType()!.getFields()).length;
  expect(all).toHaveLength(roots);
  for (const t of all) expect({ field: t.field, errors: validate(schema, parse(t.query)).map((e) => e.message) }).toEqual({ field: t.field, errors: [] });
});

test('the same seed gives the same variables (a finding replays)', () => {
  const t = targets(schema).find((x) => x.args.length > 0)!;
  expect(variablesFor(t, 'hostile', rng(7))).toEqual(variablesFor(t, 'hostile', rng(7)));
});
