import { GraphQLError } from 'graphql';
import { fieldProblems, namePath } from './errors';

test('a BAD_USER_INPUT names its fields: each becomes the form path of its field', () => {
  const error = { graphQLErrors: [
    new GraphQLError('code: bad; items.0.name: bad', { extensions: { code: 'BAD_USER_INPUT', field: 'code', problems: [{ field: 'code', reason: 'r1' }, { field: 'items.0.name', reason: 'r2' }] } }),
    new GraphQLError('alternative', { extensions: { code: 'BAD_USER_INPUT', field: 'input.alternative' } }),
    new GraphQLError('no', { extensions: { code: 'FORBIDDEN' } }),
  ] };
  expect(fieldProblems(error)).toEqual([{ field: 'code', reason: 'r1' }, { field: 'items.0.name', reason: 'r2' }, { field: 'input.alternative', reason: 'alternative' }]);
  expect(namePath('items.0.name')).toEqual(['items', 0, 'name']);
  expect(namePath('input.alternative')).toEqual(['alternative']);
  expect(namePath('file.contentBase64')).toEqual(['file', 'contentBase64']);
});
