// Conditional open-data application (000 §21, 003 §26): the provider decides within 7 working days; past the limit the
// application is escalated to the authority and stays marked overdue until the provider decides.
import { patched, setHandler } from '@temporalio/workflow';
import { workingDayDeadline } from '@gov/working-days';
import { serviceActivities } from '../activities';
import { DEADLINE_REMINDER_PATCH, awaitDeadlineStep } from '../deadline-step';
import type { OpenDataApplicationActivities, OpenDataApplicationInput, OpenDataDecision } from './definitions';
import { OPEN_DATA_DECISION_WORKING_DAYS, openDataDecisionSignal } from './definitions';

// The workflow clock: inside the sandbox `Date` is deterministic (replayed from history).
const now = (): number => new Date().getTime();

export async function openDataApplicationWorkflow(input: OpenDataApplicationInput): Promise<{ approved: boolean; overdue: boolean }> {
  const openData = serviceActivities<OpenDataApplicationActivities>('open-data');
  let decision: OpenDataDecision | null = null;
  // Only the first decision counts (a repeated signal is a no-op).
  setHandler(openDataDecisionSignal, (d) => { decision ??= d; });

  // A reminder timer before the deadline timer (histories started before it replay without).
  const reminders = patched(DEADLINE_REMINDER_PATCH);

  const deadline = workingDayDeadline(now(), OPEN_DATA_DECISION_WORKING_DAYS);
  await openData.openReview({ applicationId: input.applicationId, deadline: deadline.toISOString() });
  const { overdue } = await awaitDeadlineStep({
    deadline: () => deadline, done: () => decision !== null, reminders,
    remind: (due) => openData.remindApplication({ applicationId: input.applicationId, deadline: due.toISOString() }),
    escalate: () => openData.escalateApplication({ applicationId: input.applicationId }),
  });
  const d = decision as unknown as OpenDataDecision;
  await openData.recordApplicationDecision({ applicationId: input.applicationId, decision: d });
  return { approved: d.approve, overdue };
}
