import { GraphQLError } from 'graphql';
import { QueryFailedError } from 'typeorm';
import { makeFormatError } from './http';
import { createLogger } from './logger';
import { unavailableDependency } from './unavailable';

const lost = () => Object.assign(new Error('Connection lost: The server closed the connection.'), { fatal: true, code: 'PROTOCOL_CONNECTION_LOST' });
const grpc = (code: number) => Object.assign(new Error(`${code} UNAVAILABLE: No connection established`), { code, details: 'x', metadata: {} });

test('mysql2 connection errors (also inside TypeORM QueryFailedError) mean the database is unavailable', () => {
  expect(unavailableDependency(lost())).toBe('database');
  expect(unavailableDependency(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED', fatal: true }))).toBe('database');
  expect(unavailableDependency(new QueryFailedError('SELECT 1', [], lost()))).toBe('database');
  expect(unavailableDependency(Object.assign(new Error('Too many connections'), { code: 'ER_CON_COUNT_ERROR' }))).toBe('database');
});

test('gRPC UNAVAILABLE / DEADLINE_EXCEEDED from the Temporal client (bare or as the cause) mean Temporal is unavailable', () => {
  expect(unavailableDependency(grpc(14))).toBe('temporal');
  expect(unavailableDependency(new Error('Failed to start Workflow', { cause: grpc(4) }))).toBe('temporal');
});

test('bugs, SQL errors and a subgraph fetch refused are not a dependency down', () => {
  expect(unavailableDependency(new QueryFailedError('SELECT x', [], Object.assign(new Error('ER_BAD_FIELD_ERROR'), { code: 'ER_BAD_FIELD_ERROR' })))).toBeNull();
  expect(unavailableDependency(new TypeError('fetch failed', { cause: Object.assign(new Error('refused'), { code: 'ECONNREFUSED' }) }))).toBeNull();
  expect(unavailableDependency(grpc(5))).toBeNull(); // NOT_FOUND is an answer, not an outage
  expect(unavailableDependency(null)).toBeNull();
});

test('formatError answers SERVICE_UNAVAILABLE naming the service and the dependency, without the driver message', () => {
  const format = makeFormatError(createLogger('test'), 'sharing');
  const err = new GraphQLError('Connection lost', { originalError: new QueryFailedError('INSERT', [], lost()) });
  const out = format({ message: err.message, path: ['createShareApplication'], extensions: { code: 'INTERNAL_SERVER_ERROR' } }, err);
  expect(out.extensions).toEqual({ code: 'SERVICE_UNAVAILABLE', service: 'sharing', dependency: 'database' });
  expect(out.message).toMatch(/sharing service cannot reach its database/);
  expect(JSON.stringify(out)).not.toMatch(/Connection lost|INSERT/);
});
