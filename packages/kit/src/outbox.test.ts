// The outbox's own rules, on an in-memory stand-in for its table (the real MariaDB path is in the integration tests).
import type { DataSource, EntityManager } from 'typeorm';
import { AuditUnavailableError } from './errors';
import { createLogger } from './logger';
import { AuditOutbox, outboxRecord, type OutboxRecord } from './outbox';
import { onceRecordId } from './audit';

const actor = { username: 'city-wjw-user', sub: 'sub-1', department: '420600-wjw', region: '420600' };

/** Just the three statements the outbox issues. */
function fakeTable(failInsert = false) {
  const rows: Array<{ seq: number; id: string; record: string }> = [];
  let seq = 0;
  const query = async (sql: string, params: unknown[] = []): Promise<unknown> => {
    if (sql.startsWith('INSERT')) {
      if (failInsert) throw Object.assign(new Error("Table 'audit_outbox' doesn't exist"), { code: 'ER_NO_SUCH_TABLE' });
      rows.push({ seq: ++seq, id: String(params[0]), record: String(params[1]) });
      return undefined;
    }
    if (sql.startsWith('SELECT seq')) return [...rows].sort((a, b) => a.seq - b.seq).slice(0, Number(params[0])).map((r) => ({ seq: String(r.seq), record: r.record }));
    if (sql.startsWith('DELETE')) {
      const gone = new Set(params.map(String));
      for (let i = rows.length - 1; i >= 0; i--) if (gone.has(String(rows[i].seq))) rows.splice(i, 1);
      return undefined;
    }
    throw new Error(`unexpected ${sql}`);
  };
  const ds = { query, manager: { query } } as unknown as DataSource;
  return { ds, rows, manager: { query } as unknown as EntityManager };
}

const logger = createLogger('outbox-test');

test('a record is shaped as security accepts it: clipped fields, de-duplicated items, source time', () => {
  const r = outboxRecord(actor, 'req-1', { action: 'QUERY', items: ['姓名', '姓名', '电话'], detail: 'x'.repeat(2000) }, 'open-data', new Date('2026-11-30T01:02:03.004Z'));
  expect(r).toMatchObject({ actor: 'city-wjw-user', departmentId: '420600-wjw', regionCode: '420600', action: 'QUERY', outcome: 'SUCCESS',
    items: ['姓名', '电话'], source: 'open-data', requestId: 'req-1', occurredAt: '2026-11-30T01:02:03.004Z' });
  expect(r.detail).toHaveLength(1000);
  expect(r.id).toMatch(/^[0-9a-f-]{36}$/);
});

test('a notice rides with its record to security (issue 14), and a record without one carries no notify field', () => {
  const notify = { kind: 'TASK' as const, title: 't', subjectType: 'ShareApplication', subjectId: 'a1', recipients: [{ departmentId: '420600-gaj', role: 'dept-admin' }] };
  expect(outboxRecord(actor, 'r', { action: 'UPDATE', notify }, 'sharing').notify).toEqual({ ...notify, link: null });
  expect('notify' in outboxRecord(actor, 'r', { action: 'UPDATE' }, 'sharing')).toBe(false);
  // A notice security would refuse fails the operation now instead of blocking the relay later.
  expect(() => outboxRecord(actor, 'r', { action: 'UPDATE', notify: { ...notify, recipients: [{ departmentId: 'gaj', role: 'dept-admin' }] } }, 'sharing')).toThrow(AuditUnavailableError);
  expect(() => outboxRecord(actor, 'r', { action: 'UPDATE', notify: { ...notify, recipients: [] } }, 'sharing')).toThrow(AuditUnavailableError);
});

test('a department outside its token region cannot be recorded: the operation fails now, not the relay later', () => {
  expect(() => outboxRecord({ ...actor, region: '420683' }, 'r', { action: 'QUERY' }, 'catalog')).toThrow(AuditUnavailableError);
});

test('the relay ships in write order, deletes only what security confirmed, and keeps everything while security is down', async () => {
  const t = fakeTable();
  const shipped: OutboxRecord[][] = [];
  let down = true;
  const outbox = new AuditOutbox({ ds: t.ds, source: 'catalog', logger, batchSize: 2, ship: async (b) => { if (down) throw new Error('security unreachable'); shipped.push(b); } });
  for (let i = 0; i < 5; i++) await outbox.record(actor, `req-${i}`, { action: 'UPDATE', detail: `n=${i}` }, i % 2 ? t.manager : undefined);
  await expect(outbox.shipOnce()).rejects.toThrow('security unreachable');
  expect(t.rows).toHaveLength(5); // nothing lost
  down = false;
  await outbox.drain();
  expect(t.rows).toHaveLength(0);
  expect(shipped.map((b) => b.length)).toEqual([2, 2, 1]);
  expect(shipped.flat().map((r) => r.detail)).toEqual(['n=0', 'n=1', 'n=2', 'n=3', 'n=4']);
});

test('no outbox row, no data: a failed insert is AUDIT_UNAVAILABLE', async () => {
  const t = fakeTable(true);
  const outbox = new AuditOutbox({ ds: t.ds, source: 'open-data', logger, ship: async () => undefined });
  await expect(outbox.record(actor, 'r', { action: 'QUERY' })).rejects.toMatchObject({ extensions: { code: 'AUDIT_UNAVAILABLE' } });
});

test('a done item (已办, issue 14) rides with its record; one security would refuse is left off, the record still written', () => {
  const done = { type: 'SHARE_DECISION', id: 'a1', stage: 'PROVIDER_REVIEW', title: 't', departmentId: '420600-gaj', regionCode: '420600', outcome: 'APPROVED' };
  expect(outboxRecord(actor, 'r', { action: 'APPROVE', done }, 'sharing').done).toEqual(done);
  expect('done' in outboxRecord(actor, 'r', { action: 'APPROVE' }, 'sharing')).toBe(false);
  expect('done' in outboxRecord(actor, 'r', { action: 'APPROVE', done: { ...done, departmentId: 'gaj' } }, 'sharing')).toBe(false);
  expect('done' in outboxRecord(actor, 'r', { action: 'APPROVE', done: { ...done, type: 'lower' } }, 'sharing')).toBe(false);
});

test('a once-only record (issue 14 reminders): the id is derived from its key, the same key gives the same record, a REMINDER notice passes', () => {
  const a = onceRecordId('share-application-1:PROVIDER_REVIEW:2026-12-08T16:00:00.000Z:reminder');
  expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  expect(onceRecordId('share-application-1:PROVIDER_REVIEW:2026-12-08T16:00:00.000Z:reminder')).toBe(a);
  expect(onceRecordId('share-application-1:FILING:2026-12-08T16:00:00.000Z:reminder')).not.toBe(a);
  const actor = { username: 'share-approval', sub: 'share-approval', department: '420600-gaj', region: '420600' };
  const notify = { kind: 'REMINDER' as const, title: '即将到期', subjectType: 'ShareApplication', subjectId: 'x', recipients: [{ departmentId: '420600-gaj', role: 'dept-admin' }] };
  const r = outboxRecord(actor, 'r', { action: 'ACCESS', notify }, 'sharing', new Date(), a);
  expect(r.id).toBe(a);
  expect(r.notify?.kind).toBe('REMINDER');
});
