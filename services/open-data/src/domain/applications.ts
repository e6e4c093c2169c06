// Conditional open-data applications (000 §21, 003 §26): the rules and the writes, for resolvers and activities.
import { randomUUID } from 'node:crypto';
import { BadUserInputError, ConflictError, NotFoundError, isDuplicateKey, type AuditEntry, type User } from '@gov/kit';
import type { DataSource, EntityManager } from 'typeorm';
import { OpenDatasetOpenType, OpenDatasetStatus } from '../entities/enums';
import { OpenDataApplication, OpenDataApplicationStatus, type OpenDataApplicantKind } from '../entities/open-data-application';
import { OpenDataset } from '../entities/open-dataset';

/** What an applicant states (000 §21, 003 §26); validated field by field at the edge. */
export interface ApplicationFields {
  datasetId: string; applicantKind: OpenDataApplicantKind; applicantName: string; demandType: string; description: string; domain: string;
  format: string; purpose: string; items?: string[] | null; periodFrom: string; periodTo: string; idempotencyKey: string;
}

export function checkPeriod(input: Pick<ApplicationFields, 'periodFrom' | 'periodTo'>): void {
  if (input.periodTo < input.periodFrom) throw BadUserInputError.field('periodTo', 'the period ends before it starts');
}

/** Creates the application once per (applicant, idempotency key); returns it and whether it is new. */
export async function createApplication(
  ds: DataSource, user: User, input: ApplicationFields, audit: (e: AuditEntry, m?: EntityManager) => Promise<void>,
): Promise<{ application: OpenDataApplication; created: boolean }> {
  checkPeriod(input);
  const repo = ds.getRepository(OpenDataApplication);
  const existing = await repo.findOneBy({ applicantSub: user.sub, idempotencyKey: input.idempotencyKey });
  // A retried call is still one call: one record of it.
  const retried = async (a: OpenDataApplication) => {
    await audit({ action: 'UPDATE', resourceId: a.datasetId, detail: `open data application ${a.id}: retry, nothing changed` });
    return { application: a, created: false };
  };
  if (existing) return retried(existing);
  const d = await ds.getRepository(OpenDataset).findOneBy({ id: input.datasetId });
  if (!d || d.status === OpenDatasetStatus.DRAFT) throw BadUserInputError.field('datasetId', 'no such published open dataset');
  if (d.status === OpenDatasetStatus.SUSPENDED) throw new ConflictError('the dataset is suspended after a complaint (003 §17)');
  if (d.openType !== OpenDatasetOpenType.CONDITIONAL) throw BadUserInputError.field('datasetId', 'the dataset is open unconditionally: download it, no application needed');
  const id = randomUUID();
  try {
    await ds.transaction(async (m) => {
      await m.getRepository(OpenDataApplication).insert({
        id, datasetId: d.id, publisherDepartmentId: d.publisherDepartmentId, regionCode: d.regionCode, applicantSub: user.sub, applicant: user.username,
        applicantKind: input.applicantKind, applicantName: input.applicantName, demandType: input.demandType, description: input.description,
        domain: input.domain, format: input.format, purpose: input.purpose, items: input.items?.length ? [...new Set(input.items)] : null, periodFrom: input.periodFrom, periodTo: input.periodTo,
        status: OpenDataApplicationStatus.SUBMITTED, decisionDeadline: null, overdue: false, decidedBy: null, decisionReason: null, decidedAt: null,
        idempotencyKey: input.idempotencyKey,
      });
      await audit({ action: 'UPDATE', resourceId: d.resourceId ?? d.id, detail: `open data application ${id} for dataset ${d.id}` }, m);
    });
  } catch (e) {
    // The same key raced in from a retry: the first one wins.
    if (isDuplicateKey(e)) return retried(await repo.findOneByOrFail({ applicantSub: user.sub, idempotencyKey: input.idempotencyKey }));
    throw e;
  }
  return { application: await repo.findOneByOrFail({ id }), created: true };
}

export async function applicationOrFail(ds: DataSource, id: string): Promise<OpenDataApplication> {
  const a = await ds.getRepository(OpenDataApplication).findOneBy({ id });
  if (!a) throw new NotFoundError('OpenDataApplication', id);
  return a;
}
