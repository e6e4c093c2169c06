// Security incidents (000 §24): report with severity and the emergency plan invoked, notification of the authority
// (at once for HIGH and CRITICAL), closure with a summary. The description is SM4-encrypted at rest.
import { randomUUID } from 'node:crypto';
import { BadUserInputError, ConflictError, type User } from '@gov/kit';
import { sm4Encrypt, type Sm4Keyring } from '@gov/gm-crypto';
import { IsNull, type EntityManager } from 'typeorm';
import { IncidentSeverity, IncidentStatus } from '../entities/enums';
import { SecurityIncident } from '../entities/security-incident';
import { planForIncident } from './emergency-plans';

const NOTIFY_AT_ONCE = new Set([IncidentSeverity.HIGH, IncidentSeverity.CRITICAL]);

export interface IncidentReport {
  title: string; description: string; severity: IncidentSeverity; emergencyPlan?: string | null; emergencyPlanId?: string | null; resourceId?: string | null;
}

export async function report(m: EntityManager, keyring: Sm4Keyring, reporter: User & { department: string; region: string }, input: IncidentReport): Promise<SecurityIncident> {
  const repo = m.getRepository(SecurityIncident);
  if (!input.emergencyPlan && !input.emergencyPlanId) throw BadUserInputError.field('emergencyPlanId', 'name the emergency plan invoked (emergencyPlanId, or emergencyPlan by name)');
  const plan = input.emergencyPlanId ? await planForIncident(m, input.emergencyPlanId, reporter) : null;
  const row = repo.create({
    id: randomUUID(), title: input.title, descriptionEnc: sm4Encrypt(input.description, keyring), severity: input.severity,
    status: IncidentStatus.OPEN, departmentId: reporter.department, regionCode: reporter.region, resourceId: input.resourceId ?? null,
    emergencyPlan: input.emergencyPlan ?? `${plan!.title}（第${plan!.version}版）`, emergencyPlanId: plan?.id ?? null, reportedBy: reporter.username, authorityNotifiedAt: NOTIFY_AT_ONCE.has(input.severity) ? new Date() : null,
    closureSummary: null, closedBy: null, closedAt: null,
  });
  await repo.insert(row);
  return repo.findOneByOrFail({ id: row.id });
}

/** Idempotent: the first notification time stays. */
export async function notifyAuthority(m: EntityManager, i: SecurityIncident): Promise<SecurityIncident> {
  if (!i.authorityNotifiedAt) await m.getRepository(SecurityIncident).update({ id: i.id, authorityNotifiedAt: IsNull() }, { authorityNotifiedAt: new Date() });
  return m.getRepository(SecurityIncident).findOneByOrFail({ id: i.id });
}

/** Only after the authority was notified, with a summary. */
export async function close(m: EntityManager, i: SecurityIncident, summary: string, closedBy: string): Promise<SecurityIncident> {
  if (i.status === IncidentStatus.CLOSED) throw new ConflictError(`incident ${i.id} is already closed`);
  if (!i.authorityNotifiedAt) throw new ConflictError(`incident ${i.id}: notify the authority before closing it`);
  await m.getRepository(SecurityIncident).update({ id: i.id }, { status: IncidentStatus.CLOSED, closureSummary: summary, closedBy, closedAt: new Date() });
  return m.getRepository(SecurityIncident).findOneByOrFail({ id: i.id });
}
