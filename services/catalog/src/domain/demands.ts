// The demand list (000 §17): who is party to a demand, its status transitions (row guard + thread message + signal
// in one transaction) and raising one (idempotent on requester, holder and title while open).
import { randomUUID } from 'node:crypto';
import { ConflictError, hasRole, regionCovers, startWorkflowOnce, type User } from '@gov/kit';
import { demandEventSignal, demandWorkflowId, refs, type DemandEvent } from '@gov/workflows';
import { In, type EntityManager } from 'typeorm';
import { Demand, DemandMessage } from '../entities/demand';
import type { Department } from '../entities/department';
import { DemandStatus, EscalationLevel } from '../entities/enums';
import type { Workflows } from './review';

export const FINAL_DEMAND = [DemandStatus.FULFILLED, DemandStatus.REFUSED];

export type DemandSide = 'REQUESTER' | 'HOLDER' | 'AUTHORITY' | 'OVERSIGHT';

export function sideOf(user: User, d: Demand): DemandSide | null {
  if (user.department === d.requesterDepartmentId) return 'REQUESTER';
  if (user.department === d.holderDepartmentId) return 'HOLDER';
  const covers = (region: string) => !!user.region && regionCovers(user.region, region);
  if (hasRole(user, 'authority') && covers(d.holderRegionCode)) return 'AUTHORITY';
  if ((hasRole(user, 'authority', 'platform-operator', 'assessor') || user.isService) && (covers(d.holderRegionCode) || covers(d.requesterRegionCode) || user.isService)) return 'OVERSIGHT';
  return null;
}

/** The row's status guard, the thread message, then the signal (if Temporal refuses, `m` rolls back). */
export async function transition(
  m: EntityManager, wf: Workflows, actor: User, d: Demand, from: DemandStatus[], to: Partial<Demand>,
  message: { kind: string; body: string }, event: DemandEvent | null,
): Promise<Demand> {
  const changed = await m.getRepository(Demand).update({ id: d.id, status: In(from) }, to);
  if (!changed.affected) throw new ConflictError(`demand ${d.id} is ${d.status}; this step needs ${from.join(' or ')}`);
  await m.getRepository(DemandMessage).insert({ id: randomUUID(), demandId: d.id, author: actor.username, authorDepartmentId: actor.department, kind: message.kind, body: message.body });
  if (event) await wf.temporal.workflow.getHandle(demandWorkflowId(d.id)).signal(demandEventSignal, event);
  return m.getRepository(Demand).findOneByOrFail({ id: d.id });
}

/** The open demand with the same requester, holder and title, if any (a retried raise). */
export function openDemand(m: EntityManager, requester: string, holder: string, title: string): Promise<Demand | null> {
  return m.getRepository(Demand).createQueryBuilder('d')
    .where('d.requesterDepartmentId = :r AND d.holderDepartmentId = :h AND d.title = :t AND d.status NOT IN (:...f)', { r: requester, h: holder, t: title.trim(), f: FINAL_DEMAND })
    .getOne();
}

export async function raise(
  m: EntityManager, wf: Workflows, requester: User & { department: string; region: string }, holder: Department,
  input: { title: string; description: string; items: string[] }, deadlines: { answerWorkingDays: number; arbitrationWorkingDays: number },
): Promise<Demand> {
  const id = randomUUID();
  await m.getRepository(Demand).insert({
    id, requesterDepartmentId: requester.department, requesterRegionCode: requester.region, holderDepartmentId: holder.id, holderRegionCode: holder.regionCode,
    title: input.title.trim(), description: input.description, items: input.items, status: DemandStatus.OPEN, escalationLevel: EscalationLevel.NONE,
    answerOverdue: false, createdBy: requester.username,
  });
  await m.getRepository(DemandMessage).insert({ id: randomUUID(), demandId: id, author: requester.username, authorDepartmentId: requester.department, kind: 'REQUEST', body: input.description });
  await startWorkflowOnce(wf.temporal, refs.demandNegotiation, {
    id: demandWorkflowId(id), taskQueuePrefix: wf.taskQueuePrefix, args: [{ demandId: id, ...deadlines }],
  });
  return m.getRepository(Demand).findOneByOrFail({ id });
}
