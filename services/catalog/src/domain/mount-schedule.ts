// The mount-health probe on a Temporal schedule (000 §13, §18), every MOUNT_PROBE_MINUTES; a run still going is not
// started twice (the default overlap policy SKIP). Created once; already there = fine.
import { ScheduleAlreadyRunning, type Client } from '@temporalio/client';
import { MOUNT_HEALTH_SCHEDULE_ID, refs, workflowQueue } from '@gov/workflows';
import type { Logger } from '@gov/kit';

export async function ensureMountHealthSchedule(temporal: Client, taskQueuePrefix: string, everyMinutes: number, logger: Logger): Promise<void> {
  try {
    await temporal.schedule.create({
      scheduleId: `${taskQueuePrefix}${MOUNT_HEALTH_SCHEDULE_ID}`,
      spec: { intervals: [{ every: `${everyMinutes} minutes` }] },
      action: { type: 'startWorkflow', workflowType: refs.mountHealth.name, taskQueue: workflowQueue(taskQueuePrefix), args: [] },
    });
    logger.info({ scheduleId: MOUNT_HEALTH_SCHEDULE_ID, everyMinutes }, 'mount health schedule created');
  } catch (e) {
    if (!(e instanceof ScheduleAlreadyRunning)) throw e;
  }
}
