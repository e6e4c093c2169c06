// Emergency plans and drills (000 §24: every department draws up its data-security emergency plan; 003 §32(二): plans
// are drilled regularly — at least once a year here). Texts, participants and findings are SM4-encrypted at rest.
// The drill due date counts calendar days (a year after the latest drill), so no working-day calendar is involved.
import { randomUUID } from 'node:crypto';
import { BadUserInputError, ConflictError, isDuplicateKey, regionCovers, type User } from '@gov/kit';
import { sm3Hex, sm4Decrypt, sm4Encrypt, type Sm4Keyring } from '@gov/gm-crypto';
import { chinaDate } from '@gov/working-days';
import type { EntityManager } from 'typeorm';
import { EmergencyDrill, EmergencyPlan, EmergencyPlanVersion } from '../entities/emergency-plan';

export type PlanOwner = User & { department: string; region: string };
export interface PlanInput { title: string; text: string; regionWide?: boolean | null }
export interface RevisionInput { text: string; note: string; title?: string | null }
export interface DrillInput { planId: string; drilledOn: string; participants: string[]; findings: string; followUpActions: string[] }

/** One year after `day` (29 February → 28 February). */
export function oneYearAfter(day: string): string {
  const [y, m, d] = day.split('-');
  return `${Number(y) + 1}-${m}-${m === '02' && d === '29' ? '28' : d}`;
}

/** Due a year after the latest drill; a plan never drilled is due from its registration, i.e. overdue at once. */
export function drillDue(p: Pick<EmergencyPlan, 'lastDrilledOn' | 'createdAt'>, today: string = chinaDate(Date.now())): { dueOn: string; overdue: boolean } {
  if (!p.lastDrilledOn) return { dueOn: chinaDate(p.createdAt), overdue: true };
  const dueOn = oneYearAfter(p.lastDrilledOn);
  return { dueOn, overdue: today > dueOn };
}

/** The SQL of `drillDue(...).overdue` for lists: never drilled, or the latest drill more than a year before today. */
export function overdueSql(alias: string, today: string = chinaDate(Date.now())): { sql: string; params: Record<string, string> } {
  return { sql: `(${alias}.lastDrilledOn IS NULL OR ${alias}.lastDrilledOn < DATE_SUB(:epToday, INTERVAL 1 YEAR))`, params: { epToday: today } };
}

export async function registerPlan(m: EntityManager, keyring: Sm4Keyring, owner: PlanOwner, input: PlanInput): Promise<EmergencyPlan> {
  const id = randomUUID();
  await m.getRepository(EmergencyPlan).insert({
    id, departmentId: owner.department, regionCode: owner.region, title: input.title, regionWide: !!input.regionWide, version: 1,
    lastDrilledOn: null, createdBy: owner.username,
  });
  await m.getRepository(EmergencyPlanVersion).insert({
    id: randomUUID(), planId: id, version: 1, textEnc: sm4Encrypt(input.text, keyring), textHash: sm3Hex(input.text), note: null, createdBy: owner.username,
  });
  return m.getRepository(EmergencyPlan).findOneByOrFail({ id });
}

/** A new version; the same text as the current version again is a no-op (a retried revision applies once). */
export async function revisePlan(m: EntityManager, keyring: Sm4Keyring, planId: string, input: RevisionInput, actor: string): Promise<{ plan: EmergencyPlan; changed: boolean }> {
  const plans = m.getRepository(EmergencyPlan);
  const p = await plans.createQueryBuilder('p').setLock('pessimistic_write').where('p.id = :id', { id: planId }).getOneOrFail();
  const current = await m.getRepository(EmergencyPlanVersion).findOneByOrFail({ planId, version: p.version });
  const textHash = sm3Hex(input.text);
  if (current.textHash === textHash && (!input.title || input.title === p.title)) return { plan: p, changed: false };
  const version = p.version + 1;
  await m.getRepository(EmergencyPlanVersion).insert({
    id: randomUUID(), planId, version, textEnc: sm4Encrypt(input.text, keyring), textHash, note: input.note, createdBy: actor,
  });
  await plans.update({ id: planId }, { version, ...(input.title ? { title: input.title } : {}) });
  return { plan: await plans.findOneByOrFail({ id: planId }), changed: true };
}

/** One drill per plan and day: the same findings again is a no-op, different ones a conflict. */
export async function recordDrill(
  m: EntityManager, keyring: Sm4Keyring, p: EmergencyPlan, input: DrillInput, actor: string, today: string = chinaDate(Date.now()),
): Promise<{ drill: EmergencyDrill; existed: boolean }> {
  if (input.drilledOn > today) throw BadUserInputError.field('drilledOn', `a drill is recorded after it took place (today is ${today})`);
  const drills = m.getRepository(EmergencyDrill);
  const same = async () => {
    const d = await drills.findOneBy({ planId: p.id, drilledOn: input.drilledOn });
    if (d && sm4Decrypt(d.findingsEnc, keyring) === input.findings) return d;
    if (d) throw new ConflictError(`plan ${p.id} already has a different drill on ${input.drilledOn}`);
    return null;
  };
  const earlier = await same();
  if (earlier) return { drill: earlier, existed: true };
  const id = randomUUID();
  try {
    await drills.insert({
      id, planId: p.id, planVersion: p.version, departmentId: p.departmentId, regionCode: p.regionCode, drilledOn: input.drilledOn,
      participantsEnc: sm4Encrypt(JSON.stringify(input.participants), keyring), findingsEnc: sm4Encrypt(input.findings, keyring),
      followUpEnc: sm4Encrypt(JSON.stringify(input.followUpActions), keyring), recordedBy: actor,
    });
  } catch (e) {
    const raced = isDuplicateKey(e) ? await same() : null;
    if (raced) return { drill: raced, existed: true };
    throw e;
  }
  await m.createQueryBuilder().update(EmergencyPlan)
    .set({ lastDrilledOn: () => 'GREATEST(COALESCE(last_drilled_on, :d), :d)' }).setParameter('d', input.drilledOn)
    .where('id = :id', { id: p.id }).execute();
  return { drill: await drills.findOneByOrFail({ id }), existed: false };
}

/** An incident's plan must be its department's own or a region-wide plan of a region covering it. */
export async function planForIncident(m: EntityManager, planId: string, reporter: PlanOwner): Promise<EmergencyPlan> {
  const p = await m.getRepository(EmergencyPlan).findOneBy({ id: planId });
  if (!p || !(p.departmentId === reporter.department || (p.regionWide && regionCovers(p.regionCode, reporter.region)))) {
    throw BadUserInputError.field('emergencyPlanId', "the plan must be your department's own emergency plan or a region-wide plan covering it");
  }
  return p;
}
