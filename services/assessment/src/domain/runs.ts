// Assessment runs (000 §28, 004 §34): a versioned, immutable snapshot per period; computed by a Temporal workflow;
// the authority publishes one version per period.
import { randomUUID } from 'node:crypto';
import { auditAs, ConflictError, isDuplicateKey, NotFoundError, startWorkflowOnce, type AuditEntry, type CommonConfig } from '@gov/kit';
import { assessmentPeriodEndWorkflowId, assessmentRunWorkflowId, refs, type AssessmentRunResult } from '@gov/workflows';
import type { Client } from '@temporalio/client';
import type { DataSource, EntityManager } from 'typeorm';
import { AssessmentPeriod } from '../entities/assessment-period';
import { AssessmentResult, AssessmentRun } from '../entities/assessment-run';
import { AssessmentRunStatus } from '../entities/enums';
import { AssessmentIndicator } from '../entities/indicator';
import { collectFacts } from './collect';
import { DEFAULT_INDICATORS } from './defaults';
import { scoreLevel } from './scoring';

type Audit = (entry: AuditEntry, m?: EntityManager) => Promise<void>;

/** A new period starts from the default set (idempotent: keys already present are kept). */
export async function ensureIndicators(m: EntityManager, periodId: string): Promise<void> {
  await m.getRepository(AssessmentIndicator).createQueryBuilder().insert()
    .values(DEFAULT_INDICATORS.map((d) => ({ id: randomUUID(), periodId, ...d }))).orIgnore().execute();
}

export async function periodOrFail(m: EntityManager, id: string): Promise<AssessmentPeriod> {
  const p = await m.getRepository(AssessmentPeriod).findOneBy({ id });
  if (!p) throw new NotFoundError('assessment period', id);
  return p;
}

/** The next version of the period, with the indicator definitions as they stand (inside the caller's transaction). */
async function insertRun(m: EntityManager, period: AssessmentPeriod, requestedBy: string, idempotencyKey: string | null, audit: Audit): Promise<AssessmentRun> {
  // Lock the period row: concurrent runs of one period get consecutive versions.
  await m.getRepository(AssessmentPeriod).findOne({ where: { id: period.id }, lock: { mode: 'pessimistic_write' } });
  await ensureIndicators(m, period.id);
  const defs = await m.getRepository(AssessmentIndicator).find({ where: { periodId: period.id }, order: { key: 'ASC' } });
  const version = ((await m.getRepository(AssessmentRun).maximum('version', { periodId: period.id })) ?? 0) + 1;
  const id = randomUUID();
  await m.getRepository(AssessmentRun).insert({
    id, periodId: period.id, regionCode: period.regionCode, version, status: AssessmentRunStatus.RUNNING, idempotencyKey, requestedBy,
    indicators: defs.map(({ key, name, definition, unit, direction, weight, source }) => ({ key, name, definition, unit, direction, weight, source })),
  });
  await audit({ action: 'UPDATE', resourceId: id, items: ['assessmentRun'], detail: `run of period ${period.id} version ${version}` }, m);
  return m.getRepository(AssessmentRun).findOneByOrFail({ id });
}

/** A run on demand: inserted, then its workflow started last in the transaction (Temporal refusing rolls it back). */
export async function startRun(
  ds: DataSource, temporal: Client, taskQueuePrefix: string, period: AssessmentPeriod, requestedBy: string, idempotencyKey: string | null, audit: Audit,
): Promise<AssessmentRun> {
  if (idempotencyKey) {
    const again = await ds.getRepository(AssessmentRun).findOneBy({ periodId: period.id, idempotencyKey });
    if (again) return again;
  }
  try {
    const run = await ds.transaction(async (m) => {
      const r = await insertRun(m, period, requestedBy, idempotencyKey, audit);
      await startWorkflowOnce(temporal, refs.assessmentRun, { id: assessmentRunWorkflowId(r.id), args: [{ runId: r.id }], taskQueuePrefix });
      return r;
    });
    await schedulePeriodEnd(temporal, taskQueuePrefix, period);
    return run;
  } catch (e) {
    if (idempotencyKey && isDuplicateKey(e)) return ds.getRepository(AssessmentRun).findOneByOrFail({ periodId: period.id, idempotencyKey });
    throw e;
  }
}

/** The period-end run (000 §28: assessed at the end of each period); idempotent by workflow id. */
export async function schedulePeriodEnd(temporal: Client, taskQueuePrefix: string, period: AssessmentPeriod): Promise<void> {
  await startWorkflowOnce(temporal, refs.assessmentPeriodEnd, {
    id: assessmentPeriodEndWorkflowId(period.id), args: [{ periodId: period.id, endsOn: period.endsOn }], taskQueuePrefix,
  });
}

const PERIOD_END_KEY = 'period-end';

