// A bulk load is all-or-nothing: rows stream through validation into multi-row INSERTs inside ONE transaction; the
// first bad row stops the inserting (validation goes on, to report up to MAX_PROBLEMS bad rows) and the transaction
// is rolled back, so nothing half-loaded stays. The load row itself is written outside it, so its result is readable.
import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import type { DataSource, EntityManager } from 'typeorm';
import { ExchangeLoad } from '../entities/exchange';
import { LoadStatus } from '../entities/enums';
import { rowsOf, type ParsedRow, type UploadFormat } from './parse';
import type { ExchangeCipher } from './protect';
import { keyItemOf, type ExchangeResource } from './resource';
import { rowValidator, type IdentifierCheck, type RowProblem } from './validate';

export const MAX_PROBLEMS = 100;
const BATCH = 1000;

export interface RecordRow { key: string; fields: Record<string, string> }

/** One multi-row upsert by (resource, key): a re-loaded record replaces the old one. */
export async function insertRecords(m: EntityManager, resourceId: string, loadId: string | null, rows: RecordRow[]): Promise<void> {
  if (!rows.length) return;
  const params: unknown[] = [];
  for (const r of rows) params.push(randomUUID(), resourceId, r.key, JSON.stringify(r.fields), loadId);
  await m.query(
    `INSERT INTO exchange_record (id, resource_id, record_key, fields, load_id) VALUES ${rows.map(() => '(?,?,?,?,?)').join(',')}
     ON DUPLICATE KEY UPDATE fields = VALUES(fields), load_id = VALUES(load_id)`,
    params,
  );
}

export interface LoadRequest {
  resource: ExchangeResource;
  format: UploadFormat | 'mysql';
  /** Rows from elsewhere than an uploaded body (the scheduled pull's provider table). */
  source?: AsyncIterable<ParsedRow>;
  createdBy: string;
  idempotencyKey?: string | null;
  identifiers?: Record<string, IdentifierCheck>;
  /** Encryption at rest of sensitive items and of the record key. */
  cipher: ExchangeCipher;
  /** Runs once every row is in, inside the load's transaction (the audit record): if it throws, nothing is loaded. */
  beforeCommit?: (rowCount: number, manager: EntityManager) => Promise<void>;
}

export async function loadRecords(ds: DataSource, input: Readable | null, req: LoadRequest): Promise<ExchangeLoad> {
  const loads = ds.getRepository(ExchangeLoad);
  if (req.idempotencyKey) {
    const earlier = await loads.findOneBy({ resourceId: req.resource.id, idempotencyKey: req.idempotencyKey });
    if (earlier) { input?.resume(); return earlier; } // a retried upload: answer as the first one did
  }
  const id = randomUUID();
  await loads.insert({
    id, resourceId: req.resource.id, departmentId: req.resource.departmentId, regionCode: req.resource.regionCode, format: req.format,
    status: LoadStatus.RUNNING, rowCount: 0, problems: null, idempotencyKey: req.idempotencyKey ?? null, createdBy: req.createdBy,
  });

  const validator = rowValidator(req.resource.items, keyItemOf(req.resource), req.identifiers);
  const problems: RowProblem[] = [];
  let problemCount = 0;
  const note = (p: RowProblem[]) => { problemCount += p.length; for (const x of p) if (problems.length < MAX_PROBLEMS) problems.push(x); };
  let rowCount = 0;
  let lastRow = 0;
  let batch: RecordRow[] = [];
  // One batch is written while the next is parsed, validated and encrypted (at most one INSERT in flight).
  let inflight: Promise<void> = Promise.resolve();
  let insertError: unknown;
  const write = async (rows: RecordRow[]) => {
    await inflight;
    if (insertError) throw insertError;
    inflight = insertRecords(qr.manager, req.resource.id, id, rows).catch((e: unknown) => { insertError = e; });
  };
  const qr = ds.createQueryRunner();
  await qr.connect();
  await qr.startTransaction();
  try {
    try {
      for await (const item of req.source ?? rowsOf(input!, req.format as UploadFormat)) {
        if (item.kind === 'header') { note(validator.header(item.columns)); continue; }
        lastRow = item.row;
        if (item.kind === 'bad') { note([{ row: item.row, field: null, reason: item.reason }]); continue; }
        const { problems: p, fields, key } = validator.row(item.row, item.values);
        if (p.length) { note(p); continue; }
        rowCount++;
        if (problemCount) continue; // already failing: validate the rest, store nothing
        batch.push({ key: req.cipher.storedKey(req.resource.id, key), fields: req.cipher.protect(req.resource, fields) });
        if (batch.length >= BATCH) { await write(batch); batch = []; }
      }
    } catch (e) {
      if (e === insertError) throw e; // the database's failure, not the file's
      // A malformed file (unterminated quote, not a zip): the parser's own message, at the row it reached.
      note([{ row: lastRow + 1, field: null, reason: `unreadable ${req.format}: ${(e as Error).message.split('\n')[0].slice(0, 200)}` }]);
    }
    await inflight;
    if (insertError) throw insertError;
    if (rowCount === 0 && !problemCount) note([{ row: 0, field: null, reason: 'the upload holds no data rows' }]);
    if (problemCount) {
      await qr.rollbackTransaction();
      await loads.update({ id }, { status: LoadStatus.FAILED, rowCount: 0, problems, finishedAt: new Date() });
    } else {
      await insertRecords(qr.manager, req.resource.id, id, batch);
      await req.beforeCommit?.(rowCount, qr.manager);
      await qr.commitTransaction();
      await loads.update({ id }, { status: LoadStatus.LOADED, rowCount, problems: [], finishedAt: new Date() });
    }
  } catch (e) {
    if (qr.isTransactionActive) await qr.rollbackTransaction();
    await loads.update({ id }, { status: LoadStatus.FAILED, rowCount: 0, problems: [{ row: 0, field: null, reason: 'internal error; nothing was loaded' }], finishedAt: new Date() });
    throw e;
  } finally {
    await qr.release();
  }
  return loads.findOneByOrFail({ id });
}
