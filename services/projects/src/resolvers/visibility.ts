// Who may read and act on a digital project: staff of the owner department; the authority / assessors of a region that
// covers the project's region (a city covers its counties); the region's development-reform commission and finance
// bureau, which decide on its approval, budget and final acceptance (§16-17, §26).
import { coveredRegionSql, ForbiddenError, hasRole, regionCovers, type User } from '@gov/kit';
import type { SelectQueryBuilder } from 'typeorm';
import type { PartyKinds } from '../config';
import type { DigitalProject } from '../entities/digital-project';
import { DigitalProjectKind } from '../entities/enums';
import { partyDepartment, type Party } from '../domain/rules';

export const PROJECT_READERS = ['authority', 'assessor', 'platform-operator', 'dept-admin', 'dept-approver', 'dept-user'] as const;
const OVERSIGHT = ['authority', 'assessor'] as const;
const DECIDERS = ['dept-admin', 'dept-approver'] as const;

type Where = { ownerDepartmentId: string; regionCode: string | null };

export function isParty(user: User, party: Party, p: Where, kinds: PartyKinds): boolean {
  if (!p.regionCode || !user.region) return false;
  if (party === 'authority') return hasRole(user, 'authority') && regionCovers(user.region, p.regionCode);
  return hasRole(user, ...DECIDERS) && user.department === partyDepartment(party, p.regionCode, kinds);
}

export function canReadProjectsOf(user: User, owner: Where, kinds: PartyKinds): boolean {
  if (user.department && user.department === owner.ownerDepartmentId && hasRole(user, ...PROJECT_READERS)) return true;
  if (isParty(user, 'reform', owner, kinds) || isParty(user, 'finance', owner, kinds)) return true;
  return !!owner.regionCode && !!user.region && hasRole(user, ...OVERSIGHT) && regionCovers(user.region, owner.regionCode);
}

/** The owner department's administrator files its project's steps (§10, §13, §20, §24-29). */
export function assertOwner(user: User, p: DigitalProject): void {
  if (!(hasRole(user, 'dept-admin') && user.department === p.ownerDepartmentId)) {
    throw new ForbiddenError(`only the owner department ${p.ownerDepartmentId} files the steps of digital project ${p.id}`);
  }
}

/** §13: the big-data centre of the project's region compiles a unified project's construction plan; the owner a self-built one's. */
export function assertPlanAuthor(user: User, p: DigitalProject, kinds: PartyKinds): void {
  if (p.kind !== DigitalProjectKind.UNIFIED) return assertOwner(user, p);
  if (!(hasRole(user, 'dept-admin', 'platform-operator') && user.department === `${p.regionCode}-${kinds.bigDataCentreKind}`)) {
    throw new ForbiddenError(`the big-data centre ${p.regionCode}-${kinds.bigDataCentreKind} compiles the construction plan of unified project ${p.id} (§13)`);
  }
}

export function assertParty(user: User, party: Party, p: DigitalProject, kinds: PartyKinds): void {
  if (isParty(user, party, p, kinds)) return;
  const who = party === 'authority' ? `the authority of region ${p.regionCode} or its city` : `${partyDepartment(party, p.regionCode, kinds)} (${party})`;
  throw new ForbiddenError(`only ${who} decides this step of digital project ${p.id}`);
}

/** The same rule as SQL, for lists. */
export function restrictToReadable(qb: SelectQueryBuilder<DigitalProject>, user: User, kinds: PartyKinds): SelectQueryBuilder<DigitalProject> {
  const a = qb.alias;
  const clauses: string[] = [];
  const params: Record<string, string> = {};
  if (user.department && hasRole(user, ...PROJECT_READERS)) { clauses.push(`${a}.ownerDepartmentId = :scopeDept`); params.scopeDept = user.department; }
  if (user.region && user.department && hasRole(user, ...DECIDERS)
    && [partyDepartment('reform', user.region, kinds), partyDepartment('finance', user.region, kinds)].includes(user.department)) {
    clauses.push(`${a}.regionCode = :partyRegion`); params.partyRegion = user.region;
  }
  if (user.region && hasRole(user, ...OVERSIGHT)) {
    const covered = coveredRegionSql(`${a}.regionCode`, user.region);
    clauses.push(covered.sql);
    Object.assign(params, covered.params);
  }
  return qb.andWhere(clauses.length ? `(${clauses.join(' OR ')})` : '1 = 0', params);
}
