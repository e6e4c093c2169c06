// The consumer's data-security capability check (000 §24 "提供部门有权对使用部门的数据安全保护能力进行核实"): the
// consumer department declares its measures with the agreement of a grant — responsible person, systems, grade-
// protection (等保) level, its emergency plan in security's registry — and the provider or the platform operator
// confirms or finds them insufficient. No delivery of the grant before the check has passed.
import { randomUUID } from 'node:crypto';
import { BadUserInputError, callSubgraphAsService, ConflictError, regionCovers, regionOfDepartment } from '@gov/kit';
import type { EntityManager } from 'typeorm';
import type { ShareGrant } from '../entities/grant';
import { CapabilityCheckStatus, SecurityCapabilityCheck } from '../entities/security-capability-check';
import type { ExchangeCipher } from './protect';

export interface CapabilityDeclaration { responsiblePerson: string; systems: string[]; gradeProtectionLevel: number; emergencyPlanId: string }

export const CAPABILITY_REQUIRED = '000 §24: the consumer\'s security capability check must be declared (declareSecurityCapability) and confirmed by the provider or the platform operator (confirmSecurityCapability) before the first delivery';

const PLAN = 'query($id: ID!) { emergencyPlan(id: $id) { departmentId regionCode regionWide } }';
type Plan = { departmentId: string; regionCode: string; regionWide: boolean };

/** The plan named must be in security's registry: the consumer department's own, or a region-wide plan covering it. */
export async function assertConsumerPlan(planId: string, consumerDepartmentId: string): Promise<void> {
  const { emergencyPlan: p } = await callSubgraphAsService<{ emergencyPlan: Plan | null }>('security', PLAN, { id: planId });
  const region = regionOfDepartment(consumerDepartmentId) ?? '';
  if (!p || !(p.departmentId === consumerDepartmentId || (p.regionWide && regionCovers(p.regionCode, region)))) {
    throw BadUserInputError.field('emergencyPlanId', 'name an emergency plan registered in security for your department (registerEmergencyPlan) or a region-wide plan covering it');
  }
}

/** Declares (or, before confirmation or after a failure, re-declares) the measures; a passed check is final. */
export async function declareCapability(
  m: EntityManager, cipher: ExchangeCipher, g: ShareGrant, input: CapabilityDeclaration, actor: string,
): Promise<SecurityCapabilityCheck> {
  const repo = m.getRepository(SecurityCapabilityCheck);
  const existing = await repo.createQueryBuilder('c').setLock('pessimistic_write').where('c.grantId = :g', { g: g.id }).getOne();
  if (existing?.status === CapabilityCheckStatus.PASSED) throw new ConflictError(`the security capability check of grant ${g.id} has already passed`);
  const fields = {
    responsiblePersonEnc: cipher.seal(input.responsiblePerson), systems: input.systems, gradeProtectionLevel: input.gradeProtectionLevel,
    emergencyPlanId: input.emergencyPlanId, status: CapabilityCheckStatus.DECLARED, declaredBy: actor, confirmedBy: null, confirmedAt: null, remarks: null,
  };
  if (existing) await repo.update({ id: existing.id }, fields);
  else await repo.insert({ id: randomUUID(), grantId: g.id, consumerDepartmentId: g.consumerDepartmentId, ...fields });
  return repo.findOneByOrFail({ grantId: g.id });
}

/** DECLARED → PASSED / FAILED; the same decision again is a no-op, a different one a conflict. */
export async function confirmCapability(m: EntityManager, grantId: string, passed: boolean, remarks: string | null, actor: string): Promise<{ check: SecurityCapabilityCheck; changed: boolean }> {
  const repo = m.getRepository(SecurityCapabilityCheck);
  const status = passed ? CapabilityCheckStatus.PASSED : CapabilityCheckStatus.FAILED;
  const r = await repo.update({ grantId, status: CapabilityCheckStatus.DECLARED }, { status, confirmedBy: actor, confirmedAt: new Date(), remarks });
  const check = await repo.findOneBy({ grantId });
  if (!check) throw new ConflictError(`the consumer has not declared its security capability for grant ${grantId} yet`);
  if (!r.affected && check.status !== status) throw new ConflictError(`the security capability check of grant ${grantId} is ${check.status}`);
  return { check, changed: !!r.affected };
}

export function capabilityPassed(m: EntityManager, grantId: string): Promise<boolean> {
  return m.getRepository(SecurityCapabilityCheck).existsBy({ grantId, status: CapabilityCheckStatus.PASSED });
}
