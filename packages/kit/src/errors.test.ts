import { GraphQLError } from 'graphql';
import { BadUserInputError, ForbiddenError, NotFoundError } from './errors';
import { makeFormatError } from './http';
import { createLogger } from './logger';

const format = makeFormatError(createLogger('test'));

test('BAD_USER_INPUT names every field at fault', () => {
  const e = new BadUserInputError([{ field: 'notSharedBasis', reason: 'required' }, { field: 'items.0.name', reason: 'empty' }]);
  expect(e.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'notSharedBasis' });
  expect(e.message).toBe('notSharedBasis: required; items.0.name: empty');
});

test('domain errors pass through without stack traces or http internals', () => {
  const err = new ForbiddenError('no');
  const out = format({ message: 'no', extensions: { code: 'FORBIDDEN', stacktrace: ['x'], http: { status: 200 } } }, err);
  expect(out).toEqual({ message: 'no', extensions: { code: 'FORBIDDEN' } });
  expect(format({ message: 'm', extensions: { code: 'NOT_FOUND' } }, new NotFoundError('X', '1')).extensions?.code).toBe('NOT_FOUND');
});

test('anything else (e.g. SQL errors) becomes INTERNAL_SERVER_ERROR without leaking its message', () => {
  const sql = new GraphQLError("ER_NO_SUCH_TABLE: Table 'gov_catalog.x' doesn't exist", { originalError: new Error('sql') });
  const out = format({ message: sql.message, extensions: { code: 'INTERNAL_SERVER_ERROR' } }, sql);
  expect(out.message).toBe('internal error');
  expect(JSON.stringify(out)).not.toMatch(/ER_NO_SUCH_TABLE/);
});
