// Showcase (003 §29): users publish applications built on open data; the platform operator reviews before display.
import { randomUUID } from 'node:crypto';
import { BadUserInputError, ConflictError, NotFoundError, isDuplicateKey, type AuditEntry, type User } from '@gov/kit';
import { In, type DataSource, type EntityManager } from 'typeorm';
import { OpenDatasetStatus } from '../entities/enums';
import { OpenDataShowcase, ShowcaseStatus } from '../entities/open-data-showcase';
import { OpenDataset } from '../entities/open-dataset';
import { showcaseReviewedNotice } from './notices';

type Audit = (e: AuditEntry, m?: EntityManager) => Promise<void>;
export interface ShowcaseFields { name: string; description: string; link: string; datasetIds: string[]; idempotencyKey: string }

export async function submitShowcase(ds: DataSource, user: User, f: ShowcaseFields, audit: Audit): Promise<OpenDataShowcase> {
  const repo = ds.getRepository(OpenDataShowcase);
  const existing = await repo.findOneBy({ submitterSub: user.sub, idempotencyKey: f.idempotencyKey });
  const retried = async (s: OpenDataShowcase) => { await audit({ action: 'UPDATE', detail: `showcase ${s.id}: retry, nothing changed` }); return s; };
  if (existing) return retried(existing);
  const ids = [...new Set(f.datasetIds)];
  const found = await ds.getRepository(OpenDataset).countBy({ id: In(ids), status: OpenDatasetStatus.PUBLISHED });
  if (found !== ids.length) throw BadUserInputError.field('datasetIds', 'every dataset used must be a published open dataset');
  const id = randomUUID();
  try {
    await ds.transaction(async (m) => {
      await m.getRepository(OpenDataShowcase).insert({
        id, submitterSub: user.sub, submitter: user.username, name: f.name, description: f.description, link: f.link, datasetIds: ids,
        status: ShowcaseStatus.SUBMITTED, featured: false, reviewedBy: null, reviewNote: null, idempotencyKey: f.idempotencyKey,
      });
      await audit({ action: 'UPDATE', detail: `showcase ${id} submitted` }, m);
    });
  } catch (e) {
    if (isDuplicateKey(e)) return retried(await repo.findOneByOrFail({ submitterSub: user.sub, idempotencyKey: f.idempotencyKey }));
    throw e;
  }
  return repo.findOneByOrFail({ id });
}

export async function showcaseOrFail(ds: DataSource | EntityManager, id: string): Promise<OpenDataShowcase> {
  const s = await ds.getRepository(OpenDataShowcase).findOneBy({ id });
  if (!s) throw new NotFoundError('OpenDataShowcase', id);
  return s;
}

export async function reviewShowcase(ds: DataSource, id: string, by: string, approve: boolean, note: string | null, audit: Audit): Promise<OpenDataShowcase> {
  if (!approve && !note?.trim()) throw BadUserInputError.field('note', 'a rejection says why');
  return ds.transaction(async (m) => {
    const s = await showcaseOrFail(m, id);
    if (s.status !== ShowcaseStatus.SUBMITTED) throw new ConflictError(`the case is already ${s.status}`);
    await m.getRepository(OpenDataShowcase).update({ id }, { status: approve ? ShowcaseStatus.APPROVED : ShowcaseStatus.REJECTED, reviewedBy: by, reviewNote: note?.trim() || null });
    await audit({ action: 'APPROVE', detail: `showcase ${id} ${approve ? 'approved' : 'rejected'}`, notify: showcaseReviewedNotice(s, approve) }, m);
    return showcaseOrFail(m, id);
  });
}

export async function featureShowcase(ds: DataSource, id: string, featured: boolean, audit: Audit): Promise<OpenDataShowcase> {
  return ds.transaction(async (m) => {
    const s = await showcaseOrFail(m, id);
    if (s.status !== ShowcaseStatus.APPROVED) throw new ConflictError('only a reviewed and approved case can be featured');
    await m.getRepository(OpenDataShowcase).update({ id }, { featured });
    await audit({ action: 'UPDATE', detail: `showcase ${id} featured=${featured}` }, m);
    return showcaseOrFail(m, id);
  });
}
