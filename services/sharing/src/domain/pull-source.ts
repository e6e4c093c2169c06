// A provider's table pulled on a schedule into the exchange (the pull itself runs in activities/pull.activities.ts).
import { ScheduleAlreadyRunning, ScheduleOverlapPolicy, type Client } from '@temporalio/client';
import { refs, sharePullScheduleId, workflowQueue } from '@gov/workflows';
import type { EntityManager } from 'typeorm';
import { PullSource } from '../entities/pull-source';
import type { ExchangeCipher } from './protect';

/** Database and table names are interpolated into SQL: plain identifiers only. */
export const IDENTIFIER = /^[A-Za-z0-9_]{1,64}$/;

export interface PullSourceSpec {
  host: string; port: number; database: string; table: string; username: string; password: string; everyMinutes: number;
}

/** The pull source row (password sealed with SM4); configuring again updates it. */
export async function savePullSource(
  m: EntityManager, cipher: ExchangeCipher, r: { id: string; departmentId: string; regionCode: string }, spec: PullSourceSpec, updatedBy: string,
): Promise<PullSource> {
  await m.getRepository(PullSource).upsert({
    resourceId: r.id, departmentId: r.departmentId, regionCode: r.regionCode, host: spec.host, port: spec.port, database: spec.database,
    table: spec.table, username: spec.username, password: cipher.seal(spec.password), everyMinutes: spec.everyMinutes, updatedBy,
  }, ['resourceId']);
  return m.getRepository(PullSource).findOneByOrFail({ resourceId: r.id });
}

/** One Temporal schedule per resource; configuring again updates its interval. */
export async function schedulePull(temporal: Client, taskQueuePrefix: string, resourceId: string, everyMinutes: number): Promise<void> {
  const scheduleId = sharePullScheduleId(resourceId, taskQueuePrefix);
  const spec = { intervals: [{ every: everyMinutes * 60_000 }] }; // ms
  const action = { type: 'startWorkflow' as const, workflowType: refs.sharePull.name, taskQueue: workflowQueue(taskQueuePrefix), args: [{ resourceId }] };
  try {
    await temporal.schedule.create({ scheduleId, spec, action, policies: { overlap: ScheduleOverlapPolicy.SKIP } });
  } catch (e) {
    if (!(e instanceof ScheduleAlreadyRunning)) throw e;
    await temporal.schedule.getHandle(scheduleId).update((prev) => ({ ...prev, spec, action }));
  }
}