/** The activity of the period-end workflow: one run with the key `period-end`, however often it is retried. */
export async function createPeriodEndRun(ds: DataSource, periodId: string): Promise<{ runId: string }> {
  const existing = await ds.getRepository(AssessmentRun).findOneBy({ periodId, idempotencyKey: PERIOD_END_KEY });
  if (existing) return { runId: existing.id };
  const period = await periodOrFail(ds.manager, periodId);
  try {
    const run = await ds.transaction((m) => insertRun(m, period, 'period-end', PERIOD_END_KEY, (e, mm) => auditAs(RUN_ACTOR(period.regionCode), e, { manager: mm })));
    return { runId: run.id };
  } catch (e) {
    if (isDuplicateKey(e)) return { runId: (await ds.getRepository(AssessmentRun).findOneByOrFail({ periodId, idempotencyKey: PERIOD_END_KEY })).id };
    throw e;
  }
}

const COLLECT_TIMEOUT_MS = 120_000;

function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => { timer = setTimeout(() => reject(new Error(`${what} took longer than ${ms / 1000} s`)), ms); });
  return Promise.race([p, late]).finally(() => clearTimeout(timer));
}

const RUN_ACTOR = (region: string) => ({ username: 'assessment-run', sub: 'assessment-run', department: null, region });

/** The activity: collect, score, store — results and COMPLETED in one transaction, only while the run is RUNNING. */
export async function computeRun(ds: DataSource, runId: string, config?: CommonConfig): Promise<AssessmentRunResult> {
  const run = await ds.getRepository(AssessmentRun).findOneBy({ id: runId });
  if (!run) throw new NotFoundError('assessment run', runId);
  if (run.status !== AssessmentRunStatus.RUNNING) {
    return { runId, status: run.status === AssessmentRunStatus.COMPLETED ? 'COMPLETED' : 'FAILED', departments: 0, durationMs: run.durationMs ?? 0 };
  }
  const started = performance.now();
  const period = await periodOrFail(ds.manager, run.periodId);
  // A call that never answers must not hold the run for the activity's whole 10 minutes: fail the attempt, Temporal retries.
  const facts = await withTimeout(collectFacts(run.regionCode, run.indicators.map((d) => d.source), period.startsOn, period.endsOn, config), COLLECT_TIMEOUT_MS, 'collecting the facts');
  const scored = scoreLevel(run.indicators, facts);
  const durationMs = Math.round(performance.now() - started);
  await ds.transaction(async (m) => {
    const moved = await m.getRepository(AssessmentRun).update({ id: runId, status: AssessmentRunStatus.RUNNING },
      { status: AssessmentRunStatus.COMPLETED, completedAt: new Date(), durationMs });
    if (!moved.affected) return; // a concurrent attempt finished it
    if (scored.length) {
      await m.getRepository(AssessmentResult).insert(scored.map((s) => ({ id: randomUUID(), runId, regionCode: run.regionCode, ...s })));
    }
    await auditAs(RUN_ACTOR(run.regionCode), { action: 'UPDATE', resourceId: runId, items: ['assessmentRun'], detail: `completed: ${scored.length} departments in ${durationMs} ms` }, { manager: m });
  });
  return { runId, status: 'COMPLETED', departments: scored.length, durationMs };
}

export async function failRun(ds: DataSource, runId: string, reason: string): Promise<void> {
  await ds.transaction(async (m) => {
    const moved = await m.getRepository(AssessmentRun).update({ id: runId, status: AssessmentRunStatus.RUNNING }, { status: AssessmentRunStatus.FAILED, failure: reason });
    const run = await m.getRepository(AssessmentRun).findOneBy({ id: runId });
    if (moved.affected && run) await auditAs(RUN_ACTOR(run.regionCode), { action: 'UPDATE', resourceId: runId, items: ['assessmentRun'], detail: `failed: ${reason}`.slice(0, 500) }, { manager: m });
  });
}

/** One published version per period: publishing another withdraws the previous one. */
export async function publishRun(ds: DataSource, run: AssessmentRun, by: string, audit: Audit): Promise<AssessmentRun> {
  if (run.status !== AssessmentRunStatus.COMPLETED) throw new ConflictError(`only a completed run can be published; version ${run.version} is ${run.status}`);
  return ds.transaction(async (m) => {
    await m.getRepository(AssessmentPeriod).findOne({ where: { id: run.periodId }, lock: { mode: 'pessimistic_write' } });
    await m.getRepository(AssessmentRun).createQueryBuilder().update().set({ publishedAt: null, publishedBy: null })
      .where('period_id = :p AND id <> :id', { p: run.periodId, id: run.id }).execute();
    await m.getRepository(AssessmentRun).update({ id: run.id }, { publishedAt: new Date(), publishedBy: by });
    await audit({ action: 'UPDATE', resourceId: run.id, items: ['assessmentRun'], detail: `published version ${run.version} of period ${run.periodId}` }, m);
    return m.getRepository(AssessmentRun).findOneByOrFail({ id: run.id });
  });
}

export function publishedRunOf(m: EntityManager, periodId: string): Promise<AssessmentRun | null> {
  return m.getRepository(AssessmentRun).createQueryBuilder('r').where('r.periodId = :p AND r.publishedAt IS NOT NULL', { p: periodId }).getOne();
}
