// Public demand for data not yet open (003 §19, 001 §28): raised and supported by users (counted once per user), reviewed
// by the authority of the region with the holder; a refusal gives reasons and may be reconsidered once.
import { randomUUID } from 'node:crypto';
import { BadUserInputError, ConflictError, ForbiddenError, NotFoundError, isDuplicateKey, type AuditEntry, type User } from '@gov/kit';
import type { DataSource, EntityManager } from 'typeorm';
import { OpenDataDemand, OpenDataDemandStatus as S } from '../entities/open-data-demand';

type Audit = (e: AuditEntry, m?: EntityManager) => Promise<void>;
export interface DemandFields { title: string; description: string; regionCode?: string | null; holderDepartmentId?: string | null; idempotencyKey: string }

export async function demandOrFail(ds: DataSource | EntityManager, id: string, lock = false): Promise<OpenDataDemand> {
  const d = await ds.getRepository(OpenDataDemand).findOne({ where: { id }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
  if (!d) throw new NotFoundError('OpenDataDemand', id);
  return d;
}

export async function raiseDemand(ds: DataSource, user: User, f: DemandFields, audit: Audit): Promise<OpenDataDemand> {
  const regionCode = f.regionCode ?? user.region;
  if (!regionCode) throw BadUserInputError.field('regionCode', 'say which city or county the demand is for');
  const repo = ds.getRepository(OpenDataDemand);
  const existing = await repo.findOneBy({ requesterSub: user.sub, idempotencyKey: f.idempotencyKey });
  const retried = async (d: OpenDataDemand) => { await audit({ action: 'UPDATE', detail: `open data demand ${d.id}: retry, nothing changed` }); return d; };
  if (existing) return retried(existing);
  const id = randomUUID();
  try {
    await ds.transaction(async (m) => {
      await m.getRepository(OpenDataDemand).insert({
        id, requesterSub: user.sub, regionCode, title: f.title, description: f.description, holderDepartmentId: f.holderDepartmentId ?? null,
        requestCount: 1, status: S.OPEN, reason: null, reconsiderationRequest: null, reconsiderationAnswer: null, datasetId: null, idempotencyKey: f.idempotencyKey,
      });
      await m.query('INSERT INTO open_data_demand_support (demand_id, user_sub) VALUES (?, ?)', [id, user.sub]);
      await audit({ action: 'UPDATE', detail: `open data demand ${id} raised` }, m);
    });
  } catch (e) {
    if (isDuplicateKey(e)) return retried(await repo.findOneByOrFail({ requesterSub: user.sub, idempotencyKey: f.idempotencyKey }));
    throw e;
  }
  return repo.findOneByOrFail({ id });
}

/** Another user asks for the same data: counted once per user. */
export async function supportDemand(ds: DataSource, user: User, id: string, audit: Audit): Promise<OpenDataDemand> {
  return ds.transaction(async (m) => {
    const d = await demandOrFail(m, id, true);
    if (d.status !== S.OPEN) throw new ConflictError(`the demand is already ${d.status}`);
    const r = await m.query('INSERT IGNORE INTO open_data_demand_support (demand_id, user_sub) VALUES (?, ?)', [id, user.sub]) as { affectedRows: number };
    if (r.affectedRows) await m.getRepository(OpenDataDemand).increment({ id }, 'requestCount', 1);
    await audit({ action: 'UPDATE', detail: `open data demand ${id} ${r.affectedRows ? 'supported' : 'already supported by this user: not counted again'}` }, m);
    return demandOrFail(m, id);
  });
}

/** The authority decides (approve: the holder catalogues and opens it; refuse: with reasons). */
export async function reviewDemand(ds: DataSource, id: string, approve: boolean, reason: string | null, audit: Audit): Promise<OpenDataDemand> {
  if (!approve && !reason?.trim()) throw BadUserInputError.field('reason', 'a refusal gives its reasons (003 §19)');
  return ds.transaction(async (m) => {
    const d = await demandOrFail(m, id, true);
    if (d.status === S.OPEN) {
      await m.getRepository(OpenDataDemand).update({ id }, { status: approve ? S.APPROVED : S.REFUSED, reason: approve ? null : reason!.trim() });
    } else if (d.status === S.RECONSIDERATION_REQUESTED) {
      await m.getRepository(OpenDataDemand).update({ id }, { status: approve ? S.APPROVED : S.REFUSED_FINAL, reconsiderationAnswer: reason?.trim() || null });
    } else {
      throw new ConflictError(`the demand is already ${d.status}`);
    }
    await audit({ action: 'APPROVE', detail: `open data demand ${id} ${approve ? 'approved' : 'refused'}` }, m);
    return demandOrFail(m, id);
  });
}

/** 001 §28: the requester of a refused demand asks the authority to reconsider, once. */
export async function requestReconsideration(ds: DataSource, user: User, id: string, request: string, audit: Audit): Promise<OpenDataDemand> {
  return ds.transaction(async (m) => {
    const d = await demandOrFail(m, id, true);
    if (d.requesterSub !== user.sub) throw new ForbiddenError('only the requester asks for reconsideration');
    if (d.status !== S.REFUSED) throw new ConflictError('only a refused demand can be reconsidered, once');
    await m.getRepository(OpenDataDemand).update({ id }, { status: S.RECONSIDERATION_REQUESTED, reconsiderationRequest: request });
    await audit({ action: 'UPDATE', detail: `open data demand ${id} reconsideration requested` }, m);
    return demandOrFail(m, id);
  });
}
