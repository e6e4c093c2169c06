// The daily anchoring schedule on Temporal (00:10 China time). Created once per deployment; already there = fine.
import { ScheduleAlreadyRunning, type Client } from '@temporalio/client';
import { AUDIT_ANCHOR_SCHEDULE_ID, refs, workflowQueue } from '@gov/workflows';
import type { Logger } from '@gov/kit';

export async function ensureAuditAnchorSchedule(temporal: Client, taskQueuePrefix: string, logger: Logger): Promise<void> {
  try {
    await temporal.schedule.create({
      scheduleId: `${taskQueuePrefix}${AUDIT_ANCHOR_SCHEDULE_ID}`,
      spec: { calendars: [{ hour: 0, minute: 10 }], timezone: 'Asia/Shanghai' },
      action: { type: 'startWorkflow', workflowType: refs.auditAnchor.name, taskQueue: workflowQueue(taskQueuePrefix), args: [{}] },
      policies: { catchupWindow: '7 days' },
    });
    logger.info({ scheduleId: AUDIT_ANCHOR_SCHEDULE_ID }, 'audit anchor schedule created');
  } catch (e) {
    if (!(e instanceof ScheduleAlreadyRunning)) throw e;
  }
}
